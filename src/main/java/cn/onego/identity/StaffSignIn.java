package cn.onego.identity;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Staff signing in through the staff identity platform ({@link StaffOidcSettings}), when one is configured:
 * the registration {@value #REGISTRATION_ID}, discovered at the first sign-in, and the signed-in person
 * mapped to their OneGo staff account. The provider proves who signs in; roles and scope stay OneGo's.
 */
@Component
class StaffSignIn {

	static final String REGISTRATION_ID = "onego-staff";
	/** Why a person of the provider was not let in: OneGo has no enabled staff account for them. */
	static final String NOT_STAFF = "not_staff";

	private static final Logger log = LoggerFactory.getLogger(StaffSignIn.class);

	private final StaffOidcSettings settings;
	private final StaffDirectory staff;
	private final AtomicReference<ClientRegistration> discovered = new AtomicReference<>();

	StaffSignIn(StaffOidcSettings settings, StaffDirectory staff) {
		this.settings = settings;
		this.staff = staff;
	}

	/** The staff platform as a client registration, or null when staff sign in with passwords only. */
	ClientRegistration registration() {
		if (!settings.enabled()) {
			return null;
		}
		return discovered.updateAndGet(known -> known != null ? known
				: ClientRegistrations.fromIssuerLocation(settings.issuerUri())
					.registrationId(REGISTRATION_ID)
					.clientId(settings.clientId())
					.clientSecret(settings.clientSecret())
					.scope(settings.scopes().split("\\s+"))
					.userNameAttributeName(settings.usernameClaim())
					.clientName(settings.name())
					.build());
	}

	/** The provider's person as the staff member OneGo knows by the username claim, with that account's roles. */
	OidcUser signedIn(OidcUser person) {
		Object claim = person.getClaims().get(settings.usernameClaim());
		Optional<StaffDirectory.Staff> account = claim instanceof String username && Usernames.isValid(username)
				? staff.forSignIn(username).filter(s -> !s.disabled())
				: Optional.empty();
		if (account.isEmpty()) {
			// a claim that is not a username's shape could be anything a provider puts there: not logged
			log.warn("Staff sign-in refused: the staff platform's user {} has no enabled OneGo staff account",
					claim instanceof String username && Usernames.isValid(username) ? "'" + username + "'" : "(no username)");
			throw new OAuth2AuthenticationException(new OAuth2Error(NOT_STAFF,
					"no enabled staff account for the provider's user", null));
		}
		StaffUser user = account.get().user();
		return new StaffOidcUser(user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role))
			.collect(Collectors.toSet()), person, settings.usernameClaim());
	}

	/** A staff member signed in through the staff platform; {@link #getName()} is their OneGo username. */
	static final class StaffOidcUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		StaffOidcUser(java.util.Collection<SimpleGrantedAuthority> authorities, OidcUser person, String usernameClaim) {
			super(authorities, person.getIdToken(), person.getUserInfo(), usernameClaim);
		}
	}
}
