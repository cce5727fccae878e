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

	Actors(StaffDirectory staff, Accounts accounts) {
		this.staff = staff;
		this.accounts = accounts;
	}

	/** The platform itself, as the actor of automatic decisions (秒批) and scheduled jobs. */
	public static final Actor SYSTEM = new Actor("system", "系统自动", java.util.EnumSet.noneOf(Role.class), null, null, null, null);

	/** The actor of this request; refuses with 401 when nobody is signed in. */
	public Actor current() {
		return find().orElseThrow(NotSignedIn::new);
	}

	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getPrincipal())) {
			return Optional.empty();
		}
		return byUsername(authentication.getName());
	}

	/** The applicant account of a person, by their ID number, if they opened one. */
	public Optional<String> accountOf(String idNumber) {
		return idNumber == null ? Optional.empty() : accounts.usernameOf(idNumber);
	}

	public Optional<Actor> byUsername(String username) {
		return staff.find(username)
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
