package cn.onego.application;

import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.shared.CreditCode;
import cn.onego.sharing.Consent;
import cn.onego.sharing.Consents;
import cn.onego.sharing.OnceOnly;
import cn.onego.sharing.OnceOnly.ReadRequest;

/**
 * The reads an application makes of the government's data: about the applicant under the application's
 * consent, and — when a person acts for an enterprise — about that person under their own latest consent
 * for the same matter (an active one, else the latest — a withdrawn one too, so that the refusal is logged where they can see it).
 */
@Component
class ApplicantReads {

	private final OnceOnly onceOnly;
	private final Consents consents;
	private final Clock clock;

	ApplicantReads(OnceOnly onceOnly, Consents consents, Clock clock) {
		this.onceOnly = onceOnly;
		this.consents = consents;
		this.clock = clock;
	}

	OnceOnly onceOnly() {
		return onceOnly;
	}

	/** Reads about the applicant for the matter under the consent (null: none given, every read refused). */
	ReadRequest aboutApplicant(Actor actor, String applicant, Matter matter, UUID consentId) {
		return new ReadRequest(actor.username(), applicant, matter.code(), consentId, ApplicantSources.purpose(matter));
	}

	/** Reads about the person acting for an enterprise applicant, or null when the applicant is a person. */
	ReadRequest aboutActingPerson(Actor actor, String applicant, Matter matter) {
		// a hall's staff filing for a visitor (帮代办) hand in the visitor's papers, never their own
		if (!CreditCode.isValid(applicant) || actor.idNumber() == null || !actor.has(Role.APPLICANT)) {
			return null;
		}
		UUID own = consents.of(actor.idNumber())
			.stream()
			.filter(c -> c.matter().equals(matter.code()))
			.min(Comparator.comparing((Consent c) -> !c.activeAt(clock.instant()))) // an active one, else the latest
			.map(Consent::id)
			.orElse(null);
		return new ReadRequest(actor.username(), actor.idNumber(), matter.code(), own, ApplicantSources.purpose(matter));
	}

	MaterialSources sources(Actor actor, String applicant, Matter matter, UUID consentId) {
		return new ApplicantSources(onceOnly, aboutApplicant(actor, applicant, matter, consentId),
				aboutActingPerson(actor, applicant, matter));
	}
}
