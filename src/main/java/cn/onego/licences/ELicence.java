package cn.onego.licences;

import java.time.LocalDate;
import java.util.UUID;

/** An electronic licence of a holder; valid on a day when issued by then, not expired and not revoked. */
public record ELicence(UUID id, String holder, String licenceType, String number, String name, String issuer,
		LocalDate issuedOn, LocalDate validUntil, boolean revoked) {

	public boolean validOn(LocalDate day) {
		return !revoked && (issuedOn == null || !issuedOn.isAfter(day)) && (validUntil == null || !validUntil.isBefore(day));
	}
}
