package cn.onego.crossregion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.shared.TimeOrderedIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messages this instance sends to its partners. A message is a PENDING row of {@code federation_outbox},
 * written in the caller's transaction and due at once; {@link FederationSender} sends it signed until the partner
 * takes or refuses it. So a message is never lost between its cause and the partner, never sent for a cause that
 * was rolled back, and a partner that is down delays it without losing it.
 */
@Component
public class FederationOutbox implements SealedColumns {

	/**
	 * The body as sent: a forwarded case's form and materials are personal data, sealed at rest like every other
	 * (SM4-GCM, docs/SECURITY.md), and opened only to be sent.
	 */
	static final SealedColumn BODY = SealedColumn.of("federation_outbox", "body");

	/** A message id: it travels in the path, so letters, digits and {@code . _ : -} only. */
	static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
	static final Pattern KIND = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	/** What staff look messages up by: a case's id or number, for instance. */
	static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private static final String COLUMNS = """
			id, partner_id, kind, message_id, subject, state, attempts, last_error, created_at, delivered_at, response""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final PersonalData data;
	private final Federation federation;
	private final FederationSettings settings;
	private final Clock clock;

	FederationOutbox(JdbcClient jdbc, JsonMapper json, PersonalData data, Federation federation, FederationSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.data = data;
		this.federation = federation;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Enqueue in the CALLER's transaction (JdbcClient, same DataSource) a message to a partner; idempotent by
	 * (partner, messageId): enqueueing the same id twice keeps one row. subject = what staff look it up by
	 * (e.g. a case id as text). payload is serialised with the application's JsonMapper.
	 *
	 * @throws IllegalArgumentException for a partner this instance does not know, or an id, kind or subject that
	 *         cannot travel (see docs/FEDERATION.md)
	 */
	public void send(String partnerId, String kind, String messageId, String subject, Object payload) {
		if (federation.partner(partnerId).isEmpty()) {
			throw new IllegalArgumentException("no partner " + partnerId);
		}
		check(MESSAGE_ID, messageId, "message id");
		check(KIND, kind, "kind");
		check(SUBJECT, subject, "subject");
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("kind", kind);
		envelope.put("payload", payload);
		String body = json.writeValueAsString(envelope);
		if (body.length() > FederationInbox.MAX_BODY / 3) {
			// three bytes of UTF-8 per character at most: a body this long may be over the partner's limit
			int bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
			if (bytes > FederationInbox.MAX_BODY) {
				throw new IllegalArgumentException("a message is at most 32 MB; this one is " + bytes + " bytes");
			}
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO federation_outbox (id, partner_id, kind, message_id, subject, body, state, next_attempt_at, created_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
				ON CONFLICT ON CONSTRAINT federation_outbox_once DO NOTHING""")
			.params(TimeOrderedIds.next(), partnerId, kind, messageId, subject, data.seal(body, BODY.name()), now, now)
			.update();
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(BODY);
	}

	/** The body of a message as it is sent, opened. */
	String opened(String stored) {
		return data.open(stored, BODY.name());
	}

	/** The messages about a subject, oldest first, for staff pages ("sent, not yet received"). */
	public List<OutgoingMessage> about(String subject) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT " + COLUMNS + " FROM federation_outbox WHERE subject = ? ORDER BY created_at, id")
			.param(subject)
			.query((rs, n) -> message(rs, now))
			.list();
	}

	/** Messages not delivered after onego.federation.warn-after (default PT1H), for warnings. */
	public List<OutgoingMessage> overdue() {
		Instant now = clock.instant();
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM federation_outbox WHERE state = 'PENDING' AND created_at <= ? ORDER BY created_at, id LIMIT 500")
			.param(Timestamp.from(now.minus(settings.warnAfter())))
			.query((rs, n) -> message(rs, now))
			.list();
	}

	/** One message to a partner, whatever became of it. */
	public Optional<OutgoingMessage> message(String partnerId, String messageId) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT " + COLUMNS + " FROM federation_outbox WHERE partner_id = ? AND message_id = ?")
			.params(partnerId, messageId)
			.query((rs, n) -> message(rs, now))
			.optional();
	}

	/** How many messages wait for delivery, and how many of them longer than onego.federation.warn-after. */
	record Waiting(long pending, long overdue) {
	}

	Waiting waiting() {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE created_at <= ?) FROM federation_outbox WHERE state = 'PENDING'")
			.param(Timestamp.from(clock.instant().minus(settings.warnAfter())))
			.query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private OutgoingMessage message(ResultSet rs, Instant now) throws SQLException {
		OutgoingMessage.State state = OutgoingMessage.State.valueOf(rs.getString("state"));
		Instant created = rs.getTimestamp("created_at").toInstant();
		Timestamp delivered = rs.getTimestamp("delivered_at");
		String response = rs.getString("response");
		boolean overdue = state == OutgoingMessage.State.PENDING && !created.plus(settings.warnAfter()).isAfter(now);
		return new OutgoingMessage(rs.getObject("id", UUID.class), rs.getString("partner_id"), rs.getString("kind"),
				rs.getString("message_id"), rs.getString("subject"), state, rs.getInt("attempts"), rs.getString("last_error"), created,
				delivered == null ? null : delivered.toInstant(), overdue, response == null ? null : json.readTree(response));
	}

	private static void check(Pattern pattern, String value, String what) {
		if (value == null || !pattern.matcher(value).matches()) {
			throw new IllegalArgumentException("not a " + what + " that can travel (" + pattern.pattern() + "): " + value);
		}
	}
}
