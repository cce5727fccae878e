package cn.onego.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ProviderStub;
import cn.onego.cases.CaseWorld;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.provider.ProviderEndpoint;
import cn.onego.platform.provider.Signatures;
import cn.onego.platform.provider.SignedHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case notices go out through the HTTP adapter to an SMS provider on loopback: signed, taken, then delivered by
 * the provider's signed receipt (a replayed, forged or stale receipt is refused). A provider that is down loses
 * nothing: its messages stay pending and are tried again with growing waits, go out once it is back, and only after
 * the last attempt are they FAILED — and the window of the case's hall sees them. The application's own dispatcher
 * is slowed down here (onego.sms.dispatch-interval=1h) so that the test drives one against the stub, attempt by
 * attempt; the demo identity provider still reads its codes from the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onego.sms.dispatch-interval=1h", "onego.sms.http.api-key=" + HttpSmsIT.KEY,
				"onego.sms.http.secret=" + HttpSmsIT.SECRET })
@ActiveProfiles("test")
class HttpSmsIT {

	static final String KEY = "sms-key-for-tests";
	static final String SECRET = "sms-secret-for-tests";
	static final ProviderStub PROVIDER = ProviderStub.start(KEY, SECRET);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData data;

	@Autowired
	JsonMapper json;

	@Autowired
	SmsOutbox outbox;

	/** The platform's clock, which the callbacks' times are checked against (in tests it starts on 2026-03-02). */
	@Autowired
	Clock clock;

	/** Numbers the provider refuses (503) for the next so many attempts; -1: for ever. */
	private final Map<String, AtomicInteger> down = new ConcurrentHashMap<>();
	private static final AtomicInteger IDS = new AtomicInteger();
	private SmsDispatch dispatch;

	@BeforeEach
	void provider() {
		PROVIDER.on("POST /sms/messages", request -> {
			AtomicInteger refusals = down.get((String) request.body().get("to"));
			if (refusals != null && refusals.getAndDecrement() != 0) {
				return new ProviderStub.Answer(503, Map.of("error", "maintenance"));
			}
			return new ProviderStub.Answer(200, Map.of("id", "msg-" + IDS.incrementAndGet()));
		});
		// the wide window keeps the circuit closed: the retries of the outbox are what this test is about
		SignedHttp http = new SignedHttp("sms-test", new ProviderEndpoint(URI.create(PROVIDER.url("/sms/")), KEY, SECRET, null, null,
				Duration.ofSeconds(1), Duration.ofSeconds(2), 1000, null), json, clock);
		dispatch = new SmsDispatch(jdbc, data, new HttpSms(http),
				new SmsSettings("http", Duration.ofHours(1), Duration.ofSeconds(1), 3, null), clock);
	}

	@AfterAll
	static void stop() {
		PROVIDER.close();
	}

	@Test
	void caseNoticesGoOutSignedAndASignedReceiptMarksThemDelivered() throws Exception {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, java.util.Set.of(), java.util.Set.of());
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");

		ProviderStub.Received sent = sentTo(world.mobile, number);
		assertThat(sent.signed()).isTrue();
		assertThat((String) sent.body().get("text")).startsWith("【一件事一次办】").contains(number);
		assertThat(states(world.mobile, number)).containsExactly("SENT");

		String providerId = providerIdOf(world.mobile, number);
		String receipt = "{\"id\":\"" + providerId + "\",\"status\":\"DELIVERED\"}";
		long now = clock.instant().getEpochSecond();
		String signature = Signatures.sign(SECRET, now, receipt.getBytes(StandardCharsets.UTF_8));
		assertThat(postReceipt(receipt, now, signature)).isEqualTo(204);
		assertThat(states(world.mobile, number)).containsExactly("DELIVERED");

