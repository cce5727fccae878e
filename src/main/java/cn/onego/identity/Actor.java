package cn.onego.identity;

import java.util.Set;

/**
 * Who is acting in a request: a staff member from the user file or an applicant account.
 * {@code idNumber} is the person's 公民身份号码 (applicants always have one; staff may not).
 */
public record Actor(String username, String displayName, Set<Role> roles, String idNumber, String region, String hall,
		String department) {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean staff() {
		return roles.stream().anyMatch(r -> r != Role.APPLICANT);
	}
}
