package cn.onego.crossregion;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the outbox: takes the due PENDING messages (each node its own, {@code FOR UPDATE SKIP LOCKED}), leases them
 * so that no other node takes them meanwhile, and PUTs each signed to its partner outside any transaction. An
 * answer 2xx makes it DELIVERED, with the partner's response, and publishes {@link OutgoingMessageDelivered}; a 4xx
 * other than 408, 429 and 409 {@code replayed} makes it REFUSED with the partner's reason; anything else — 5xx, no
 * answer, a partner unknown for now — leaves it PENDING for a next attempt after an exponential wait, capped at
 * ten minutes, for ever. A crash between the partner's answer and the mark sends it again after the lease, with the
 * same message id: the partner answers as before, so the message is handled once.
 */
@Component
class FederationSender {

	private static final Logger log = LoggerFactory.getLogger(FederationSender.class);
	private static final int BATCH = 20;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final FederationOutbox outbox;
	private final Federation federation;
	private final FederationSettings settings;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final HttpClient http;

	FederationSender(JdbcClient jdbc, JsonMapper json, FederationOutbox outbox, Federation federation, FederationSettings settings,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.outbox = outbox;
		this.federation = federation;
		this.settings = settings;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private record Due(UUID id, String partnerId, String kind, String messageId, String subject, String body, int attempts) {
	}

	/** What became of one attempt. */
	sealed interface Outcome {

		record Delivered(JsonNode response) implements Outcome {
		}

		record Refused(String reason) implements Outcome {
		}

		record Failed(String error, boolean unanswered) implements Outcome {

			Failed(String error) {
				this(error, false);
			}
		}
	}

	@Scheduled(fixedDelayString = "${onego.federation.send-interval:2s}", initialDelayString = "${onego.federation.send-interval:2s}")
	void scheduled() {
		sendDue();
	}

	/** Sends what is due now; returns how many messages were delivered. */
	int sendDue() {
		Instant now = clock.instant();
		List<Due> due = jdbc.sql("""
				UPDATE federation_outbox SET next_attempt_at = ? WHERE id IN (
				    SELECT id FROM federation_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?
				    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, partner_id, kind, message_id, subject, body, attempts""")
			.params(Timestamp.from(now.plus(settings.readTimeout()).plus(settings.connectTimeout()).plusSeconds(60)), Timestamp.from(now), BATCH)
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getInt(7)))
			.list();
		int delivered = 0;
		// a partner that did not answer one message is not asked again in this round: a partner whose address swallows
		// connections would otherwise hold the round for a timeout per message, and every other partner's with it
		java.util.Map<String, String> unreachable = new java.util.HashMap<>();
		for (Due message : due) {
			Outcome outcome = unreachable.containsKey(message.partnerId())
					? new Outcome.Failed("not tried: " + unreachable.get(message.partnerId()))
					: attempt(message);
			if (outcome instanceof Outcome.Failed failed && failed.unanswered()) {
				unreachable.putIfAbsent(message.partnerId(), failed.error());
			}
			record(message, outcome);
			delivered += outcome instanceof Outcome.Delivered ? 1 : 0;
		}
		return delivered;
	}

	private Outcome attempt(Due message) {
		var partner = federation.partner(message.partnerId());
		if (partner.isEmpty()) {
			return new Outcome.Failed("partner " + message.partnerId() + " is not known (not configured now)");
		}
		byte[] body = outbox.opened(message.body()).getBytes(StandardCharsets.UTF_8);
		HttpRequest request = signed(partner.get().baseUrl(), federation.instanceId(), federation.key(), message.messageId(), body,
				clock.instant(), nonce()).timeout(settings.readTimeout()).build();
		try {
			HttpResponse<java.io.InputStream> answer = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			byte[] read;
			try (java.io.InputStream in = answer.body()) {
				// a partner's answer is read up to the size of a message, whatever it sends
				read = in.readNBytes(FederationInbox.MAX_BODY + 1);
			}
			if (read.length > FederationInbox.MAX_BODY) {
				return new Outcome.Failed("HTTP " + answer.statusCode() + " with an answer over 5 MB");
			}
			return outcome(answer.statusCode(), new String(read, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			return new Outcome.Failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Outcome.Failed("interrupted");
		}
	}

	/** The outcome of an answer, by the protocol's rules (docs/FEDERATION.md, "Answers"). */
	Outcome outcome(int status, String body) {
		if (status >= 200 && status < 300) {
			try {
				JsonNode answer = json.readTree(body);
				JsonNode response = answer == null ? null : answer.get("response");
				return new Outcome.Delivered(response == null ? json.nullNode() : response);
			}
			catch (JacksonException e) {
				return new Outcome.Failed("HTTP " + status + " with a body that is not the protocol's JSON");
			}
		}
		String code = problemField(body, "code");
		String reason = "HTTP " + status + (code == null ? "" : " " + code) + describe(body);
		boolean retried = status == 408 || status == 429 || status == 409 && "replayed".equals(code);
		if (status >= 400 && status < 500 && !retried) {
			return new Outcome.Refused(reason);
		}
		return new Outcome.Failed(reason);
	}

	private String describe(String body) {
		String detail = problemField(body, "detail");
		return detail == null ? "" : ": " + detail;
	}

	private String problemField(String body, String field) {
		try {
			JsonNode problem = json.readTree(body);
			JsonNode value = problem == null ? null : problem.get(field);
			return value == null || !value.isString() ? null : value.asString();
		}
		catch (JacksonException | IllegalArgumentException e) {
			return null;
		}
	}

	private void record(Due message, Outcome outcome) {
		Instant at = clock.instant();
		int attempts = message.attempts() + 1;
		if (outcome instanceof Outcome.Delivered delivered) {
			transactions.executeWithoutResult(status -> {
				int marked = jdbc.sql("""
						UPDATE federation_outbox SET state = 'DELIVERED', attempts = ?, next_attempt_at = NULL, last_error = NULL,
						    response = CAST(? AS jsonb), delivered_at = ? WHERE id = ? AND state = 'PENDING'""")
					.params(attempts, json.writeValueAsString(delivered.response()), Timestamp.from(at), message.id())
					.update();
				if (marked == 1) {
					events.publishEvent(new OutgoingMessageDelivered(message.id(), message.partnerId(), message.kind(), message.messageId(),
							message.subject(), delivered.response()));
					log.info("Federation message {} ({}) delivered to {} at attempt {}", message.messageId(), message.kind(),
							message.partnerId(), attempts);
				}
			});
		}
		else if (outcome instanceof Outcome.Refused refused) {
			jdbc.sql("""
					UPDATE federation_outbox SET state = 'REFUSED', attempts = ?, next_attempt_at = NULL, last_error = left(?, 500)
					WHERE id = ? AND state = 'PENDING'""")
				.params(attempts, refused.reason(), message.id())
				.update();
			log.error("Federation message {} ({}) REFUSED by {}: {}", message.messageId(), message.kind(), message.partnerId(),
					refused.reason());
		}
		else if (outcome instanceof Outcome.Failed failed) {
			jdbc.sql("""
					UPDATE federation_outbox SET attempts = ?, next_attempt_at = ?, last_error = left(?, 500)
					WHERE id = ? AND state = 'PENDING'""")
				.params(attempts, Timestamp.from(at.plus(settings.backoff(attempts))), failed.error(), message.id())
				.update();
			log.warn("Federation message {} ({}) to {} not delivered (attempt {}), tried again in {}: {}", message.messageId(),
					message.kind(), message.partnerId(), attempts, settings.backoff(attempts), failed.error());
		}
	}

	/** 24 random bytes as 32 characters of base64url: never the same twice. */
	static String nonce() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The signed PUT of a message to a partner at that base URL, as any sender builds it (also the tests' signing
	 * client): the four headers, the canonical string signed with the key.
	 */
	static HttpRequest.Builder signed(URI baseUrl, String instance, InstanceKey key, String messageId, byte[] body, Instant at,
			String nonce) {
		String timestamp = at.toString();
		SignedRequest request = new SignedRequest("PUT", SignedRequest.messagePath(messageId), timestamp, nonce, body);
		String base = baseUrl.toString().replaceAll("/+$", "");
		return HttpRequest.newBuilder(URI.create(base + request.path()))
			.header("Content-Type", "application/json")
			.header(SignedRequest.INSTANCE_HEADER, instance)
			.header(SignedRequest.TIMESTAMP_HEADER, timestamp)
			.header(SignedRequest.NONCE_HEADER, nonce)
			.header(SignedRequest.SIGNATURE_HEADER, request.signWith(key))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body));
	}
}
