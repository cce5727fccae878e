package cn.onego.platform.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;

/**
 * The gateway every module calls: a message is a PENDING row of {@code sms_outbox}, due at once, written in the
 * caller's transaction; {@link SmsDispatch} sends it. So a message is never lost between the cause and the
 * provider, and never sent for a cause that was rolled back.
 */
public class SmsOutbox implements SmsGateway {

	/** The number, sealed, found by its blind index; the text, sealed (it holds codes and names). */
	static final SealedColumn RECIPIENT = SealedColumn.indexed("sms_outbox", "recipient", "recipient_index");
	static final SealedColumn TEXT = SealedColumn.of("sms_outbox", "text");

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;

	SmsOutbox(JdbcClient jdbc, PersonalData data, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
	}

	@Override
	public void send(String mobile, String text, String reference) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO sms_outbox (recipient, recipient_index, text, created_at, state, next_attempt_at, changed_at, reference)
				VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
			.params(data.seal(mobile, RECIPIENT.name()), data.index(mobile), data.seal(text, TEXT.name()), now, now, now, reference)
			.update();
	}

	/** The latest messages for one mobile number, newest first, whatever became of them. */
	public List<SmsMessage> latestTo(String mobile, int limit) {
		return jdbc.sql("""
				SELECT recipient, text, created_at, state FROM sms_outbox WHERE recipient_index = ?
				ORDER BY created_at DESC, id DESC LIMIT ?""")
			.params(data.index(mobile), limit)
			.query((rs, n) -> new SmsMessage(data.open(rs.getString(1), RECIPIENT.name()), data.open(rs.getString(2), TEXT.name()),
					rs.getTimestamp(3).toInstant(), rs.getString(4)))
			.list();
	}
}
