package cn.onego.application;

import java.util.UUID;

/**
 * A value of the merged form with where it came from. A prefilled value (from a shared registry,
 * under a consent) may be corrected by the applicant, who then gives a reason.
 */
public record FieldValue(String value, Source source, String registry, UUID consentId, String prefilledValue,
		String correctionReason) {

	public enum Source {
		APPLICANT, PREFILLED, CORRECTED
	}

	static FieldValue typed(String value) {
		return new FieldValue(value, Source.APPLICANT, null, null, null, null);
	}
}
