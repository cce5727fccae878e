package cn.onego.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How applicants sign in: through an OpenID Connect provider — the province's unified identity platform
 * (统一身份认证平台) named by its issuer URL, or, when none is configured, OneGo's own demo provider under
 * {@code /idp}. A person is let in only with the level of assurance a real-name check gives, and OneGo takes
 * their name, 公民身份号码 and mobile number from the provider's signed claims, never from a form.
 *
 * @param issuerUri the provider's issuer ({@code ONEGO_OIDC_ISSUER}); empty for the demo provider
 * @param clientId OneGo's client id at that provider ({@code ONEGO_OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code ONEGO_OIDC_CLIENT_SECRET})
 * @param scopes the scopes asked for, space-separated
 * @param claims which claim carries what
 * @param requiredAssurance the {@code acr} a token must state (the real-name level); empty to accept any
 * @param audiences the {@code aud} values an API access token may carry
 */
@ConfigurationProperties("onego.identity.oidc")
public record OidcSettings(String issuerUri, String clientId, String clientSecret, String scopes, Claims claims,
		String requiredAssurance, List<String> audiences) {

	/** The names of the claims, as the provider spells them. */
	public record Claims(String name, String idNumber, String mobile, String username, String assurance) {

		public Claims {
			name = or(name, "name");
			idNumber = or(idNumber, "id_number");
			mobile = or(mobile, "phone_number");
			username = or(username, "preferred_username");
			assurance = or(assurance, "acr");
		}
	}

	public OidcSettings {
		issuerUri = issuerUri == null ? "" : issuerUri.trim();
		scopes = or(scopes, "openid profile phone onego");
		claims = claims == null ? new Claims(null, null, null, null, null) : claims;
		requiredAssurance = requiredAssurance == null ? "urn:onego:loa:real-name" : requiredAssurance.trim();
		audiences = audiences == null || audiences.isEmpty() ? List.of("onego-app", "onego-portal") : List.copyOf(audiences);
	}

	/** Whether the demo provider in the same JVM is the applicants' provider. */
	boolean embedded() {
		return issuerUri.isEmpty();
	}

	private static String or(String value, String otherwise) {
		return value == null || value.isBlank() ? otherwise : value.trim();
	}
}
