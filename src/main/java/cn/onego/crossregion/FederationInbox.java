package cn.onego.crossregion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a partner's message ({@code PUT /federation/v1/messages/{messageId}}), in this order: the message id's
 * shape, the size, the sender known, the timestamp within the window, the nonce's shape, the signature over the
 * canonical string, the nonce unseen from that sender (recorded in a transaction of its own, so that a signed
 * request is admitted once whatever happens after); then, in one transaction, the message recorded as received and
 * handed to the handler of its kind — or, when it was received before, its stored response given again without
 * calling the handler.
 */
@Component
public class FederationInbox {

	private static final Logger log = LoggerFactory.getLogger(FederationInbox.class);

	/**
	 * The largest body a message may have: a case's form, or one of its files — an applicant's upload is at most 20 MB,
	 * which base64 makes 27 MB.
	 */
	public static final int MAX_BODY = 32 * 1024 * 1024;

	private final Federation federation;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	/** Reads a message's body: a file's base64 is one long string, longer than the application's JSON allows. */
	private final JsonMapper bodies;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Map<String, FederationHandler> handlers = new HashMap<>();

	FederationInbox(Federation federation, JdbcClient jdbc, JsonMapper json, TransactionTemplate transactions, Clock clock,
			ObjectProvider<FederationHandler> handlers) {
		this.federation = federation;
		this.jdbc = jdbc;
		this.json = json;
		this.bodies = JsonMapper.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_BODY).maxStringLength(MAX_BODY).build())
			.build()).build();
		this.transactions = transactions;
		this.clock = clock;
		for (FederationHandler handler : handlers.orderedStream().toList()) {
			FederationHandler before = this.handlers.put(handler.kind(), handler);
			if (before != null) {
				throw new IllegalStateException("two handlers of the message kind " + handler.kind() + ": " + before.getClass().getName()
						+ " and " + handler.getClass().getName());
			}
		}
	}

	/** The request as it arrived: the headers that authenticate it and the raw body (at most one byte over the limit). */
	public record Arrival(String messageId, String instance, String timestamp, String nonce, String signature, byte[] body) {
	}

	/** What the sender gets with 200: the message's id and the handler's response, the same at every delivery. */
	public record Receipt(String messageId, JsonNode response) {
	}

	/** Admits, records and handles the message once, or refuses it (a problem; see {@link FederationRefusals}). */
	public Receipt receive(Arrival arrival) {
		String messageId = arrival.messageId();
		if (messageId == null || !FederationOutbox.MESSAGE_ID.matcher(messageId).matches()) {
			throw InvalidInput.of("messageId", "invalid", Message.of("消息编号只能由字母、数字和 . _ : - 组成，最多 128 个字符",
					"a message id is at most 128 letters, digits and . _ : -"));
		}
		if (arrival.body().length > MAX_BODY) {
			throw new FederationRefusals.TooLarge();
		}
		Federation.Known sender = federation.known(arrival.instance()).orElseThrow(() -> {
			log.warn("Federation message {} refused: unknown instance {}", messageId, printable(arrival.instance()));
			return FederationRefusals.NotAuthenticated.unknownInstance();
		});
		Instant now = clock.instant();
		SignedRequest request = new SignedRequest("PUT", SignedRequest.messagePath(messageId), arrival.timestamp(), arrival.nonce(),
				arrival.body());
		if (!request.timelyAt(now)) {
			log.warn("Federation message {} from {} refused: timestamp {} is not within {} of {}", messageId, sender.partner().id(),
					printable(arrival.timestamp()), SignedRequest.WINDOW, now);
			throw FederationRefusals.NotAuthenticated.staleTimestamp();
		}
		if (!request.nonceWellFormed()) {
			log.warn("Federation message {} from {} refused: malformed nonce", messageId, sender.partner().id());
			throw FederationRefusals.NotAuthenticated.badNonce();
		}
		if (!request.signedBy(sender.key(), arrival.signature())) {
			log.warn("Federation message {} from {} refused: the signature does not verify", messageId, sender.partner().id());
			throw FederationRefusals.NotAuthenticated.badSignature();
		}
		int fresh = jdbc.sql("INSERT INTO federation_nonce (partner_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(sender.partner().id(), arrival.nonce(), Timestamp.from(now))
			.update();
		if (fresh == 0) {
			log.warn("Federation message {} from {} refused: nonce replayed", messageId, sender.partner().id());
			throw new FederationRefusals.Replayed();
		}
		Envelope envelope = envelope(arrival.body());
		String digest = SignedRequest.sm3Hex(arrival.body());
		return transactions.execute(status -> handle(sender.partner(), messageId, envelope, digest, now));
	}

	private record Envelope(String kind, JsonNode payload) {
	}

	private Envelope envelope(byte[] body) {
		JsonNode document;
		try {
			document = bodies.readTree(body);
		}
		catch (JacksonException e) {
			throw InvalidInput.of("body", "malformed", Message.of("消息内容不是有效的 JSON", "the body is not valid JSON"));
		}
		if (document == null || !document.isObject()) {
			throw InvalidInput.of("body", "malformed", Message.of("消息内容应为 JSON 对象", "the body must be a JSON object"));
		}
		JsonNode kind = document.get("kind");
		if (kind == null || !kind.isString() || !FederationOutbox.KIND.matcher(kind.asString()).matches()) {
			throw InvalidInput.of("kind", "invalid", Message.of("消息类型缺失或格式有误", "the kind is missing or malformed"));
		}
		JsonNode payload = document.get("payload");
		return new Envelope(kind.asString(), payload == null ? json.nullNode() : payload);
	}

	private Receipt handle(Partner from, String messageId, Envelope envelope, String digest, Instant now) {
		Optional<Receipt> before = received(from, messageId, digest);
		if (before.isPresent()) {
			log.info("Federation message {} from {} received again: answered as before", messageId, from.id());
			return before.get();
		}
		FederationHandler handler = handlers.get(envelope.kind());
		if (handler == null) {
			throw new FederationRefusals.UnknownKind(envelope.kind());
		}
		int claimed = jdbc.sql("""
				INSERT INTO federation_inbox (partner_id, message_id, kind, body_sm3, response, received_at)
				VALUES (?, ?, ?, ?, 'null'::jsonb, ?) ON CONFLICT DO NOTHING""")
			.params(from.id(), messageId, envelope.kind(), digest, Timestamp.from(now))
			.update();
		if (claimed == 0) {
			// a concurrent delivery of the same message committed first (this insert waited for it)
			return received(from, messageId, digest).orElseThrow();
		}
		Object result;
		try {
			result = handler.handle(from, messageId, envelope.payload());
		}
		catch (MessageRefused refused) {
			log.info("Federation message {} ({}) from {} refused by its handler: {}", messageId, envelope.kind(), from.id(),
					refused.reason());
			throw new FederationRefusals.Refused(refused.reason());
		}
		JsonNode response = result == null ? json.nullNode() : json.valueToTree(result);
		jdbc.sql("UPDATE federation_inbox SET response = CAST(? AS jsonb) WHERE partner_id = ? AND message_id = ?")
			.params(json.writeValueAsString(response), from.id(), messageId)
			.update();
		log.info("Federation message {} ({}) from {} received and handled", messageId, envelope.kind(), from.id());
		return new Receipt(messageId, response);
	}

	/** The receipt of a message received before; a different body under the same id is refused. */
	private Optional<Receipt> received(Partner from, String messageId, String digest) {
		return jdbc.sql("SELECT body_sm3, response FROM federation_inbox WHERE partner_id = ? AND message_id = ?")
			.params(from.id(), messageId)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(digest)) {
					throw new FederationRefusals.MessageIdReused();
				}
				return new Receipt(messageId, json.readTree(rs.getString(2)));
			})
			.optional();
	}

	/** A header's value for a log line: what an attacker sent, cut short and without control characters. */
	private static String printable(String value) {
		if (value == null) {
			return "(none)";
		}
		String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}
}
