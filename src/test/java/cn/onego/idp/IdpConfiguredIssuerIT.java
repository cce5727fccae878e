package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.nimbusds.jwt.SignedJWT;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Citizen;
import cn.onego.Citizens.Session;
import cn.onego.Identities;

/**
 * Behind a reverse proxy the provider publishes the configured issuer whatever address a request came to, and
 * the portal's client has the configured secret and the public URL among its redirects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onego.idp.issuer=https://id.onego.example/idp/", "onego.idp.portal-client-secret=configured-portal-secret",
		"onego.public-url=https://onego.example" })
@ActiveProfiles("test")
class IdpConfiguredIssuerIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoIdentityProvider provider;

	@Test
	void publishesTheConfiguredIssuerInMetadataAndTokens() throws Exception {
		Answer discovery = new Session("http://localhost:" + port).get("/idp/.well-known/openid-configuration");
		assertThat(discovery.status()).isEqualTo(200);
		Map<String, Object> document = discovery.json("$");
		assertThat(document).containsEntry("issuer", "https://id.onego.example/idp")
			.containsEntry("token_endpoint", "https://id.onego.example/idp/oauth2/token")
			.containsEntry("jwks_uri", "https://id.onego.example/idp/oauth2/jwks");

		Citizen citizen = Citizens.register(new ApiClient(port), "李莫愁", Identities.idNumber());
		assertThat(SignedJWT.parse(citizen.accessToken()).getJWTClaimsSet().getIssuer()).isEqualTo("https://id.onego.example/idp");
		assertThat(SignedJWT.parse(citizen.idToken()).getJWTClaimsSet().getIssuer()).isEqualTo("https://id.onego.example/idp");
	}

	@Test
	void thePortalClientHasTheConfiguredSecretAndRedirectsToThePublicUrl() {
		DemoIdentityProvider.Client portal = provider.portalClient();
		assertThat(portal.clientSecret()).isEqualTo("configured-portal-secret");
		assertThat(portal.issuer()).contains("https://id.onego.example/idp");
		assertThat(provider.issuer("http://127.0.0.1:" + port)).isEqualTo("https://id.onego.example/idp");
		assertThat(portal.toString()).doesNotContain("configured-portal-secret");

		Answer toLogin = new Session("http://127.0.0.1:" + port).get("/idp/oauth2/authorize?response_type=code"
				+ "&client_id=onego-portal&scope=openid&state=s&redirect_uri=https://onego.example/login/oauth2/code/onego-idp");
		assertThat(toLogin.status()).isEqualTo(302);
		assertThat(toLogin.location()).endsWith("/idp/login");
	}
}
