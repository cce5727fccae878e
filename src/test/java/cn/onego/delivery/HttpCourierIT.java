package cn.onego.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.ProviderStub;
import cn.onego.cases.CaseWorld;
import cn.onego.cases.Halls;
import cn.onego.licences.IssuedCases;
import cn.onego.platform.provider.Signatures;

/**
 * Free mail through the HTTP courier adapter against a courier on loopback: the shipment of an issued case is
 * ordered from its hall to the applicant, signed; while the courier is down the order stays requested, is tried
 * again and is shown to the hall's staff with the courier's error — nothing is dropped — and once the courier is
 * back it is taken, followed by polling, and signed for through the courier's signed callback (a replayed or forged
 * callback is refused). Its cost is counted in the supervisors' statistics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onego.courier.mode=http", "onego.courier.http.api-key=" + HttpCourierIT.KEY,
				"onego.courier.http.secret=" + HttpCourierIT.SECRET, "onego.courier.stuck-after-days=0" })
@ActiveProfiles("test")
class HttpCourierIT {

	static final String KEY = "courier-key-for-tests";
	static final String SECRET = "courier-secret-for-tests";
	static final ProviderStub COURIER = ProviderStub.start(KEY, SECRET);

	@DynamicPropertySource
	static void courier(DynamicPropertyRegistry properties) {
		properties.add("onego.courier.http.base-url", () -> COURIER.url("/courier/"));
	}

	@LocalServerPort
	int port;

	@Autowired
	Halls halls;

	@Autowired
	Clock clock;

	@AfterAll
	static void stop() {
		COURIER.close();
	}

	@Test
	void aShipmentOrderedWhileTheCourierIsDownIsKeptRetriedAndFollowedUntilSignedFor() throws Exception {
		AtomicBoolean down = new AtomicBoolean(true);
		String trackingNumber = "CN" + (100_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 899_999_999L));
		List<Map<String, Object>> scans = new CopyOnWriteArrayList<>();
		COURIER.on("POST /courier/shipments", request -> down.get() ? new ProviderStub.Answer(503, Map.of("error", "down"))
				: new ProviderStub.Answer(200, Map.of("trackingNumber", trackingNumber, "costYuan", "15.50")));
		COURIER.on("GET /courier/shipments/" + trackingNumber + "/events", request -> new ProviderStub.Answer(200, Map.of("events", scans)));

		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		IssuedCases.Issued issued = IssuedCases.cateringCase(world);
		String caseId = issued.caseId();
		Map<String, Object> caseFile = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile");
		String number = (String) caseFile.get("number");
		String clerk = world.clerkOf(caseId);

		// the courier is down: the order is tried again and again, the hall sees it with the courier's error
		Map<String, Object> stuck = await(() -> problems(world, clerk).stream()
			.filter(s -> number.equals(s.get("caseNumber")) && ((Integer) s.get("attempts")) >= 2)
			.findFirst()
			.orElse(null));
		assertThat(stuck.get("state")).isEqualTo("REQUESTED");
		assertThat((String) stuck.get("lastError")).contains("503");
		assertThat(delivery(world, caseId).<String>json("$.shipment.state")).isEqualTo("REQUESTED");

		down.set(false);
		await(() -> "CREATED".equals(delivery(world, caseId).json("$.shipment.state")) ? true : null);
		List<ProviderStub.Received> orders = COURIER.received().stream()
			.filter(r -> r.path().equals("/courier/shipments") && number.equals(r.body().get("reference")))
			.toList();
		assertThat(orders.size()).as("every attempt reached the courier, signed").isGreaterThanOrEqualTo(3);
		assertThat(orders).allMatch(ProviderStub.Received::signed);
		Map<String, Object> order = orders.get(orders.size() - 1).body();
		Halls.Hall hall = halls.hall((String) caseFile.get("hall")).orElseThrow();
		assertThat(((Map<?, ?>) order.get("sender")).get("address")).isEqualTo(hall.address());
		assertThat(((Map<?, ?>) order.get("sender")).get("name")).isEqualTo(hall.name());
		assertThat(((Map<?, ?>) order.get("recipient")).get("address")).isEqualTo(world.address);
		assertThat(((Map<?, ?>) order.get("recipient")).get("mobile")).isEqualTo(world.mobile);
		assertThat(order.get("waybill")).isEqualTo(((Map<?, ?>) caseFile.get("issue")).get("trackingNumber"));
		Response created = delivery(world, caseId);
		assertThat(created.<String>json("$.shipment.trackingNumber")).isEqualTo(trackingNumber);
		assertThat(created.<Double>json("$.shipment.costYuan")).isEqualTo(15.5);

		// followed by polling
		scans.add(Map.of("state", "PICKED_UP", "at", clock.instant().toString(), "place", "长沙市芙蓉区揽投部"));
		scans.add(Map.of("state", "IN_TRANSIT", "at", clock.instant().plusSeconds(60).toString(), "place", "长沙邮件处理中心"));
		await(() -> "IN_TRANSIT".equals(delivery(world, caseId).json("$.shipment.state")) ? true : null);
		List<String> places = delivery(world, caseId).json("$.shipment.events[*].place");
		assertThat(places).contains("长沙市芙蓉区揽投部", "长沙邮件处理中心");

		// signed for, as the courier tells on its signed callback
		String callback = "{\"trackingNumber\":\"" + trackingNumber + "\",\"events\":[{\"state\":\"OUT_FOR_DELIVERY\",\"at\":\""
				+ clock.instant().plusSeconds(120) + "\",\"place\":\"五一大道投递站\"},{\"state\":\"SIGNED\",\"at\":\""
				+ clock.instant().plusSeconds(180) + "\",\"place\":\"本人签收\"}]}";
		long now = clock.instant().getEpochSecond();
		String signature = Signatures.sign(SECRET, now, callback.getBytes(StandardCharsets.UTF_8));
		assertThat(post(callback, now, "0" + signature.substring(1).replace('0', '1'))).as("a forged signature").isEqualTo(403);
		assertThat(post(callback, now, signature)).isEqualTo(204);
		assertThat(post(callback, now, signature)).as("the same callback again is a replay").isEqualTo(403);
		Response signed = delivery(world, caseId);
		assertThat(signed.<String>json("$.shipment.state")).isEqualTo("SIGNED");
		assertThat(signed.<List<String>>json("$.shipment.events[*].state")).containsExactly("CREATED", "PICKED_UP", "IN_TRANSIT",
				"OUT_FOR_DELIVERY", "SIGNED");
		assertThat(problems(world, clerk)).noneMatch(s -> number.equals(s.get("caseNumber")));

		// the government pays: counted per region and month
		String supervisor = "sup-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", supervisor, "password",
				CaseWorld.PASSWORD, "name", "测试人员", "roles", List.of("SUPERVISOR"), "region", "430100")).status()).isEqualTo(201);
		Response statistics = world.as(supervisor, "GET", "/api/v1/delivery/statistics?month=2026-03", null);
		assertThat(statistics.status()).as(statistics.body()).isEqualTo(200);
		List<Map<String, Object>> regions = statistics.json("$.regions");
		Map<String, Object> furong = regions.stream().filter(r -> "430102".equals(r.get("region"))).findFirst().orElseThrow();
		assertThat(((Number) furong.get("shipments")).longValue()).isGreaterThanOrEqualTo(1);
		assertThat(new BigDecimal(furong.get("costYuan").toString())).isGreaterThanOrEqualTo(new BigDecimal("15.50"));
		assertThat(world.as(supervisor, "GET", "/api/v1/delivery/statistics?month=March", null).status()).isEqualTo(400);
	}

	private static List<Map<String, Object>> problems(CaseWorld world, String clerk) {
		Response problems = world.as(clerk, "GET", "/api/v1/delivery/problems", null);
		assertThat(problems.status()).as(problems.body()).isEqualTo(200);
		return problems.json("$.stuckShipments");
	}

	private static Response delivery(CaseWorld world, String caseId) {
		Response delivery = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/delivery", null);
		assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
		return delivery;
	}

	private static <T> T await(java.util.function.Supplier<T> found) throws InterruptedException {
		for (int i = 0; i < 150; i++) {
			T value = found.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("not within 15 s");
	}

	private int post(String body, long timestamp, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/delivery/courier-events"))
			.header("Content-Type", "application/json")
			.header("X-Timestamp", Long.toString(timestamp))
			.header("X-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