		assertThat(postReceipt(receipt, now, signature)).as("the same receipt again is a replay").isEqualTo(403);
		String forged = "{\"id\":\"" + providerId + "\",\"status\":\"FAILED\"}";
		assertThat(postReceipt(forged, now, signature)).as("another body under that signature").isEqualTo(403);
		long stale = now - 600;
		assertThat(postReceipt(forged, stale, Signatures.sign(SECRET, stale, forged.getBytes(StandardCharsets.UTF_8))))
			.as("signed ten minutes ago").isEqualTo(403);
		assertThat(postReceipt(forged, now, Signatures.sign("not-the-secret", now, forged.getBytes(StandardCharsets.UTF_8))))
			.isEqualTo(403);
		assertThat(states(world.mobile, number)).containsExactly("DELIVERED");
	}

	@Test
	void aProviderThatIsDownLosesNothingAndTheHallSeesWhatFailedAfterTheLastAttempt() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld flaky = new CaseWorld(api);
		CaseWorld unreachable = new CaseWorld(api);
		down.put(flaky.mobile, new AtomicInteger(2));
		down.put(unreachable.mobile, new AtomicInteger(-1));
		String flakyCase = flaky.apply("HN-CATERING", CaseWorld.SMALL_SHOP, java.util.Set.of(), java.util.Set.of());
		String lostCase = unreachable.apply("HN-CATERING", CaseWorld.SMALL_SHOP, java.util.Set.of(), java.util.Set.of());
		String flakyNumber = flaky.view(CaseWorld.OBSERVER, flakyCase).json("$.caseFile.number");
		String lostNumber = unreachable.view(CaseWorld.OBSERVER, lostCase).json("$.caseFile.number");
		awaitQueued(flaky.mobile, flakyNumber);
		awaitQueued(unreachable.mobile, lostNumber);

		dispatch.dispatch();
		assertThat(states(flaky.mobile, flakyNumber)).as("refused once: still pending").containsExactly("PENDING");
		assertThat(attempts(flaky.mobile, flakyNumber)).isEqualTo(1);
		dispatch.dispatch();
		assertThat(attempts(flaky.mobile, flakyNumber)).as("not due yet: the wait after a failure").isEqualTo(1);

		for (int round = 0; round < 60 && (pendingCount(flaky.mobile) + pendingCount(unreachable.mobile)) > 0; round++) {
			Thread.sleep(150);
			dispatch.dispatch();
		}
		assertThat(states(flaky.mobile, flakyNumber)).as("taken once the provider was back").containsExactly("SENT");
		assertThat(attempts(flaky.mobile, flakyNumber)).isEqualTo(3);
		assertThat(states(unreachable.mobile, lostNumber)).as("failed after the last attempt").containsExactly("FAILED");
		assertThat(attempts(unreachable.mobile, lostNumber)).isEqualTo(3);
		long tries = PROVIDER.received().stream().filter(r -> unreachable.mobile.equals(r.body().get("to"))).count();
		assertThat(tries).as("the provider saw every attempt, and no more").isEqualTo(3);

		String clerk = unreachable.clerkOf(lostCase);
		ApiClient.Response problems = unreachable.as(clerk, "GET", "/api/v1/delivery/problems", null);
		assertThat(problems.status()).isEqualTo(200);
		List<Map<String, Object>> failed = problems.json("$.failedSms");
		assertThat(failed).anySatisfy(m -> {
			assertThat(m.get("caseNumber")).isEqualTo(lostNumber);
			assertThat(m.get("attempts")).isEqualTo(3);
			assertThat((String) m.get("mobile")).contains("****").isNotEqualTo(unreachable.mobile);
			assertThat((String) m.get("lastError")).contains("503");
		});
		assertThat(failed).noneSatisfy(m -> assertThat(m.get("caseNumber")).isEqualTo(flakyNumber));
	}

	private ProviderStub.Received sentTo(String mobile, String number) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			dispatch.dispatch();
			var sent = PROVIDER.received().stream()
				.filter(r -> mobile.equals(r.body().get("to")) && String.valueOf(r.body().get("text")).contains(number))
				.findFirst();
			if (sent.isPresent()) {
				return sent.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("nothing was sent to " + mobile);
	}

	private void awaitQueued(String mobile, String number) throws InterruptedException {
		for (int i = 0; i < 100 && states(mobile, number).isEmpty(); i++) {
			Thread.sleep(100);
		}
		assertThat(states(mobile, number)).as("the notice was queued").hasSize(1);
	}

	private List<String> states(String mobile, String number) {
		return outbox.latestTo(mobile, 50).stream().filter(m -> m.text().contains(number)).map(SmsMessage::state).toList();
	}

	private int attempts(String mobile, String number) {
		return row(mobile, number, "attempts", Integer.class);
	}

	private String providerIdOf(String mobile, String number) {
		return row(mobile, number, "provider_id", String.class);
	}

	private long pendingCount(String mobile) {
		return outbox.latestTo(mobile, 50).stream().filter(m -> m.state().equals("PENDING")).count();
	}

	private <T> T row(String mobile, String number, String column, Class<T> type) {
		return jdbc.sql("SELECT " + column + ", text FROM sms_outbox WHERE recipient_index = ? ORDER BY id")
			.param(data.index(mobile))
			.query((rs, n) -> data.open(rs.getString(2), SmsOutbox.TEXT.name()).contains(number) ? rs.getObject(1, type) : null)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow();
	}

	private int postReceipt(String body, long timestamp, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/delivery/sms-receipts"))
			.header("Content-Type", "application/json")
			.header("X-Timestamp", Long.toString(timestamp))
			.header("X-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}
}
