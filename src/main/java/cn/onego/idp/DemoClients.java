package cn.onego.idp;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The two clients of the demo identity provider, fixed in code:
 * <ul>
 * <li>{@value #PORTAL}: OneGo's own web portal, a confidential client (client_secret_basic) redirecting to
 * {@code <base>/login/oauth2/code/onego-idp} for each base the server is reached at — {@code localhost} and
 * {@code 127.0.0.1} on its actual port (known only once the web server has started), and
 * {@code onego.public-url} when set — and to {@code <base>/login/oauth2/code/onego-staff}, so that the demo
 * provider can stand in for the staff platform as well;</li>
 * <li>{@value #APP}: the mobile app, mini-programs and API clients, a public client that must use PKCE and
 * redirects to {@code http://127.0.0.1/callback} or {@code http://[::1]/callback} on any port (RFC 8252 §7.3;
 * Spring Authorization Server accepts any port for loopback IP addresses).</li>
 * </ul>
 * Neither asks the person for consent: both are OneGo itself. Registration of other clients is not offered.
 */
class DemoClients implements RegisteredClientRepository {

	static final String PORTAL = "onego-portal";
	static final String APP = "onego-app";
	static final String PORTAL_CALLBACK = "/login/oauth2/code/" + DemoIdentityProvider.REGISTRATION_ID;
	/** The portal's staff sign-in, for when the demo provider stands in for the staff platform too. */
	static final String PORTAL_STAFF_CALLBACK = "/login/oauth2/code/onego-staff";
	static final Set<String> APP_CALLBACKS = Set.of("http://127.0.0.1/callback", "http://[::1]/callback");
	static final Set<String> SCOPES = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.PHONE, PersonClaims.ONEGO_SCOPE);

	private final String encodedPortalSecret;
	private final String publicUrl;
	private volatile int port = -1;

	DemoClients(String encodedPortalSecret, String publicUrl) {
		this.encodedPortalSecret = encodedPortalSecret;
		this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			port = event.getWebServer().getPort();
		}
	}

	/** The bases OneGo's portal is reached at. */
	Set<String> portalBases() {
		Set<String> bases = new LinkedHashSet<>();
		if (port > 0) {
			bases.add("http://localhost:" + port);
			bases.add("http://127.0.0.1:" + port);
		}
		else {
			// before the server listens no request comes; a loopback IP address matches any port anyway
			bases.add("http://127.0.0.1");
		}
		if (publicUrl != null) {
			bases.add(publicUrl);
		}
		return bases;
	}

	RegisteredClient portal() {
		Set<String> bases = portalBases();
		return RegisteredClient.withId(PORTAL)
			.clientId(PORTAL)
			.clientName("一件事一次办门户 OneGo portal")
			.clientSecret(encodedPortalSecret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> bases.forEach(base -> {
				uris.add(base + PORTAL_CALLBACK);
				uris.add(base + PORTAL_STAFF_CALLBACK);
			}))
			.postLogoutRedirectUris(uris -> bases.forEach(base -> uris.add(base + "/")))
			.scopes(scopes -> scopes.addAll(SCOPES))
			// PKCE is checked when the portal sends it but not demanded (Spring Authorization Server 7 demands it by
			// default): Spring Security's client sends it for a confidential client only when told to
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(false).build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(Duration.ofMinutes(10))
				.refreshTokenTimeToLive(Duration.ofHours(8))
				.reuseRefreshTokens(false)
				.build())
			.build();
	}

	RegisteredClient app() {
		return RegisteredClient.withId(APP)
			.clientId(APP)
			.clientName("一件事一次办移动端 OneGo app")
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			// Spring Authorization Server issues no refresh token to a public client (OAuth 2.0 Security BCP:
			// it would need sender-constraining); declared so that one can be issued once that is in place
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris(uris -> uris.addAll(APP_CALLBACKS))
			.scopes(scopes -> scopes.addAll(SCOPES))
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(10)).build())
			.build();
	}

	@Override
	public RegisteredClient findById(String id) {
		return findByClientId(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return switch (clientId) {
			case PORTAL -> portal();
			case APP -> app();
			default -> null;
		};
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("The demo identity provider's clients are fixed: " + PORTAL + " and " + APP);
	}
}
