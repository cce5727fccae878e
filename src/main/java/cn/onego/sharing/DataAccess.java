package cn.onego.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * One read of an applicant's data, as logged: who read what about whom, when, for what purpose and
 * under which consent, and whether it was granted or refused (with the reason).
 */
public record DataAccess(long id, Instant at, String actor, String subject, String source, String what, String purpose,
		UUID consentId, Outcome outcome, String reason) {

	public enum Outcome {
		GRANTED, REFUSED
	}
}
