package cn.onego.idp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.idp.Attempts.Kind;

/**
 * Sign-in at the identity provider with a username or an ID number and the password. Ten wrong passwords in
 * a row lock the account for fifteen minutes ({@link Lockout}); an address with too many refused sign-ins in
 * the last minutes waits before it may try again (guessing across many accounts); a success resets the
 * count. The signed-in principal's name is the person's subject, which becomes the tokens' {@code sub}.
 */
class SignIn implements AuthenticationProvider {

	/** Compared when the name is unknown, so that an unknown name takes as long as a wrong password. */
	private static final String DUMMY_HASH = Secrets.BCRYPT.encode("not-a-password-of-anyone");

	private final People people;
	private final Attempts attempts;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final int addressLimit;
	private final Duration addressWindow;

	SignIn(People people, Attempts attempts, Clock clock, PlatformTransactionManager transactions, IdpProperties properties) {
		this.people = people;
		this.attempts = attempts;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.addressLimit = properties.addressFailureLimit();
		this.addressWindow = properties.addressFailureWindow();
	}

	/** The account is locked until the instant. */
	static final class AccountLocked extends LockedException {

		private final Instant until;

		AccountLocked(Instant until) {
			super("locked until " + until);
			this.until = until;
		}

		Instant until() {
			return until;
		}
	}

	/** Too many refused sign-ins from the caller's address. */
	static final class AddressThrottled extends AuthenticationException {

		private final Duration wait;

		AddressThrottled(Duration wait) {
			super("too many refused sign-ins from this address");
			this.wait = wait;
		}

		Duration retryAfter() {
			return wait;
		}
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String login = authentication.getName() == null ? "" : authentication.getName().strip();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		Instant now = now();

		if (address != null) {
			Optional<Duration> wait = throttle(attempts.refusedSignInsFrom(address, now.minus(addressWindow)), addressLimit,
					addressWindow, now);
			if (wait.isPresent()) {
				attempts.refused(Kind.SIGN_IN, login, null, "ADDRESS_THROTTLED", address);
				throw new AddressThrottled(wait.get());
			}
		}
		Optional<Person> found = login.isEmpty() ? Optional.empty() : people.bySignInName(login);
		if (found.isEmpty()) {
			Secrets.BCRYPT.matches(password, DUMMY_HASH);
			attempts.refused(Kind.SIGN_IN, login, null, "UNKNOWN_NAME", address);
			throw new BadCredentialsException("bad credentials");
		}
		Person person = found.get();
		if (person.lockout().lockedAt(now)) {
			attempts.refused(Kind.SIGN_IN, login, person.subject(), "LOCKED", address);
			throw new AccountLocked(person.lockout().lockedUntil());
		}
		boolean right = Secrets.BCRYPT.matches(password, person.passwordHash());
		Lockout after = transaction.execute(status -> {
			Lockout current = people.lockoutForUpdate(person.subject());
			Lockout next = right ? current.afterSuccess() : current.afterFailure(now);
			if (!next.equals(current)) {
				people.setLockout(person.subject(), next);
			}
			return next;
		});
		if (!right) {
			boolean lockedNow = after.lockedAt(now);
			attempts.refused(Kind.SIGN_IN, login, person.subject(), lockedNow ? "WRONG_PASSWORD_LOCKED" : "WRONG_PASSWORD", address);
			if (lockedNow) {
				throw new AccountLocked(after.lockedUntil());
			}
			throw new BadCredentialsException("bad credentials");
		}
		attempts.accepted(Kind.SIGN_IN, login, person.subject(), "SIGNED_IN", address);
		// Spring Security's own types only: the authorization server stores this principal as JSON
		User principal = new User(person.subject().toString(), "", AuthorityUtils.createAuthorityList("ROLE_CITIZEN"));
		// the password factor with the real time of the sign-in: the ID token's auth_time
		List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				authorities);
		result.setDetails(authentication.getDetails());
		return result;
	}

	/**
	 * How long an address must wait, given its refused sign-ins within the window (oldest first): empty while
	 * fewer than the limit; otherwise until the oldest counted one leaves the window.
	 */
	static Optional<Duration> throttle(List<Instant> refusedInWindow, int limit, Duration window, Instant now) {
		if (refusedInWindow.size() < limit) {
			return Optional.empty();
		}
		Instant frees = refusedInWindow.get(refusedInWindow.size() - limit).plus(window);
		return Optional.of(now.isBefore(frees) ? Duration.between(now, frees) : Duration.ofSeconds(1));
	}

	/** The platform's time as the database keeps it (microseconds), so that what is answered is what is stored. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
