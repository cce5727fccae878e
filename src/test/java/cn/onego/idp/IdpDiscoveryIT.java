package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Session;

/** The provider publishes its OpenID Connect metadata and keys under /idp, with the issuer of the address it is reached at. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdpDiscoveryIT {

	@LocalServerPort
	int port;

	@Test
	void servesTheDiscoveryDocumentWithTheIssuerOfEachAddress() {
		for (String host : List.of("127.0.0.1", "localhost")) {
			String base = "http://" + host + ":" + port;
			Answer discovery = new Session(base).get("/idp/.well-known/openid-configuration");
			assertThat(discovery.status()).as(discovery.body()).isEqualTo(200);
			Map<String, Object> document = discovery.json("$");
			assertThat(document).containsEntry("issuer", base + "/idp")
				.containsEntry("authorization_endpoint", base + "/idp/oauth2/authorize")
				.containsEntry("token_endpoint", base + "/idp/oauth2/token")
				.containsEntry("jwks_uri", base + "/idp/oauth2/jwks")
				.containsEntry("userinfo_endpoint", base + "/idp/userinfo");
			assertThat((List<String>) discovery.json("$.scopes_supported")).contains("openid", "profile", "phone", "onego");
			assertThat((List<String>) discovery.json("$.acr_values_supported")).containsExactly("urn:onego:loa:real-name");
			assertThat((List<String>) discovery.json("$.code_challenge_methods_supported")).contains("S256");
		}
	}

	@Test
	void servesItsPublicSigningKeysOnly() throws Exception {
		Answer jwks = new Session("http://127.0.0.1:" + port).get("/idp/oauth2/jwks");
		assertThat(jwks.status()).isEqualTo(200);
		JWKSet keys = JWKSet.parse(jwks.body());
		assertThat(keys.getKeys()).singleElement().isInstanceOfSatisfying(RSAKey.class, key -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
		});
		assertThat(jwks.body()).doesNotContain("\"d\"", "\"p\"", "\"q\"");
	}

	@Test
	void answersNothingForAnIssuerBelowItsOwn() {
		Session session = new Session("http://127.0.0.1:" + port);
		assertThat(session.get("/idp/other/.well-known/openid-configuration").status()).isEqualTo(404);
		assertThat(session.get("/.well-known/openid-configuration").status()).isNotEqualTo(200);
	}

	/** The provider's pages deny by default: an endpoint asked in a way no rule names is refused, not served. */
	@Test
	void refusesWhatNoRuleOfItsPagesNames() {
		Session session = new Session("http://127.0.0.1:" + port);
		assertThat(session.get("/idp/api/registrations").status()).as("registration is POST only: refused (to the sign-in page)")
			.isIn(302, 401, 403);
		assertThat(session.get("/idp/api/about").status()).isEqualTo(200);
		assertThat(session.get("/idp/no-such-page").status()).isEqualTo(404);
	}
}
