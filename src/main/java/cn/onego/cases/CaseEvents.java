package cn.onego.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.onego.application.ApplicationInput.Delivery;

/**
 * The facts the case flow tells, all past tense, each with the ids and the few facts it is about. A transition
 * returns its event ({@link Transition}); {@link Cases#save} writes the applicant's message and supervision's
 * counts of it in the transition's statement and then publishes it to the listeners of the same transaction.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	/** Something that happened to a case. */
	public sealed interface CaseEvent {

		CaseId caseId();

		/** What makes telling the same event twice harmless: the applicant's message is stored once per key. */
		String key();
	}

	/** The case of an application is open, in the hall's queue. */
	public record CaseOpened(CaseId caseId, UUID application, CaseNumber number, HallCode hall) implements CaseEvent {

		public String key() {
			return caseId + ":opened";
		}
	}

	/**
	 * @param provisional whether the promised date is provisional: it runs into a year whose holidays are not loaded
	 *        yet, and is computed again when they are
	 */
	public record CaseAccepted(CaseId caseId, LocalDate promisedDate, CaseFile.Mode mode, List<String> gaps,
			LocalDate gapDeadline, boolean provisional) implements CaseEvent {

		public String key() {
			return caseId + ":accepted";
		}
	}

	public record CaseNotAccepted(CaseId caseId, String reason) implements CaseEvent {

		public String key() {
			return caseId + ":not-accepted";
		}
	}

	/** The window's or a department's request for more, as the case's one list after it; {@code round} counts them. */
	public record SupplementRequested(CaseId caseId, List<String> subjects, int round) implements CaseEvent {

		public String key() {
			return caseId + ":supplement:" + round;
		}
	}

	/** A task approved or refused, by a reviewer, at the window (即办) or by a 秒批 rule. */
	public record TaskDecided(CaseId caseId, TaskId taskId, String item, String department, TaskState outcome, String detail)
			implements CaseEvent {

		public String key() {
			return taskId + ":" + outcome;
		}
	}

	public record CaseReady(CaseId caseId, Delivery.Method deliveryMethod) implements CaseEvent {

		public String key() {
			return caseId + ":ready";
		}
	}

	public record CaseIssued(CaseId caseId, Delivery.Method method, String trackingNumber) implements CaseEvent {

		public String key() {
			return caseId + ":issued";
		}
	}

	public record CaseRefused(CaseId caseId, String reason) implements CaseEvent {

		public String key() {
			return caseId + ":refused";
		}
	}

	/** The applicant withdrew the application before acceptance; {@code reason} is theirs, null when they gave none. */
	public record CaseWithdrawn(CaseId caseId, String reason) implements CaseEvent {

		public String key() {
			return caseId + ":withdrawn";
		}
	}

	public record GapsOverdue(CaseId caseId, LocalDate deadline) implements CaseEvent {

		public String key() {
			return caseId + ":gaps-overdue";
		}
	}

	public record ResultRevoked(CaseId caseId, TaskId taskId, String item, String finding) implements CaseEvent {

		public String key() {
			return taskId + ":revoked";
		}
	}
}
