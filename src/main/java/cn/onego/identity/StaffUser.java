package cn.onego.identity;

import java.util.Set;

/**
 * A user as the platform knows them: a role set and a scope. {@code region} is the region the user
 * acts for; {@code hall} and {@code department} narrow it for window clerks and reviewers.
 */
public record StaffUser(String username, String displayName, Set<Role> roles, String idNumber, String region,
		String hall, String department) {
}
