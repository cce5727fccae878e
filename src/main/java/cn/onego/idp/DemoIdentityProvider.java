package cn.onego.idp;

import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The demo identity provider as the relying party in the same JVM sees it: where it is, which clients it
 * knows, and the public keys its tokens are signed with. The provider's discovery document is at
 * {@code <issuer>/.well-known/openid-configuration}; with no {@code onego.idp.issuer} configured the issuer is
 * the base URL a request came to plus {@value #ISSUER_PATH} (so {@code http://localhost:8080/idp} and
 * {@code http://127.0.0.1:8080/idp} are both valid issuers of the same provider).
 */
public class DemoIdentityProvider {

	/** Where the provider lives on OneGo's server. */
	public static final String ISSUER_PATH = "/idp";
	/** The registration id the relying party is expected to use: redirect path {@code /login/oauth2/code/onego-idp}. */
	public static final String REGISTRATION_ID = "onego-idp";
	/** The level of assurance every token states in {@code acr}. */
	public static final String ACR = PersonClaims.ACR;

	/**
	 * A client of the provider.
	 *
	 * @param clientId {@code onego-portal} or {@code onego-app}
	 * @param clientSecret the secret in clear (client_secret_basic), null for the public client
	 * @param issuerPath {@value #ISSUER_PATH}: the issuer is a base URL of OneGo's server plus this path
	 * @param issuer the configured issuer ({@code onego.idp.issuer}), when there is one
	 * @param redirectPath where the provider sends the browser back, on OneGo's own bases (portal), or the
	 *        loopback callback of the app ({@code http://127.0.0.1/callback} on any port)
	 * @param scopes the scopes the client may ask for
	 */
	public record Client(String clientId, String clientSecret, String issuerPath, Optional<String> issuer,
			String redirectPath, Set<String> scopes) {

		@Override
		public String toString() {
			return "Client[" + clientId + ", secret " + (clientSecret == null ? "none" : "hidden") + ", issuer "
					+ issuer.orElse("<base>" + issuerPath) + "]";
		}
	}

	private final String portalSecret;
	private final Optional<String> issuer;
	private final JWKSet keys;

	DemoIdentityProvider(String portalSecret, Optional<String> issuer, JWKSet keys) {
		this.portalSecret = portalSecret;
		this.issuer = issuer;
		this.keys = keys;
	}

	/** The confidential client of OneGo's web portal, with its secret ({@code onego.idp.portal-client-secret} or generated at start-up). */
	public Client portalClient() {
		return new Client(DemoClients.PORTAL, portalSecret, ISSUER_PATH, issuer, DemoClients.PORTAL_CALLBACK, DemoClients.SCOPES);
	}

	/** The public client (PKCE) of the app, mini-programs and API clients. */
	public Client appClient() {
		return new Client(DemoClients.APP, null, ISSUER_PATH, issuer, "http://127.0.0.1/callback", DemoClients.SCOPES);
	}

	/** The issuer for a base URL of OneGo's server ({@code http://127.0.0.1:8080}), or the configured one. */
	public String issuer(String baseUrl) {
		return issuer.orElseGet(() -> baseUrl.replaceAll("/+$", "") + ISSUER_PATH);
	}

	/** The public keys tokens are signed with (the JWKS document's content), for verifying in-process. */
	public JWKSet publicKeys() {
		return keys.toPublicJWKSet();
	}
}
