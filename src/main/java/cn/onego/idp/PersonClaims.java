package cn.onego.idp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;

/**
 * What the identity provider says about a person, the same in the ID token, the JWT access token and the
 * userinfo response, by the scopes granted:
 * <ul>
 * <li>always: {@code sub} (the stable opaque subject), {@code acr} = {@value #ACR}, {@code amr} = {@code ["pwd"]};</li>
 * <li>{@code profile}: {@code name} (the name on record), {@code preferred_username};</li>
 * <li>{@code phone}: {@code phone_number} (E.164, {@code +8613800000001}) and {@code phone_number_verified};</li>
 * <li>{@code onego}: {@code id_number}, the verified 18-character 公民身份号码.</li>
 * </ul>
 */
final class PersonClaims {

	/**
	 * The level of assurance: the name and ID number were checked against the population registry and the
	 * person received a one-time code on the mobile on record; the session itself was opened with a password.
	 */
	static final String ACR = "urn:onego:loa:real-name";
	static final String ONEGO_SCOPE = "onego";
	static final String ID_NUMBER = "id_number";

	private final People people;

	PersonClaims(People people) {
		this.people = people;
	}

	static Map<String, Object> of(Person person, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("acr", ACR);
		// a mutable list: the authorization server stores the claims as JSON and reads back only types it allows
		claims.put("amr", new ArrayList<>(List.of("pwd")));
		if (scopes.contains(OidcScopes.PROFILE)) {
			claims.put("name", person.name());
			claims.put("preferred_username", person.username());
		}
		if (scopes.contains(OidcScopes.PHONE)) {
			claims.put("phone_number", "+86" + person.mobile());
			claims.put("phone_number_verified", true);
		}
		if (scopes.contains(ONEGO_SCOPE)) {
			claims.put(ID_NUMBER, person.idNumber());
		}
		return claims;
	}

	/** Adds the person's claims to ID tokens and access tokens issued for a person. */
	void customize(JwtEncodingContext context) {
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		if (!idToken && !accessToken || context.getPrincipal() == null) {
			return;
		}
		people.bySubject(context.getPrincipal().getName())
			.ifPresent(person -> of(person, context.getAuthorizedScopes()).forEach(context.getClaims()::claim));
	}

	/** The userinfo response: the subject and the same claims, read afresh. */
	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		String subject = context.getAuthorization().getPrincipalName();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", subject);
		people.bySubject(subject).ifPresent(person -> claims.putAll(of(person, context.getAccessToken().getScopes())));
		return new OidcUserInfo(claims);
	}
}
