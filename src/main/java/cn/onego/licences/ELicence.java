package cn.onego.licences;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * An electronic licence of a holder (a person's ID number or an enterprise's credit code): its type and number, the
 * issuing department, its validity, the data on it and its identifier. Valid on a day when issued by then, not
 * expired and not revoked; whether it is genuine (its issuer's signature) is {@link Verification}'s question.
 *
 * @param department the catalogue department that issued it (its head may revoke it), or {@code null} for a
 *        licence from a feed
 * @param revocation how and why it was revoked, or {@code null}
 */
public record ELicence(UUID id, String holder, String licenceType, String number, String name, String issuer,
		LocalDate issuedOn, LocalDate validUntil, boolean revoked, String identifier, String issuerCode, String department,
		Map<String, String> data, Revocation revocation) {

	/** The key of the holder's name among the data on a licence, which a verifier sees masked. */
	public static final String HOLDER_NAME = "持证人";

	/** The end of a licence before its validity ran out. */
	public record Revocation(RevocationKind kind, String reason, Instant at) {
	}

	public ELicence {
		data = data == null ? Map.of() : Map.copyOf(data);
	}

	public boolean validOn(LocalDate day) {
		return !revoked && (issuedOn == null || !issuedOn.isAfter(day)) && (validUntil == null || !validUntil.isBefore(day));
	}

	/** What the issuer's signature covers. */
	SignedContent content() {
		return new SignedContent(identifier, licenceType, number, holder, name, issuer, issuerCode, issuedOn, validUntil, data);
	}
}
