package cn.onego.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff signing in through an OpenID Connect provider — the province's identity platform for government
 * staff (政务工作人员统一身份认证) — beside username and password. Off unless an issuer is configured. The
 * provider says who the person is; OneGo's own staff account (found by the username claim) says what they
 * may do, so a person the provider knows but OneGo has no enabled account for is refused.
 *
 * @param issuerUri the staff platform's issuer ({@code ONEGO_STAFF_OIDC_ISSUER}); empty: off
 * @param clientId OneGo's client id there ({@code ONEGO_STAFF_OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code ONEGO_STAFF_OIDC_CLIENT_SECRET})
 * @param scopes the scopes asked for, space-separated
 * @param usernameClaim the claim holding the staff member's OneGo username
 * @param name what the sign-in button calls the platform, in Chinese
 * @param nameEn the same in English
 */
@ConfigurationProperties("onego.identity.staff-oidc")
public record StaffOidcSettings(String issuerUri, String clientId, String clientSecret, String scopes, String usernameClaim,
		String name, String nameEn) {

	public StaffOidcSettings {
		issuerUri = issuerUri == null ? "" : issuerUri.trim();
		scopes = or(scopes, "openid profile");
		usernameClaim = or(usernameClaim, "preferred_username");
		name = or(name, "工作人员统一身份认证");
		nameEn = or(nameEn, "the staff identity platform");
	}

	/** Whether staff may sign in through a provider at all. */
	public boolean enabled() {
		return !issuerUri.isEmpty();
	}

	private static String or(String value, String otherwise) {
		return value == null || value.isBlank() ? otherwise : value.trim();
	}
}
