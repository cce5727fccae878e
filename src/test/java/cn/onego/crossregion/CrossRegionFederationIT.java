package cn.onego.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.SecondInstance;
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;
import cn.onego.shared.RegionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 远程流转 between two platforms on loopback. This test's shared context is platform A, which serves every region but
 * 邵阳市; a second OneGo started here is platform B, 邵阳市's own. A citizen hands in a change of their enterprise's
 * business scope for 邵阳市双清区 at a hall of 娄底 (异地收件): A's window accepts it and forwards it with its files;
 * B's hall accepts it for handling, B's departments decide on B's calendar, and B reports each move back. A applies
 * the decisions to its own case, which becomes ready and is mailed from A's hall; B closes its case as handed over.
 * A forward sent again after a lost answer (A's outbox row made pending again) leaves B with one case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossRegionFederationIT {

	static final String B = "shaoyang";
	static final String COMPETENT = "430502";
	static final String MATTER = "HN-ENTERPRISE-CHANGE";
	/** A change of the business scope alone: the registration and the tax information, both 通办范围 PROVINCE. */
	static final Map<String, List<String>> SCOPE_CHANGE = Map.of("CHANGE_ITEMS", List.of("SCOPE"));

	@LocalServerPort
	int port;

	@Autowired
	Federation federation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final JsonMapper json = JsonMapper.builder().build();
	SecondInstance b;

	@BeforeAll
	void twoPlatformsThatKnowEachOther() throws Exception {
		b = SecondInstance.start(Map.of("onego.federation.instance", B, "onego.federation.name", "邵阳市政务服务平台",
				"onego.federation.serves", "430500", "onego.clock.start", SecondInstance.sameTimeAs(clock)));
		JsonNode described = json.readTree(get(b.baseUrl() + "/federation/v1/instance"));
		federation.register(new Partner(B, described.get("name").asString(), URI.create(b.baseUrl()), List.of(RegionCode.of("430500"))),
				InstanceKey.readPublic(described.get("publicKey").asString()));
		JsonNode a = json.readTree(get("http://127.0.0.1:" + port + "/federation/v1/instance"));
		b.bean(Federation.class).register(new Partner(a.get("id").asString(), "湖南省一网通办平台", URI.create("http://127.0.0.1:" + port),
				List.of(RegionCode.of("430000"))), InstanceKey.readPublic(a.get("publicKey").asString()));
	}

	@AfterAll
	void stopB() {
		federation.forget(B);
		if (b != null) {
			b.close();
		}
	}

	@Test
	void aCaseReceivedHereIsHandledByThePartnerAndReportedBackThenMailedFromHereAndARetryMakesNoSecondCase() {
		ApiClient apiA = new ApiClient(port);
		ApiClient apiB = new ApiClient(b.port());
		assertThat(federation.servesLocally(RegionCode.of(COMPETENT))).isFalse();
		assertThat(b.bean(Federation.class).servesLocally(RegionCode.of(COMPETENT))).isTrue();

		// 异地收件 at a hall of 娄底 for 邵阳市双清区
		String hall = CaseWorld.newHall(apiA, TestRegions.FEDERATION_ACCEPTING_DISTRICT, "娄星区跨域收件测试中心",
				"Louxing Cross-region Test Centre", "娄底市娄星区乐坪大街1号", "No. 1 Leping Street, Louxing District, Loudi");
		CaseWorld world = new CaseWorld(apiA, COMPETENT);
		CaseWorld.Submission submission = world.prepare(world.applicant, world.idNumber, "陈创业", null, MATTER, SCOPE_CHANGE, Set.of(),
				Set.of());
		String creditCode = Identities.creditCode();
		String enterprise = "邵阳双清跨域测试商贸有限公司";
		Response registered = apiA.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + creditCode, "admin", "onego-admin",
				Map.of("ENTERPRISE_NAME", enterprise, "LEGAL_REP_ID", world.idNumber));
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		Map<String, Object> body = new HashMap<>(submission.body());
		body.put("applicant", Map.of("kind", "ENTERPRISE", "id", creditCode, "name", enterprise));
		body.put("acceptingHall", hall);
		Response submitted = world.submit(new CaseWorld.Submission(submission.actingUser(), submission.idempotencyKey(), body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String caseId = awaitCase(world, (String) submitted.json("$.id"));
		String clerkA = world.clerkOf(caseId);
		Response accepted = world.as(clerkA, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

		// forwarded with its files; A's hall follows it
		Response status = awaitPartner(world, clerkA, caseId, "AWAITING_ACCEPTANCE");
		assertThat((Boolean) status.json("$.delivered")).isTrue();
		String numberB = status.json("$.partnerNumber");
		assertThat(numberB).startsWith(COMPETENT);
		Response seenByApplicant = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/partner", null);
		assertThat(seenByApplicant.status()).as(seenByApplicant.body()).isEqualTo(200);
		assertThat((String) seenByApplicant.json("$.partner.zh")).isEqualTo("邵阳市政务服务平台");

		// B: the case waits in 邵阳's hall, received in 娄底 through a partner platform
		CaseWorld worldB = world.on(apiB);
		Response viewB = apiB.send("GET", "/api/v1/cases?number=" + numberB, CaseWorld.OBSERVER, "onego-supervisor", null);
		assertThat(viewB.status()).as(viewB.body()).isEqualTo(200);
		String caseB = viewB.json("$.caseFile.id");
		assertThat((String) viewB.json("$.caseFile.channel")).isEqualTo("PARTNER");
		assertThat((String) viewB.json("$.caseFile.region")).isEqualTo(COMPETENT);
		assertThat((String) viewB.json("$.caseFile.acceptingRegion")).isEqualTo(TestRegions.FEDERATION_ACCEPTING_DISTRICT);
		assertThat((String) viewB.json("$.caseFile.state")).isEqualTo("AWAITING_ACCEPTANCE");

		// the forward again, as after an answer lost on the way back: B answers as before and keeps one case
		jdbc.sql("""
				UPDATE federation_outbox SET state = 'PENDING', delivered_at = NULL, next_attempt_at = ?
				WHERE partner_id = ? AND message_id = ?""").params(java.sql.Timestamp.from(clock.instant()), B, "forward:" + caseId).update();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "DELIVERED".equals(jdbc.sql(
				"SELECT state FROM federation_outbox WHERE partner_id = ? AND message_id = ?").params(B, "forward:" + caseId)
			.query(String.class).single()));
		assertThat(b.bean(JdbcClient.class).sql("SELECT count(*) FROM received_case WHERE origin_case_id = ?::uuid").param(caseId)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(b.bean(JdbcClient.class).sql("SELECT count(*) FROM case_file WHERE number LIKE ?").param(COMPETENT + "%")
			.query(Long.class).single()).as("one case in B").isEqualTo(1);

		// B's window accepts, B's departments decide
		String clerkB = worldB.clerkOf(caseB);
		Response acceptedB = worldB.as(clerkB, "POST", "/api/v1/cases/" + caseB + "/acceptance", Map.of("version", worldB.caseVersion(caseB)));
		assertThat(acceptedB.status()).as(acceptedB.body()).isEqualTo(200);
		List<Map<String, Object>> tasksB = worldB.view(CaseWorld.OBSERVER, caseB).json("$.tasks[*].task");
		assertThat(tasksB).isNotEmpty().allSatisfy(t -> assertThat((String) t.get("department")).startsWith(COMPETENT + "-"));
		Map<String, String> numbers = new HashMap<>();
		for (Map<String, Object> task : tasksB) {
			String item = (String) task.get("item");
			String number = item.startsWith("HN-SCJG-") ? Identities.creditCode() : Identities.licenceNumber("X-");
			numbers.put(item, number);
			Response approved = worldB.approve(caseB, item, number);
			assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		}

		// reported back: A's tasks decided as B decided them, A's case ready; B's closed as handed over
		awaitPartner(world, clerkA, caseId, "READY");
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> "READY".equals(world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.state")));
		List<Map<String, Object>> tasksA = world.view(CaseWorld.OBSERVER, caseId).json("$.tasks[*].task");
		assertThat(tasksA).hasSameSizeAs(tasksB).allSatisfy(t -> {
			assertThat(t.get("state")).isEqualTo("APPROVED");
			Map<?, ?> result = (Map<?, ?>) t.get("result");
			if ("LICENCE".equals(result.get("kind"))) {
				assertThat(result.get("number")).as("the licence number B's department gave").isEqualTo(numbers.get((String) t.get("item")));
			}
			assertThat(t.get("claimedBy")).isEqualTo("partner:" + B);
		});
		Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> "ISSUED".equals(worldB.view(CaseWorld.OBSERVER, caseB).json("$.caseFile.state")));
		List<String> historyB = worldB.view(CaseWorld.OBSERVER, caseB).json("$.history[*].detail.zh");
		assertThat(historyB).anyMatch(line -> line.contains("转交收件地") && line.contains("湖南省一网通办平台"));

		// A's hall mails the results to the applicant (免费邮寄)
		Response issued = world.as(clerkA, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS-F" + ThreadLocalRandom.current().nextInt(1_000_000)));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat((String) world.view(world.applicant, caseId).json("$.caseFile.state")).isEqualTo("ISSUED");

		// nobody else learns of it
		String strangerClerk = world.clerkOfHall("431200-HALL");
		assertThat(world.as(strangerClerk, "GET", "/api/v1/cases/" + caseId + "/partner", null).status()).isEqualTo(404);
	}

	private static String awaitCase(CaseWorld world, String application) {
		String[] found = new String[1];
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
			Response c = world.as(world.applicant, "GET", "/api/v1/cases?application=" + application, null);
			if (c.status() == 200) {
				found[0] = c.json("$.caseFile.id");
			}
			return found[0] != null;
		});
		return found[0];
	}

	private static Response awaitPartner(CaseWorld world, String clerk, String caseId, String state) {
		Response[] last = new Response[1];
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			last[0] = world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/partner", null);
			return last[0].status() == 200 && last[0].body().contains("\"partnerState\":\"" + state + "\"");
		});
		return last[0];
	}


	private String get(String url) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}
}
