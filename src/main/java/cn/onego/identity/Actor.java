package cn.onego.identity;

import java.util.Set;

import cn.onego.shared.RegionCode;

/**
 * Who is acting in a request, with their scope: a window clerk's hall, a reviewer's or head's department,
 * a supervisor's or credit administrator's region (and everything below it), an applicant's verified ID number.
 * The scope methods answer for the role that owns the scope only, so a clerk never gets a supervisor's reach by
 * accident.
 * {@code idNumber} is the person's verified 公民身份号码 (applicants always have one; staff may not).
 */
public record Actor(String username, String displayName, Set<Role> roles, String idNumber, String region, String hall,
		String department) {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean staff() {
		return roles.stream().anyMatch(r -> r != Role.APPLICANT);
	}

	/** An applicant acting as the person with this ID number (not as their agent). */
	public boolean isPerson(String idNumber) {
		return has(Role.APPLICANT) && this.idNumber != null && this.idNumber.equals(idNumber);
	}

	/** A window clerk of this hall. */
	public boolean clerkOf(String hall) {
		return has(Role.WINDOW_CLERK) && this.hall != null && this.hall.equals(hall);
	}

	/** A reviewer or the head of this department. */
	public boolean memberOf(String department) {
		return (has(Role.REVIEWER) || has(Role.DEPARTMENT_HEAD)) && this.department != null && this.department.equals(department);
	}

	/** A supervisor whose region is this region or one above it. */
	public boolean supervises(String regionCode) {
		return has(Role.SUPERVISOR) && within(regionCode);
	}

	/** A credit administrator whose region is this region or one above it. */
	public boolean managesCreditOf(String regionCode) {
		return has(Role.CREDIT_ADMIN) && within(regionCode);
	}

	private boolean within(String regionCode) {
		return region != null && RegionCode.isWellFormed(region) && regionCode != null && RegionCode.isWellFormed(regionCode)
				&& regionCode.startsWith(RegionCode.of(region).prefix());
	}
}
