package cn.onego.platform.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.platform.crypto.PersonalData;

/**
 * What became of the messages: the provider's delivery receipts move a SENT message to DELIVERED or FAILED, and
 * staff read the failed ones.
 */
public class SmsReceipts {

	/**
	 * A message that could not be delivered, as staff see it: the number masked, what it was about, how often it
	 * was tried and the last error.
	 */
	public record FailedSms(long id, String mobile, String reference, int attempts, String lastError, Instant createdAt,
			Instant failedAt) {
	}

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;

	SmsReceipts(JdbcClient jdbc, PersonalData data, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
	}

	/**
	 * The provider's receipt for its message: delivered, or not (with its reason). A receipt for a message already
	 * final changes nothing; returns false when no message has that provider id.
	 */
	public boolean receipt(String providerId, boolean delivered, String reason) {
		int known = jdbc.sql("SELECT count(*) FROM sms_outbox WHERE provider_id = ?").param(providerId).query(Integer.class).single();
		if (known == 0) {
			return false;
		}
		jdbc.sql("""
				UPDATE sms_outbox SET state = ?, last_error = left(?, 300), changed_at = ?
				WHERE provider_id = ? AND state IN ('PENDING', 'SENT')""")
			.params(delivered ? "DELIVERED" : "FAILED", delivered ? null : reason, Timestamp.from(clock.instant()), providerId)
			.update();
		return true;
	}

	/** The failed messages, newest first, whose reference starts with the prefix ({@code case:}). */
	public List<FailedSms> failed(String referencePrefix, int limit) {
		return jdbc.sql("""
				SELECT id, recipient, reference, attempts, last_error, created_at, changed_at FROM sms_outbox
				WHERE state = 'FAILED' AND reference LIKE ? ORDER BY changed_at DESC LIMIT ?""")
			.params(referencePrefix.replace("%", "") + "%", limit)
			.query((rs, n) -> new FailedSms(rs.getLong(1), SmsGateway.masked(data.open(rs.getString(2), SmsOutbox.RECIPIENT.name())),
					rs.getString(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** The state of every message with this reference, oldest first (for the pages that show a message's fate). */
	public List<String> states(String reference) {
		return jdbc.sql("SELECT state FROM sms_outbox WHERE reference = ? ORDER BY id").param(reference).query(String.class).list();
	}
}
