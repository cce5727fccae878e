package cn.onego.idp;

import java.time.Duration;
import java.time.Instant;

/**
 * Ten wrong passwords in a row lock an account for fifteen minutes; a correct one resets the count. The
 * count starts again from zero when a lock is set, so after the lock the person has ten tries again. The
 * limits follow common practice of provincial identity platforms (no national figure was found).
 *
 * @param failures consecutive failed sign-ins since the last success or lock
 * @param lockedUntil until when sign-in is refused, null when never locked
 */
record Lockout(int failures, Instant lockedUntil) {

	static final int LIMIT = 10;
	static final Duration LOCK = Duration.ofMinutes(15);

	static Lockout none() {
		return new Lockout(0, null);
	}

	boolean lockedAt(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/** After one more wrong password at {@code now}. */
	Lockout afterFailure(Instant now) {
		int failed = failures + 1;
		return failed >= LIMIT ? new Lockout(0, now.plus(LOCK)) : new Lockout(failed, lockedUntil);
	}

	Lockout afterSuccess() {
		return none();
	}
}
