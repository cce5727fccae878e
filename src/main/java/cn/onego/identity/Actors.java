package cn.onego.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** The authenticated actor of the current request, as the other modules need it. */
@Service
public class Actors {

	private final StaffDirectory staff;
	private final Accounts accounts;
	private final ApplicantSignIn applicants;
	private final java.time.Clock clock;

	Actors(StaffDirectory staff, Accounts accounts, ApplicantSignIn applicants, java.time.Clock clock) {
		this.staff = staff;
		this.accounts = accounts;
		this.applicants = applicants;
		this.clock = clock;
	}

	/** The platform itself, as the actor of automatic decisions (秒批) and scheduled jobs. */
	public static final Actor SYSTEM = new Actor("system", "系统自动", java.util.EnumSet.noneOf(Role.class), null, null, null, null);

	/** The actor of this request; refuses with 401 when nobody is signed in. */
	public Actor current() {
		return find().orElseThrow(NotSignedIn::new);
	}

	/**
	 * The actor of this request: an applicant is the verified person of the provider's token or sign-in
	 * (their account kept in step with it), staff are found by username.
	 */
	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal())) {
			return Optional.empty();
		}
		if (authentication instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken token) {
			return Optional.of(applicant(token.getToken().getIssuer() == null ? null : token.getToken().getIssuer().toString(),
					token.getToken().getClaims()));
		}
		if (authentication.getPrincipal() instanceof StaffSignIn.StaffOidcUser staffMember) {
			return byUsername(staffMember.getName());
		}
		if (authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser user) {
			return Optional.of(applicant(user.getIssuer() == null ? null : user.getIssuer().toString(), user.getClaims()));
		}
		return byUsername(authentication.getName());
	}

	private Actor applicant(String issuer, java.util.Map<String, Object> claims) {
		VerifiedPerson person = applicants.verified(applicants.issuerOf(issuer), claims);
		return accounts.signedIn(person, staff, clock.instant()).actor();
	}

	/** The applicant account of a person, by their ID number, if they opened one. */
	public Optional<String> accountOf(String idNumber) {
		return idNumber == null ? Optional.empty() : accounts.usernameOf(idNumber);
	}

	public Optional<Actor> byUsername(String username) {
		// a disabled account's session ends with it: it no longer names an actor
		return staff.active(username)
			.map(u -> new Actor(u.username(), u.displayName(), u.roles(), u.idNumber(), u.region(), u.hall(), u.department()))
			.or(() -> accounts.find(username).map(Accounts.Account::actor));
	}

	/** Nobody is signed in. */
	public static class NotSignedIn extends Problem {

		NotSignedIn() {
			super(org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated", Message.of("需要登录", "Authentication required"),
					Message.of("请先登录。", "Please sign in first."), java.util.List.of());
		}
	}
}
