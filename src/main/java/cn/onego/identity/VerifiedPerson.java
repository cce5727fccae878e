package cn.onego.identity;

import java.util.Map;
import java.util.Optional;

import cn.onego.shared.IdNumber;

/**
 * A person as the identity provider vouches for them: who they are at the provider ({@code issuer} and
 * {@code subject}), and their real name, 公民身份号码 and mobile number on record.
 */
record VerifiedPerson(String issuer, String subject, String name, String idNumber, String mobile, String preferredUsername) {

	/** The issuer recorded for OneGo's own demo provider, whatever address it was reached at. */
	static final String DEMO_ISSUER = "urn:onego:demo-idp";

	/**
	 * The person the claims describe, or why they are not enough: a level of assurance below the required
	 * one, or no valid ID number or name. Nothing else about the person is believed.
	 */
	static Optional<VerifiedPerson> of(String issuer, Map<String, Object> claims, OidcSettings settings, StringBuilder why) {
		String subject = text(claims.get("sub"));
		String assurance = text(claims.get(settings.claims().assurance()));
		String name = text(claims.get(settings.claims().name()));
		String idNumber = text(claims.get(settings.claims().idNumber()));
		if (!settings.requiredAssurance().isEmpty() && !settings.requiredAssurance().equals(assurance)) {
			why.append("level of assurance ").append(assurance == null ? "missing" : assurance).append(", ")
				.append(settings.requiredAssurance()).append(" required");
			return Optional.empty();
		}
		if (subject == null || name == null || idNumber == null || !IdNumber.isValid(idNumber.toUpperCase())) {
			why.append("the provider named no subject, real name or valid ID number");
			return Optional.empty();
		}
		return Optional.of(new VerifiedPerson(issuer, subject, name, idNumber.toUpperCase(),
				mobile(text(claims.get(settings.claims().mobile()))), text(claims.get(settings.claims().username()))));
	}

	/** An E.164 number of mainland China (+86…) as its 11 digits; anything else as given. */
	static String mobile(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[\\s-]", "");
		return digits.startsWith("+86") ? digits.substring(3) : digits;
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}
}
