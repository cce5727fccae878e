package cn.onego.platform.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import cn.onego.platform.crypto.PersonalData;

/**
 * Sends the outbox: takes the due PENDING messages (each node its own, {@code SKIP LOCKED}), leases them for a
 * minute so that no other node takes them meanwhile, and hands each to the provider outside any transaction. A
 * message the provider took is SENT (DELIVERED when the provider says so at once); one it did not take stays
 * PENDING with its next attempt after an exponential wait, and is FAILED — shown to staff — only after the last
 * attempt. A crash after the provider took a message and before it was marked sends it again after the lease,
 * with the same reference: at least once, never lost.
 */
public class SmsDispatch {

	private static final Logger log = LoggerFactory.getLogger(SmsDispatch.class);
	private static final int BATCH = 50;

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final SmsProvider provider;
	private final SmsSettings settings;
	private final Clock clock;

	SmsDispatch(JdbcClient jdbc, PersonalData data, SmsProvider provider, SmsSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.provider = provider;
		this.settings = settings;
		this.clock = clock;
	}

	private record Due(long id, String recipient, String text, int attempts) {
	}

	@Scheduled(fixedDelayString = "${onego.sms.dispatch-interval:2s}", initialDelayString = "${onego.sms.dispatch-interval:2s}")
	void scheduled() {
		dispatch();
	}

	/** Sends what is due now; returns how many the provider took. */
	public int dispatch() {
		Instant now = clock.instant();
		List<Due> due = jdbc.sql("""
				UPDATE sms_outbox SET next_attempt_at = ? WHERE id IN (
				    SELECT id FROM sms_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?
				    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, recipient, text, attempts""")
			.params(Timestamp.from(now.plusSeconds(60)), Timestamp.from(now), BATCH)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
		int taken = 0;
		for (Due message : due) {
			taken += send(message) ? 1 : 0;
		}
		return taken;
	}

	private boolean send(Due message) {
		String mobile = data.open(message.recipient(), SmsOutbox.RECIPIENT.name());
		int attempts = message.attempts() + 1;
		Instant at = clock.instant();
		SmsProvider.Accepted accepted;
		try {
			accepted = provider.submit(new SmsProvider.Outgoing(message.id(), mobile, data.open(message.text(), SmsOutbox.TEXT.name())));
		}
		catch (RuntimeException e) {
			failed(message, mobile, attempts, at, e);
			return false;
		}
		jdbc.sql("""
				UPDATE sms_outbox SET state = ?, provider_id = ?, attempts = ?, next_attempt_at = NULL, last_error = NULL,
				    changed_at = ? WHERE id = ? AND state = 'PENDING'""")
			.params(accepted.delivered() ? "DELIVERED" : "SENT", accepted.providerId(), attempts, Timestamp.from(at), message.id())
			.update();
		return true;
	}

	private void failed(Due message, String mobile, int attempts, Instant at, RuntimeException e) {
		boolean last = attempts >= settings.maxAttempts();
		String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		jdbc.sql("""
				UPDATE sms_outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = left(?, 300), changed_at = ?
				WHERE id = ? AND state = 'PENDING'""")
			.params(last ? "FAILED" : "PENDING", attempts, last ? null : Timestamp.from(at.plus(settings.backoff(attempts))), error,
					Timestamp.from(at), message.id())
			.update();
		if (last) {
			log.error("SMS {} to {} FAILED after {} attempts: {}", message.id(), SmsGateway.masked(mobile), attempts, error);
		}
		else {
			log.warn("SMS {} to {} not taken (attempt {}), retried later: {}", message.id(), SmsGateway.masked(mobile), attempts, error);
		}
	}
}
