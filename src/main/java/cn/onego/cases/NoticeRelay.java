package cn.onego.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.platform.sms.SmsGateway;

/**
 * Texts the applicants' notices (channel {@code SMS}) through the platform's SMS outbox: the notices not relayed
 * yet are taken ({@code SKIP LOCKED}, so nodes share them), each queued as an SMS to the mobile the applicant gave
 * with the application, and marked relayed — all in one transaction, so that a notice becomes exactly one SMS
 * whatever crashes. A notice without a mobile to text (none given) stays in the inbox only; the warnings to staff
 * (channel {@code INBOX}: staff have no mobile on record) are never taken (V68), for a near day's scan writes
 * thousands of them at once.
 */
@Component
class NoticeRelay {

	/** The signature an SMS of the platform ends with (短信签名). */
	static final String SIGNATURE = "【一件事一次办】";
	private static final int BATCH = 200;

	private final JdbcClient jdbc;
	private final Cases cases;
	private final SmsGateway sms;
	private final TransactionTemplate transactions;
	private final Clock clock;

	NoticeRelay(JdbcClient jdbc, Cases cases, SmsGateway sms, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.sms = sms;
		this.transactions = transactions;
		this.clock = clock;
	}

	private record Pending(long id, UUID caseId, String channel, String text) {
	}

	@Scheduled(fixedDelayString = "${onego.sms.relay-interval:2s}", initialDelayString = "${onego.sms.relay-interval:2s}")
	void scheduled() {
		while (relay() == BATCH) {
			// a backlog is relayed batch after batch
		}
	}

	/** Relays one batch; returns how many notices it took. */
	int relay() {
		Integer taken = transactions.execute(status -> {
			List<Pending> pending = jdbc.sql("""
					SELECT id, case_id, channel, text_zh FROM notification WHERE relayed_at IS NULL AND channel = 'SMS'
					ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
				.param(BATCH)
				.query((rs, n) -> new Pending(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)))
				.list();
			List<Long> ids = new ArrayList<>();
			// the batch's cases in one read, not one per notice
			Map<CaseId, CaseFile> of = cases.find(pending.stream().map(Pending::caseId).filter(Objects::nonNull).map(CaseId::new).toList());
			for (Pending notice : pending) {
				ids.add(notice.id());
				if (notice.caseId() != null) {
					Optional.ofNullable(of.get(new CaseId(notice.caseId())))
						.map(CaseFile::delivery)
						.map(Delivery::mobile)
						.filter(mobile -> mobile.matches("1[3-9]\\d{9}"))
						.ifPresent(mobile -> sms.send(mobile, SIGNATURE + notice.text(), "case:" + notice.caseId()));
				}
			}
			if (!ids.isEmpty()) {
				jdbc.sql("UPDATE notification SET relayed_at = ? WHERE id = ANY (?)")
					.params(Timestamp.from(clock.instant()), ids.toArray(Long[]::new))
					.update();
			}
			return pending.size();
		});
		return taken == null ? 0 : taken;
	}
}
