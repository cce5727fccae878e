package cn.onego.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.CaseOpened;
import cn.onego.cases.CaseEvents.CaseReady;
import cn.onego.cases.CaseEvents.CaseRefused;
import cn.onego.cases.CaseEvents.GapsOverdue;
import cn.onego.cases.CaseEvents.ResultRevoked;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;

/**
 * Tells the applicant what happened to their case. The default adapter stores the messages (短信/站内信)
 * in an outbox the applicant reads through the API; a gateway to an SMS provider would read the same
 * outbox. The message is written in the transaction of the transition it tells of, so it exists exactly
 * when the transition does; its key makes telling the same event twice harmless.
 */
@Component
public class Notifications {

	/** A message to an applicant. */
	public record Notice(long id, String recipient, UUID caseId, String channel, String zh, String en, Instant createdAt) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void tell(CaseEvent event) {
		String[] text = text(event);
		if (text == null) {
			return;
		}
		send(event.key(), event.applicantUsername(), event.caseId(), "SMS", text[0], text[1]);
	}

	/** Stores one message unless a message with the same key was already stored. */
	void send(String key, String recipient, UUID caseId, String channel, String zh, String en) {
		jdbc.sql("""
				INSERT INTO notification (event_key, recipient, case_id, channel, text_zh, text_en, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_key) DO NOTHING""")
			.params(key, recipient, caseId, channel, zh, en, Timestamp.from(clock.instant()))
			.update();
	}

	/** A message to store. */
	record Message(String key, String recipient, UUID caseId, String channel, String zh, String en) {
	}

	/** Stores the messages in one statement, each unless a message with its key was already stored. */
	void sendAll(List<Message> messages) {
		if (messages.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO notification (event_key, recipient, case_id, channel, text_zh, text_en, created_at)
				SELECT k, r, c, ch, zh, en, ? FROM unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[]) AS m(k, r, c, ch, zh, en)
				ON CONFLICT (event_key) DO NOTHING""")
			.params(Timestamp.from(clock.instant()), column(messages, Message::key), column(messages, Message::recipient),
					column(messages, m -> m.caseId() == null ? null : m.caseId().toString()), column(messages, Message::channel),
					column(messages, Message::zh), column(messages, Message::en))
			.update();
	}

	private static String[] column(List<Message> messages, java.util.function.Function<Message, String> value) {
		return messages.stream().map(value).toArray(String[]::new);
	}

	private static String[] text(CaseEvent event) {
		String n = event.number();
		if (event instanceof CaseOpened e) {
			return new String[] { "您的申请已提交，受理编号 " + n + "，请等待窗口受理。",
						"Your application was submitted as case " + n + " and waits for acceptance." };
		}
		if (event instanceof CaseAccepted e) {
			return new String[] { "办件 " + n + " 已受理，承诺办结日期 " + e.promisedDate()
						+ (e.gaps().isEmpty() ? "" : "；容缺材料请于 " + e.gapDeadline() + " 前补齐：" + e.gaps()) + "。",
						"Case " + n + " was accepted; promised by " + e.promisedDate()
								+ (e.gaps().isEmpty() ? "" : "; supply " + e.gaps() + " by " + e.gapDeadline()) + "." };
		}
		if (event instanceof CaseNotAccepted e) {
			return new String[] { "办件 " + n + " 不予受理：" + e.reason(), "Case " + n + " was not accepted: " + e.reason() };
		}
		if (event instanceof SupplementRequested e) {
			return new String[] { "办件 " + n + " 需要补正：" + e.subjects() + "。请一次性补齐。",
						"Case " + n + " needs: " + e.subjects() + ". Please supply them in one go." };
		}
		if (event instanceof TaskDecided e) {
			return new String[] { "办件 " + n + "：" + e.itemName() + " " + ("APPROVED".equals(e.outcome()) ? "已准予" : "不予许可")
						+ (e.detail() == null || e.detail().isBlank() ? "" : "（" + e.detail() + "）") + "。",
						"Case " + n + ": " + e.item() + " " + e.outcome().toLowerCase() + "." };
		}
		if (event instanceof CaseReady e) {
			return new String[] { "办件 " + n + " 已办结，" + ("FREE_MAIL".equals(e.deliveryMethod()) ? "结果将免费邮寄给您。" : "请到窗口领取结果。"),
						"Case " + n + " is done; " + ("FREE_MAIL".equals(e.deliveryMethod()) ? "the results will be mailed free of charge." : "collect the results at the window.") };
		}
		if (event instanceof CaseIssued e) {
			return new String[] { "办件 " + n + " 已出件" + (e.trackingNumber() == null ? "。" : "，快递单号 " + e.trackingNumber() + "。"),
						"Case " + n + " was issued" + (e.trackingNumber() == null ? "." : ", tracking number " + e.trackingNumber() + ".") };
		}
		if (event instanceof CaseRefused e) {
			return new String[] { "办件 " + n + " 不予许可：" + e.reason(), "Case " + n + " was refused: " + e.reason() };
		}
		if (event instanceof GapsOverdue e) {
			return new String[] { "办件 " + n + " 的容缺材料已超过补正期限（" + e.deadline() + "），请尽快补齐。",
						"The missing materials of case " + n + " are overdue (deadline " + e.deadline() + "); please supply them." };
		}
		if (event instanceof ResultRevoked e) {
			return new String[] { "办件 " + n + "：经告知承诺事后核查，" + e.itemName() + " 的准予决定已撤销：" + e.finding(),
						"Case " + n + ": after post-verification of your commitment, the approval of " + e.itemName() + " was revoked." };
		}
		return null;

	}

	/**
	 * The messages to any of the recipients and, when {@code supervisedPrefix} is given, those for the
	 * supervisors of every region whose code starts with it (warnings are addressed to the case's region).
	 */
	/** The prefix of the recipient of warnings for a region's supervisors, followed by the region's code. */
	static final String SUPERVISORS = "SUPERVISOR:";

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
