package cn.onego.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.ApiClient;
import cn.onego.SecondInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two OneGo instances on loopback: this test's shared context is instance A, and a second application started here
 * is instance B, with a handler of the kind {@code test.echo}. They learn each other's key from
 * {@code GET /federation/v1/instance}, as administrators would. A message sent from A's outbox is delivered once and
 * its answer kept; the same message again (a retry after a lost answer) is answered as before without being handled
 * twice; forged, stale and replayed requests are refused and handled never; a partner that is away delays a message,
 * which staff see as not yet received and overdue, and gets it once when it is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationTransportIT {

	static final String B = "transport-b";

	@LocalServerPort
	int port;

	@Autowired
	Federation federation;

	@Autowired
	FederationOutbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	final JsonMapper json = JsonMapper.builder().build();
	final HttpClient http = HttpClient.newHttpClient();
	final List<OutgoingMessageDelivered> delivered = new CopyOnWriteArrayList<>();
	final ApplicationListener<ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof OutgoingMessageDelivered message) {
			delivered.add(message);
		}
	};

	SecondInstance b;
	Federation federationOfB;

	@BeforeAll
	void twoInstancesThatKnowEachOther() throws Exception {
		b = SecondInstance.start(Map.of("onego.federation.instance", B, "onego.federation.name", "乙省一网通办",
				"onego.clock.start", SecondInstance.sameTimeAs(clock)), EchoHandler.class);
		federationOfB = b.bean(Federation.class);
		// A's administrator reads B's description and configures B as a partner; B's does the same with A
		JsonNode described = json.readTree(get(b.baseUrl() + "/federation/v1/instance").body());
		assertThat(described.get("id").asString()).isEqualTo(B);
		assertThat(described.get("signatureAlgorithm").asString()).isEqualTo("SM3withSM2");
		assertThat(described.get("keyFingerprint").asString()).isEqualTo(b.bean(Federation.class).keyFingerprint()).hasSize(32);
		federation.register(new Partner(B, described.get("name").asString(), URI.create(b.baseUrl()), List.of()),
				InstanceKey.readPublic(described.get("publicKey").asString()));
		JsonNode a = json.readTree(get("http://127.0.0.1:" + port + "/federation/v1/instance").body());
		federationOfB.register(new Partner(a.get("id").asString(), "甲省一网通办", URI.create("http://127.0.0.1:" + port), List.of()),
				InstanceKey.readPublic(a.get("publicKey").asString()));
		context.addApplicationListener(listener);
		// A's administrator checks the key by its fingerprint
		ApiClient.Response partners = new ApiClient(port).send("GET", "/api/v1/admin/federation/partners", "admin", "onego-admin", null);
		assertThat(partners.status()).as(partners.body()).isEqualTo(200);
		assertThat((List<String>) partners.json("$[?(@.id == '" + B + "')].keyFingerprint")).containsExactly(described.get("keyFingerprint").asString());
	}

	@AfterAll
	void stopB() {
		context.removeApplicationListener(listener);
		if (b != null) {
			b.close();
		}
	}

	// ------------------------------------------------------------------ through the outbox

	@Test
	void aMessageSentFromTheOutboxIsDeliveredOnceAndItsAnswerKept() {
		String id = "echo-" + UUID.randomUUID();
		String subject = "case-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			outbox.send(B, "test.echo", id, subject, Map.of("text", "申请材料已转交"));
			// enqueued twice in its cause's transaction (a listener run again): one message
			outbox.send(B, "test.echo", id, subject, Map.of("text", "申请材料已转交"));
		});
		OutgoingMessage message = awaitState(B, id, OutgoingMessage.State.DELIVERED);
		assertThat(message.response().get("echo").get("text").asString()).isEqualTo("申请材料已转交");
		assertThat(message.response().get("handledBy").asString()).isEqualTo(B);
		assertThat(message.attempts()).isEqualTo(1);
		assertThat(message.overdue()).isFalse();
		assertThat(handled(id)).isEqualTo(1);
		assertThat(outbox.about(subject)).singleElement().extracting(OutgoingMessage::messageId).isEqualTo(id);
		assertThat(inboxRows(id)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT body FROM federation_outbox WHERE message_id = ?").param(id).query(String.class).single())
			.as("sealed at rest").startsWith("k").doesNotContain("申请材料");
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> delivered.stream().anyMatch(d -> d.messageId().equals(id)));
		assertThat(delivered.stream().filter(d -> d.messageId().equals(id)).toList()).singleElement().satisfies(d -> {
			assertThat(d.partnerId()).isEqualTo(B);
			assertThat(d.subject()).isEqualTo(subject);
			assertThat(d.response().get("handledBy").asString()).isEqualTo(B);
		});

		// staff of A follow it by its subject
		ApiClient.Response seen = new ApiClient(port).send("GET", "/api/v1/federation/messages?subject=" + subject, "supervisor",
				"onego-supervisor", null);
		assertThat(seen.status()).as(seen.body()).isEqualTo(200);
		assertThat((List<String>) seen.json("$[*].state")).containsExactly("DELIVERED");
	}

	@Test
	void aMessageItsHandlerRefusesIsRefusedForGoodWithTheReason() {
		String id = "refused-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> outbox.send(B, "test.echo", id, "case-refused", Map.of("refuse", "本省不办理该事项")));
		OutgoingMessage message = awaitState(B, id, OutgoingMessage.State.REFUSED);
		assertThat(message.lastError()).contains("422", "message-refused", "本省不办理该事项");
		assertThat(inboxRows(id)).as("a refused message is not recorded as received").isZero();
	}

	@Test
	void aPartnerThatIsAwayDelaysAMessageWhichIsShownOverdueAndDeliveredOnceWhenItIsBack() throws Exception {
		// B, as far as A knows it under this id, at an address where nobody listens
		String away = "transport-b-away";
		int nobody;
		try (ServerSocket socket = new ServerSocket(0)) {
			nobody = socket.getLocalPort();
		}
		federation.register(new Partner(away, "乙省（维护中）", URI.create("http://127.0.0.1:" + nobody), List.of()), federationOfB.publicKey());
		String id = "later-" + UUID.randomUUID();
		String subject = "case-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> outbox.send(away, "test.echo", id, subject, Map.of("text", "稍后送达")));

		// tried, not received, and after warn-after (2 s in tests) overdue: on the staff's list and the subject's
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.overdue().stream().anyMatch(m -> m.messageId().equals(id)));
		OutgoingMessage waiting = outbox.message(away, id).orElseThrow();
		assertThat(waiting.state()).isEqualTo(OutgoingMessage.State.PENDING);
		assertThat(waiting.attempts()).isGreaterThanOrEqualTo(2);
		assertThat(waiting.lastError()).isNotBlank();
		assertThat(waiting.overdue()).isTrue();
		assertThat(outbox.about(subject)).singleElement().extracting(OutgoingMessage::overdue).isEqualTo(true);
		ApiClient.Response overdue = new ApiClient(port).send("GET", "/api/v1/federation/messages/overdue", "supervisor",
				"onego-supervisor", null);
		assertThat(overdue.status()).as(overdue.body()).isEqualTo(200);
		assertThat((List<String>) overdue.json("$[*].messageId")).contains(id);
		assertThat(handled(id)).isZero();

		// B is back (at its real address): the message arrives, once
		federation.register(new Partner(away, "乙省", URI.create(b.baseUrl()), List.of()), federationOfB.publicKey());
		OutgoingMessage message = awaitState(away, id, OutgoingMessage.State.DELIVERED);
		assertThat(message.response().get("echo").get("text").asString()).isEqualTo("稍后送达");
		assertThat(message.overdue()).isFalse();
		assertThat(handled(id)).isEqualTo(1);
		assertThat(outbox.overdue()).noneMatch(m -> m.messageId().equals(id));
	}

	// ------------------------------------------------------------------ signed by hand, as a vendor's system would

	@Test
	void theSameMessageAgainAfterALostAnswerIsAnsweredAsBeforeAndHandledOnce() throws Exception {
		String id = "retry-" + UUID.randomUUID();
		byte[] body = body("test.echo", "{\"text\":\"第一次\"}");
		HttpResponse<String> first = send(signedAsA(id, body, FederationSender.nonce()));
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		assertThat(first.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
		// the answer was lost on the way: A sends the same message again, signed anew with a fresh nonce
		HttpResponse<String> again = send(signedAsA(id, body, FederationSender.nonce()));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(json.readTree(again.body())).isEqualTo(json.readTree(first.body()));
		assertThat(json.readTree(again.body()).get("messageId").asString()).isEqualTo(id);
		assertThat(handled(id)).isEqualTo(1);
		assertThat(inboxRows(id)).isEqualTo(1);

		// another message under the same id is not a retry
		HttpResponse<String> other = send(signedAsA(id, body("test.echo", "{\"text\":\"别的\"}"), FederationSender.nonce()));
		assertThat(other.statusCode()).isEqualTo(422);
		assertThat(problemCode(other)).isEqualTo("message-id-reused");
		assertThat(handled(id)).isEqualTo(1);
	}

	@Test
	void aForgedOrStaleRequestIsRefusedAndNothingIsHandled() throws Exception {
		byte[] body = body("test.echo", "{\"text\":\"伪造\"}");
		// signed with a key that is not A's
		String forged = "forged-" + UUID.randomUUID();
		HttpResponse<String> wrongKey = send(FederationSender.signed(URI.create(b.baseUrl()), federation.instanceId(),
				InstanceKey.generate(), forged, body, clock.instant(), FederationSender.nonce()).build());
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(problemCode(wrongKey)).isEqualTo("bad-signature");
		// A's signature over another body
		String tampered = "tampered-" + UUID.randomUUID();
		HttpRequest signed = signedAsA(tampered, body, FederationSender.nonce());
		HttpResponse<String> changed = send(HttpRequest.newBuilder(signed, (name, value) -> true)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body("test.echo", "{\"text\":\"篡改\"}")))
			.build());
		assertThat(changed.statusCode()).isEqualTo(401);
		assertThat(problemCode(changed)).isEqualTo("bad-signature");
		// signed by A eleven minutes ago
		String stale = "stale-" + UUID.randomUUID();
		HttpResponse<String> old = send(FederationSender.signed(URI.create(b.baseUrl()), federation.instanceId(), federation.key(), stale,
				body, clock.instant().minus(Duration.ofMinutes(11)), FederationSender.nonce()).build());
		assertThat(old.statusCode()).isEqualTo(401);
		assertThat(problemCode(old)).isEqualTo("stale-timestamp");
		// by an instance B does not know
		String stranger = "stranger-" + UUID.randomUUID();
		HttpResponse<String> unknown = send(FederationSender.signed(URI.create(b.baseUrl()), "somebody-else", InstanceKey.generate(),
				stranger, body, clock.instant(), FederationSender.nonce()).build());
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(problemCode(unknown)).isEqualTo("unknown-instance");
		// without any signature
		HttpResponse<String> unsigned = send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/federation/v1/messages/unsigned-1"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(unsigned.headers().firstValue("Content-Type")).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("application/problem+json");
		for (String id : List.of(forged, tampered, stale, stranger, "unsigned-1")) {
			assertThat(handled(id)).as(id).isZero();
			assertThat(inboxRows(id)).as(id).isZero();
		}
	}

	@Test
	void aReplayedRequestIsRefusedAndNotHandledAgain() throws Exception {
		String id = "replay-" + UUID.randomUUID();
		HttpRequest request = signedAsA(id, body("test.echo", "{\"text\":\"一次\"}"), FederationSender.nonce());
		assertThat(send(request).statusCode()).isEqualTo(200);
		HttpResponse<String> replayed = send(request);
		assertThat(replayed.statusCode()).isEqualTo(409);
		assertThat(problemCode(replayed)).isEqualTo("replayed");
		assertThat(handled(id)).isEqualTo(1);
	}

	@Test
	void anUnknownKindOrAnOversizedBodyIsRefused() throws Exception {
		String id = "kind-" + UUID.randomUUID();
		HttpResponse<String> unknown = send(signedAsA(id, body("no.such.kind", "{}"), FederationSender.nonce()));
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(problemCode(unknown)).isEqualTo("unknown-kind");
		assertThat(inboxRows(id)).isZero();
		byte[] huge = body("test.echo", "{\"text\":\"" + "x".repeat(FederationInbox.MAX_BODY) + "\"}");
		HttpResponse<String> tooLarge = send(signedAsA("huge-" + UUID.randomUUID(), huge, FederationSender.nonce()));
		assertThat(tooLarge.statusCode()).isEqualTo(413);
	}

	@Test
	void hostileRequestsAreRefusedWithAProblemBeforeAnythingIsHandled() throws Exception {
		// a message id that cannot be one: traversal, NUL, too long
		for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "a%00b", "x".repeat(129), "a%20b")) {
			HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/federation/v1/messages/" + id))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{}"))
				.build());
			assertThat(answer.statusCode()).as(id).isIn(400, 404);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(id).startsWith("application/problem+json");
		}
		// signed properly, but not the protocol's body
		for (String body : List.of("{\"kind\": [1, 2", "[1, 2, 3]", "{\"kind\":\"a b\"}", "{\"payload\":{}}")) {
			String id = "malformed-" + UUID.randomUUID();
			HttpResponse<String> answer = send(signedAsA(id, body.getBytes(StandardCharsets.UTF_8), FederationSender.nonce()));
			assertThat(answer.statusCode()).as(body).isEqualTo(400);
			assertThat(json.readTree(answer.body()).get("message").get("en").asString()).as(body).isNotBlank();
			assertThat(inboxRows(id)).isZero();
		}
		// not JSON at all
		String id = "xml-" + UUID.randomUUID();
		HttpRequest signed = signedAsA(id, "<a/>".getBytes(StandardCharsets.UTF_8), FederationSender.nonce());
		HttpResponse<String> xml = send(HttpRequest.newBuilder(signed, (name, value) -> !name.equalsIgnoreCase("Content-Type"))
			.header("Content-Type", "application/xml")
			.build());
		assertThat(xml.statusCode()).isEqualTo(415);
		// a nonce that is not one, a signature of a thousand characters
		HttpResponse<String> nonce = send(signedAsA("nonce-" + UUID.randomUUID(), body("test.echo", "{}"), "short"));
		assertThat(problemCode(nonce)).isEqualTo("bad-nonce");
		HttpRequest valid = signedAsA("long-" + UUID.randomUUID(), body("test.echo", "{}"), FederationSender.nonce());
		HttpResponse<String> longSignature = send(HttpRequest.newBuilder(valid, (name, value) -> !name.equalsIgnoreCase("X-OneGo-Signature"))
			.header("X-OneGo-Signature", "A".repeat(1_000))
			.build());
		assertThat(longSignature.statusCode()).isEqualTo(401);
	}

	// ------------------------------------------------------------------ helpers

	/** B's handler of {@code test.echo}: answers what it was sent, counts its calls, refuses when asked to. */
	static class EchoHandler implements FederationHandler {

		static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

		private final Federation federation;

		EchoHandler(Federation federation) {
			this.federation = federation;
		}

		@Override
		public String kind() {
			return "test.echo";
		}

		@Override
		public Object handle(Partner from, String messageId, JsonNode payload) {
			if (payload.has("refuse")) {
				throw new MessageRefused(payload.get("refuse").asString());
			}
			int calls = CALLS.computeIfAbsent(messageId, k -> new AtomicInteger()).incrementAndGet();
			return Map.of("echo", payload, "handledBy", federation.instanceId(), "from", from.id(), "calls", calls);
		}
	}

	private static int handled(String messageId) {
		AtomicInteger calls = EchoHandler.CALLS.get(messageId);
		return calls == null ? 0 : calls.get();
	}

	private long inboxRows(String messageId) {
		return b.bean(JdbcClient.class).sql("SELECT count(*) FROM federation_inbox WHERE message_id = ?").param(messageId)
			.query(Long.class).single();
	}

	private OutgoingMessage awaitState(String partner, String messageId, OutgoingMessage.State state) {
		Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
			.until(() -> outbox.message(partner, messageId).map(OutgoingMessage::state).orElse(null) == state);
		return outbox.message(partner, messageId).orElseThrow();
	}

	private static byte[] body(String kind, String payload) {
		return ("{\"kind\":\"" + kind + "\",\"payload\":" + payload + "}").getBytes(StandardCharsets.UTF_8);
	}

	private HttpRequest signedAsA(String messageId, byte[] body, String nonce) {
		Instant now = clock.instant();
		return FederationSender.signed(URI.create(b.baseUrl()), federation.instanceId(), federation.key(), messageId, body, now, nonce)
			.build();
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
	}

	private String problemCode(HttpResponse<String> answer) {
		JsonNode code = json.readTree(answer.body()).get("code");
		return code == null ? null : code.asString();
	}
}
