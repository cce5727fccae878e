package cn.onego.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A staff member as Spring Security checks them at sign-in: locked after too many wrong passwords, not
 * enabled once disabled by an administrator.
 */
class StaffPrincipal extends User {

	private final boolean failedBefore;
	private final boolean temporaryPassword;

	StaffPrincipal(String username, String passwordHash, boolean enabled, boolean locked, boolean failedBefore,
			boolean temporaryPassword, Collection<? extends GrantedAuthority> authorities) {
		super(username, passwordHash, enabled, true, true, !locked, authorities);
		this.failedBefore = failedBefore;
		this.temporaryPassword = temporaryPassword;
	}

	/** Whether this sign-in used a password an administrator reset, which its holder must replace before working. */
	boolean temporaryPassword() {
		return temporaryPassword;
	}

	/** Whether wrong passwords were counted before this sign-in, which a success then clears. */
	boolean failedBefore() {
		return failedBefore;
	}
}
