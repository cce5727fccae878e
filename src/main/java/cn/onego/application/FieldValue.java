package cn.onego.application;

import java.util.UUID;

/**
 * A value of the merged form with where it came from. A prefilled value — from the applicant's verified
 * identity, a shared registry under a consent, or an earlier answer of the questionnaire ({@code origin}) —
 * may be corrected by the applicant, who then gives a reason.
 *
 * @param registry the shared registry a value of origin {@link Origin#REGISTRY} was read from
 */
public record FieldValue(String value, Source source, String registry, UUID consentId, String prefilledValue,
		String correctionReason, Origin origin) {

	public enum Source {
		APPLICANT, PREFILLED, CORRECTED
	}

	/** Where a prefilled value came from. */
	public enum Origin {
		/** The signed-in person as the identity provider verified them (their real name and ID number). */
		IDENTITY,
		/** A shared registry (人口库, 法人库 …), read under the applicant's consent. */
		REGISTRY,
		/** An answer the applicant gave in the questionnaire (情形引导) that means the same thing. */
		QUESTIONNAIRE
	}

	static FieldValue typed(String value) {
		return new FieldValue(value, Source.APPLICANT, null, null, null, null, null);
	}

	static FieldValue prefilled(String value, Origin origin, String registry, UUID consentId) {
		return new FieldValue(value, Source.PREFILLED, registry, consentId, value, null, origin);
	}

	FieldValue correctedTo(String value, String reason) {
		return new FieldValue(value, Source.CORRECTED, registry, consentId, prefilledValue, reason, origin);
	}

	FieldValue restored() {
		return new FieldValue(prefilledValue, Source.PREFILLED, registry, consentId, prefilledValue, null, origin);
	}
}
