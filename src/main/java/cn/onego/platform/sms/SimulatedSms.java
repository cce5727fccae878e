package cn.onego.platform.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;

/**
 * The embedded default gateway ({@code onego.sms.mode=simulated}): nothing leaves the machine; each
 * message is kept in {@code sms_outbox} with the state {@code SIMULATED}, so that a demo, a training hall
 * or a test can read what a person would have received. Never use it where real people register: anyone
 * who can reach the inbox page reads their codes.
 */
public class SimulatedSms implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(SimulatedSms.class);

	/** The number, sealed, found by its blind index; the text, sealed (it holds codes and names). */
	static final SealedColumn RECIPIENT = SealedColumn.indexed("sms_outbox", "recipient", "recipient_index");
	static final SealedColumn TEXT = SealedColumn.of("sms_outbox", "text");

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;

	SimulatedSms(JdbcClient jdbc, PersonalData data, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
	}

	@Override
	public void send(String mobile, String text) {
		jdbc.sql("INSERT INTO sms_outbox (recipient, recipient_index, text, created_at, state) VALUES (?, ?, ?, ?, 'SIMULATED')")
			.params(data.seal(mobile, RECIPIENT.name()), data.index(mobile), data.seal(text, TEXT.name()),
					Timestamp.from(clock.instant()))
			.update();
		log.info("Simulated SMS to {} kept in sms_outbox (onego.sms.mode=simulated)", SmsGateway.masked(mobile));
	}

	/** The latest messages for one mobile number, newest first. */
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
