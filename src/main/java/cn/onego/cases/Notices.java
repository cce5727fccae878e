package cn.onego.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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
import cn.onego.shared.Label;

/**
 * What the applicant is told of an event (短信/站内信), in Chinese and English: a {@link NoticeText} and its parameters,
 * said with the names of items and materials — a pure function of the event, the case and the words of the catalogue.
 */
final class Notices {

	private Notices() {
	}

	/** A message to store, unless one with its key was stored already. */
	record Notice(String key, String recipient, CaseId caseId, String channel, String zh, String en) {
	}

	/**
	 * The applicant's message of the event, if the event is one they are told of; {@code refusal} is how the case's
	 * history says why it was refused (null: the refusal's reason as written).
	 */
	static Optional<Notice> of(CaseEvent event, CaseFile c, PlainWords words, Label refusal) {
		Map<String, Object> params = new HashMap<>();
		params.put("number", c.number().value());
		NoticeText text = text(event, params);
		if (text == null) {
			return Optional.empty();
		}
		if (event instanceof CaseRefused && refusal != null) {
			params.put("reason", refusal);
		}
		Label said = words.say(text, params);
		return Optional.of(new Notice(event.key(), c.applicant().username(), c.id(), "SMS", said.zh(), said.en()));
	}

	private static NoticeText text(CaseEvent event, Map<String, Object> params) {
		if (event instanceof CaseOpened) {
			return NoticeText.OPENED;
		}
		if (event instanceof CaseAccepted e) {
			params.put("promised", e.promisedDate());
			params.put("provisional", e.provisional());
			params.put("gaps", e.gaps());
			params.put("gapDeadline", e.gapDeadline());
			return NoticeText.ACCEPTED;
		}
		if (event instanceof CaseNotAccepted e) {
			params.put("reason", e.reason());
			return NoticeText.NOT_ACCEPTED;
		}
		if (event instanceof SupplementRequested e) {
			params.put("subjects", e.subjects());
			return NoticeText.SUPPLEMENT_REQUESTED;
		}
		if (event instanceof TaskDecided e) {
			params.put("item", e.item());
			boolean approved = e.outcome() == TaskState.APPROVED;
			params.put(approved ? "licence" : "reason", e.detail());
			return approved ? NoticeText.TASK_APPROVED : NoticeText.TASK_REFUSED;
		}
		if (event instanceof CaseReady e) {
			return e.deliveryMethod() == Delivery.Method.FREE_MAIL ? NoticeText.READY_TO_MAIL : NoticeText.READY_TO_COLLECT;
		}
		if (event instanceof CaseIssued e) {
			params.put("tracking", e.trackingNumber());
			return NoticeText.ISSUED;
		}
		if (event instanceof CaseRefused e) {
			params.put("reason", e.reason());
			return NoticeText.REFUSED;
		}
		if (event instanceof CaseWithdrawn) {
			return NoticeText.WITHDRAWN;
		}
		if (event instanceof GapsOverdue e) {
			params.put("deadline", e.deadline());
			return NoticeText.GAPS_OVERDUE;
		}
		if (event instanceof ResultRevoked e) {
			params.put("item", e.item());
			params.put("finding", e.finding());
			return NoticeText.RESULT_REVOKED;
		}
		return null;
	}
}
