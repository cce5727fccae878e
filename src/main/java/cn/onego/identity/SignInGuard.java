package cn.onego.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks a staff account after too many wrong passwords in a row (等保 三级: 登录失败处理), for a while, whoever
 * tries; a correct password clears the count. A locked account is refused before its password is checked,
 * so guessing on it tells nothing. Only known staff usernames are counted: made-up names cannot fill the
 * table (the per-address throttle in {@link SignInThrottle} covers those).
 */
@Component
class SignInGuard {

	private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int failures;
	private final Duration lockFor;
	private final StaffDirectory staff;

	SignInGuard(JdbcClient jdbc, Clock clock, StaffDirectory staff,
			@Value("${onego.identity.lockout.failures:10}") int failures,
			@Value("${onego.identity.lockout.duration:15m}") Duration lockFor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.staff = staff;
		this.failures = failures;
		this.lockFor = lockFor;
	}

	/** The wrong passwords in a row so far, and until when the account is locked (null when it is not now). */
	record Failures(int count, Instant lockedUntil) {

		static final Failures NONE = new Failures(0, null);

		boolean locked() {
			return lockedUntil != null;
		}
	}

	Failures failures(String username) {
		Instant now = clock.instant();
		return jdbc.sql("SELECT failures, locked_until FROM sign_in_failure WHERE username = ?")
			.param(username)
			.query((rs, n) -> {
				Timestamp until = rs.getTimestamp(2);
				return new Failures(rs.getInt(1), until != null && now.isBefore(until.toInstant()) ? until.toInstant() : null);
			})
			.optional()
			.orElse(Failures.NONE);
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		if (username == null || staff.find(username).isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		Timestamp lockUntil = Timestamp.from(now.plus(lockFor));
		Integer count = jdbc.sql("""
				INSERT INTO sign_in_failure (username, failures, last_failure_at) VALUES (?, 1, ?)
				ON CONFLICT (username) DO UPDATE SET failures = sign_in_failure.failures + 1, last_failure_at = excluded.last_failure_at
				RETURNING failures""")
			.params(username, Timestamp.from(now))
			.query(Integer.class)
			.single();
		if (count % failures == 0) {
			jdbc.sql("UPDATE sign_in_failure SET locked_until = ? WHERE username = ?").params(lockUntil, username).update();
			log.warn("Staff account {} locked until {} after {} wrong passwords in a row", username, lockUntil.toInstant(), count);
		}
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		// only when there is something to clear: a successful sign-in is otherwise not a write
		if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal && principal.failedBefore()) {
			jdbc.sql("DELETE FROM sign_in_failure WHERE username = ?").param(principal.getUsername()).update();
		}
	}
}
