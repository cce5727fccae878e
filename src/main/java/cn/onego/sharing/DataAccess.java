package cn.onego.sharing;

import java.time.Instant;
import java.util.UUID;

/**
 * One read of an applicant's data, as logged: who read what about whom, when, for what purpose, under which
 * consent and legal basis, and whether it was granted or refused (with the reason).
 *
 * @param legalBasis the once-only machinery's is {@link OnceOnly#CONSENT_BASIS}; a department's, the basis it stated
 * @param department the department that read a shared resource, or null for the once-only machinery
 */
public record DataAccess(long id, Instant at, String actor, String subject, String source, String what, String purpose,
		UUID consentId, Outcome outcome, String reason, String legalBasis, String department) {

	public enum Outcome {
		GRANTED, REFUSED
	}
}
