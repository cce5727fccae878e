package cn.onego.sharing;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.onego.catalog.Enums.Registry;

/**
 * An applicant's consent (授权) that the platform may read named data about them for one matter and
 * purpose, until it expires or is withdrawn.
 */
public record Consent(UUID id, String subject, String matter, Set<Registry> registries, Set<String> licenceTypes,
		String purpose, String grantedBy, Instant grantedAt, Instant validUntil, Instant withdrawnAt) {

	public boolean activeAt(Instant moment) {
		return withdrawnAt == null && !moment.isBefore(grantedAt) && moment.isBefore(validUntil);
	}

	public Status statusAt(Instant moment) {
		return withdrawnAt != null ? Status.WITHDRAWN : moment.isBefore(validUntil) ? Status.ACTIVE : Status.EXPIRED;
	}

	public enum Status {
		ACTIVE, WITHDRAWN, EXPIRED
	}
}
