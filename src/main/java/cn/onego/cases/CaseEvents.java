package cn.onego.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The facts the case flow publishes (through the event publication registry), all past tense. */
public final class CaseEvents {

	private CaseEvents() {
	}

	/** Something that happened to a case, with what the applicant needs to hear of it. */
	public sealed interface CaseEvent {

		UUID caseId();

		String number();

		String applicantUsername();

		String key();
	}

	public record CaseOpened(UUID caseId, String number, String applicantUsername, String hall) implements CaseEvent {

		public String key() {
			return caseId + ":opened";
		}
	}

	public record CaseAccepted(UUID caseId, String number, String applicantUsername, LocalDate promisedDate, String mode,
			List<String> gaps, LocalDate gapDeadline) implements CaseEvent {

		public String key() {
			return caseId + ":accepted";
		}
	}

	public record CaseNotAccepted(UUID caseId, String number, String applicantUsername, String reason) implements CaseEvent {

		public String key() {
			return caseId + ":not-accepted";
		}
	}

	public record SupplementRequested(UUID caseId, String number, String applicantUsername, List<String> subjects,
			int round) implements CaseEvent {

		public String key() {
			return caseId + ":supplement:" + round;
		}
	}

	public record TaskDecided(UUID caseId, String number, String applicantUsername, UUID taskId, String item,
			String itemName, String department, String outcome, String detail) implements CaseEvent {

		public String key() {
			return taskId + ":" + outcome;
		}
	}

	public record CaseReady(UUID caseId, String number, String applicantUsername, String deliveryMethod) implements CaseEvent {

		public String key() {
			return caseId + ":ready";
		}
	}

	public record CaseIssued(UUID caseId, String number, String applicantUsername, String method, String trackingNumber)
			implements CaseEvent {

		public String key() {
			return caseId + ":issued";
		}
	}

	public record CaseRefused(UUID caseId, String number, String applicantUsername, String reason) implements CaseEvent {

		public String key() {
			return caseId + ":refused";
		}
	}

	public record GapsOverdue(UUID caseId, String number, String applicantUsername, LocalDate deadline) implements CaseEvent {

		public String key() {
			return caseId + ":gaps-overdue";
		}
	}

	public record ResultRevoked(UUID caseId, String number, String applicantUsername, UUID taskId, String itemName,
			String finding) implements CaseEvent {

		public String key() {
			return taskId + ":revoked";
		}
	}
}
