package cn.onego.identity;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every staff member by username: the demo users of the data file first, then the accounts administrators
 * created. One place to look, so that signing in, the actor of a request and the uniqueness of usernames
 * never disagree.
 */
@Component
class StaffDirectory {

	/** A staff member with what signing in needs. */
	record Staff(StaffUser user, String passwordHash, boolean disabled, boolean temporaryPassword) {
	}

	private final DemoUsers demo;
	private final StaffAccounts accounts;

	StaffDirectory(DemoUsers demo, StaffAccounts accounts) {
		this.demo = demo;
		this.accounts = accounts;
	}

	Optional<StaffUser> find(String username) {
		return demo.find(username).or(() -> accounts.kept(username).map(StaffAccounts.Staff::user));
	}

	/** A staff member who may work: the demo users and the accounts not disabled. */
	Optional<StaffUser> active(String username) {
		return demo.find(username).or(() -> accounts.kept(username).filter(s -> !s.disabled()).map(StaffAccounts.Staff::user));
	}

	/** The staff member with their password hash, for signing in. */
	Optional<Staff> forSignIn(String username) {
		return demo.find(username)
			.map(user -> new Staff(user, demo.passwordHash(username).orElseThrow(), false, false))
			.or(() -> accounts.find(username).map(s -> new Staff(s.user(), s.passwordHash(), s.disabled(), s.temporaryPassword())));
	}
}
