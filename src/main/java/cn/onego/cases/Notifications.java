package cn.onego.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The messages (短信/站内信) of the case flow, as their recipients read them. The default adapter keeps them in an
 * outbox the recipients read through the API; a gateway to an SMS provider would read the same outbox. They are
 * written by the statement of the transition they tell of ({@link Cases#save}, {@link Notices}) or of the colour
 * change they warn of ({@link DeadlineWarnings}), so a message exists exactly when what it tells of does; its key
 * makes telling the same event twice harmless.
 */
@Component
public class Notifications {

	/** A message to an applicant, a department head or the supervisors of a region. */
	public record Notice(long id, String recipient, UUID caseId, String channel, String zh, String en, Instant createdAt) {
	}

	/** The prefix of the recipient of warnings for a region's supervisors, followed by the region's code. */
	static final String SUPERVISORS = "SUPERVISOR:";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The messages to any of the recipients and, when {@code supervisedPrefix} is given, those for the
	 * supervisors of every region whose code starts with it (warnings are addressed to the case's region).
	 */
	public List<Notice> of(List<String> recipients, String supervisedPrefix, int limit) {
		// a range on the recipient index instead of LIKE, which the index cannot serve under this collation
		String from = supervisedPrefix == null ? null : SUPERVISORS + supervisedPrefix;
		String to = supervisedPrefix == null ? null
				: SUPERVISORS + String.format("%0" + supervisedPrefix.length() + "d", Long.parseLong(supervisedPrefix) + 1);
		return jdbc.sql("""
				SELECT id, recipient, case_id, channel, text_zh, text_en, created_at FROM notification
				WHERE recipient = ANY (?) OR (recipient >= ? AND recipient < ?) ORDER BY id DESC LIMIT ?""")
			.params(recipients.toArray(String[]::new), from, to, limit)
			.query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}
}
