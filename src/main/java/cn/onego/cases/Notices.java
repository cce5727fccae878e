package cn.onego.cases;

import java.util.Optional;
import java.util.function.Function;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.CaseOpened;
import cn.onego.cases.CaseEvents.CaseReady;
import cn.onego.cases.CaseEvents.CaseRefused;
import cn.onego.cases.CaseEvents.CaseWithdrawn;
import cn.onego.cases.CaseEvents.GapsOverdue;
import cn.onego.cases.CaseEvents.ResultRevoked;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;

/**
 * What the applicant is told of an event (短信/站内信), in Chinese and English: a pure function of the event, the
 * case's number and the items' names.
 */
final class Notices {

	private Notices() {
	}

	/** A message to store, unless one with its key was stored already. */
	record Notice(String key, String recipient, CaseId caseId, String channel, String zh, String en) {
	}

	/** The applicant's message of the event, if the event is one they are told of. */
	static Optional<Notice> of(CaseEvent event, CaseFile c, Function<String, String> itemName) {
		String[] text = text(event, c.number().value(), itemName);
		return text == null ? Optional.empty()
				: Optional.of(new Notice(event.key(), c.applicant().username(), c.id(), "SMS", text[0], text[1]));
	}

	private static String[] text(CaseEvent event, String n, Function<String, String> itemName) {
		if (event instanceof CaseOpened) {
			return new String[] { "您的申请已提交，受理编号 " + n + "，请等待窗口受理。",
					"Your application was submitted as case " + n + " and waits for acceptance." };
		}
		if (event instanceof CaseAccepted e) {
			return new String[] { "办件 " + n + " 已受理，承诺办结日期 " + e.promisedDate()
					+ (e.provisional() ? "（暂定，次年节假日安排公布后确定）" : "")
					+ (e.gaps().isEmpty() ? "" : "；容缺材料请于 " + e.gapDeadline() + " 前补齐：" + e.gaps()) + "。",
					"Case " + n + " was accepted; promised by " + e.promisedDate()
							+ (e.provisional() ? " (provisional until next year's public holidays are published)" : "")
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
			boolean approved = e.outcome() == TaskState.APPROVED;
			return new String[] { "办件 " + n + "：" + itemName.apply(e.item()) + " " + (approved ? "已准予" : "不予许可")
					+ (e.detail() == null || e.detail().isBlank() ? "" : "（" + e.detail() + "）") + "。",
					"Case " + n + ": " + e.item() + " " + e.outcome().name().toLowerCase() + "." };
		}
		if (event instanceof CaseReady e) {
			boolean mailed = e.deliveryMethod() == Delivery.Method.FREE_MAIL;
			return new String[] { "办件 " + n + " 已办结，" + (mailed ? "结果将免费邮寄给您。" : "请到窗口领取结果。"),
					"Case " + n + " is done; " + (mailed ? "the results will be mailed free of charge." : "collect the results at the window.") };
		}
		if (event instanceof CaseIssued e) {
			return new String[] { "办件 " + n + " 已出件" + (e.trackingNumber() == null ? "。" : "，快递单号 " + e.trackingNumber() + "。"),
					"Case " + n + " was issued" + (e.trackingNumber() == null ? "." : ", tracking number " + e.trackingNumber() + ".") };
		}
		if (event instanceof CaseRefused e) {
			return new String[] { "办件 " + n + " 不予许可：" + e.reason(), "Case " + n + " was refused: " + e.reason() };
		}
		if (event instanceof CaseWithdrawn) {
			return new String[] { "办件 " + n + " 已按您的要求撤回，不再办理。", "Case " + n + " was withdrawn at your request and will not be handled." };
		}
		if (event instanceof GapsOverdue e) {
			return new String[] { "办件 " + n + " 的容缺材料已超过补正期限（" + e.deadline() + "），请尽快补齐。",
					"The missing materials of case " + n + " are overdue (deadline " + e.deadline() + "); please supply them." };
		}
		if (event instanceof ResultRevoked e) {
			String item = itemName.apply(e.item());
			return new String[] { "办件 " + n + "：经告知承诺事后核查，" + item + " 的准予决定已撤销：" + e.finding(),
					"Case " + n + ": after post-verification of your commitment, the approval of " + item + " was revoked." };
		}
		return null;
	}
}
