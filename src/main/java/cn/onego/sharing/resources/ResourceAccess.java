package cn.onego.sharing.resources;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A department's access to a conditional resource: its request (purpose, legal basis, the day the provider's
 * answer is due) and the provider's answer. Transitions return the changed access; a transition the state
 * does not allow is refused with {@link AccessAlreadyAnswered}.
 *
 * @param validUntil the last day approved access is served (inclusive; null: until revoked); on a request, the
 *        end the requester asked for
 */
public record ResourceAccess(UUID id, String resource, String requester, String provider, String purpose, String legalBasis,
		String requestedBy, Instant requestedAt, LocalDate answerDue, State state, LocalDate validUntil, String decidedBy,
		Instant decidedAt, String reason, String revokedBy, Instant revokedAt, String revocationReason, int version) {

	/** Where a request stands. */
	public enum State {
		/** Asked, waiting for the provider's answer (due within 5 working days, reference-facts §3.6). */
		REQUESTED,
		/** Approved by the provider's head: served until {@code validUntil} or revocation. */
		APPROVED,
		/** Refused by the provider's head, with a reason (a refusal needs reasons). A new request may follow. */
		REFUSED,
		/** Approved once, withdrawn by the provider's head with a reason: served no more. */
		REVOKED;

		/** The states this one may become. */
		public Set<State> successors() {
			return switch (this) {
				case REQUESTED -> Set.of(APPROVED, REFUSED);
				case APPROVED -> Set.of(REVOKED);
				case REFUSED, REVOKED -> Set.of();
			};
		}
	}

	/** What a department sees: the state, with approved access past its end shown as expired. */
	public enum Status {
		REQUESTED, APPROVED, EXPIRED, REFUSED, REVOKED
	}

	public static ResourceAccess requested(UUID id, SharedResource resource, String requester, String purpose, String legalBasis,
			String by, Instant at, LocalDate answerDue, LocalDate until) {
		return new ResourceAccess(id, resource.code(), requester, resource.provider(), purpose, legalBasis, by, at, answerDue,
				State.REQUESTED, until, null, null, null, null, null, null, 0);
	}

	/** The provider's head approves, until the day given (or the day the requester asked for, or revocation). */
	public ResourceAccess approve(String by, Instant at, LocalDate until, String note) {
		guard(State.APPROVED);
		return new ResourceAccess(id, resource, requester, provider, purpose, legalBasis, requestedBy, requestedAt, answerDue,
				State.APPROVED, until != null ? until : validUntil, by, at, note, null, null, null, version);
	}

	public ResourceAccess refuse(String by, Instant at, String why) {
		guard(State.REFUSED);
		return new ResourceAccess(id, resource, requester, provider, purpose, legalBasis, requestedBy, requestedAt, answerDue,
				State.REFUSED, validUntil, by, at, why, null, null, null, version);
	}

	public ResourceAccess revoke(String by, Instant at, String why) {
		guard(State.REVOKED);
		return new ResourceAccess(id, resource, requester, provider, purpose, legalBasis, requestedBy, requestedAt, answerDue,
				State.REVOKED, validUntil, decidedBy, decidedAt, reason, by, at, why, version);
	}

	/** Whether a read on this day is served under this access: approved, and its last day not passed. */
	public boolean servesOn(LocalDate day) {
		return state == State.APPROVED && (validUntil == null || !day.isAfter(validUntil));
	}

	public Status statusOn(LocalDate day) {
		return switch (state) {
			case REQUESTED -> Status.REQUESTED;
			case APPROVED -> servesOn(day) ? Status.APPROVED : Status.EXPIRED;
			case REFUSED -> Status.REFUSED;
			case REVOKED -> Status.REVOKED;
		};
	}

	private void guard(State next) {
		if (!state.successors().contains(next)) {
			throw new AccessAlreadyAnswered(state, next);
		}
	}
}
