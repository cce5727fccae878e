package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Session;
import cn.onego.Identities;

/**
 * OneGo pointed at an identity provider by its issuer URL, as a province's platform is connected: the
 * provider is discovered (over HTTP, at the first sign-in), the pages sign a citizen in through the
 * authorization-code flow, and the app's access tokens are checked against the provider's published keys
 * and issuer. The provider here is the demo one of the same server, reached as a stranger would reach it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class ExternalIdentityProviderIT {

	static final int PORT = freePort();
	static final String BASE = "http://localhost:" + PORT;
	static final String SECRET = "external-portal-secret-for-the-test";

	@DynamicPropertySource
	static void theProvinceIsPlatform(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("onego.idp.issuer", () -> BASE + "/idp");
		properties.add("onego.idp.portal-client-secret", () -> SECRET);
		properties.add("onego.identity.oidc.issuer-uri", () -> BASE + "/idp");
		properties.add("onego.identity.oidc.client-id", () -> "onego-portal");
		properties.add("onego.identity.oidc.client-secret", () -> SECRET);
	}

	@Test
	void theAppsTokensAreCheckedAgainstTheDiscoveredProvider() {
		ApiClient api = new ApiClient(PORT);
		Citizens.Citizen citizen = Citizens.register(api, "郑外部", Identities.idNumber());
		ApiClient.Response me = api.get("/api/v1/me", null, null, "Authorization", "Bearer " + citizen.accessToken());
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat((String) me.json("$.displayName")).isEqualTo("郑外部");
		assertThat(api.get("/api/v1/me", null, null, "Authorization", "Bearer " + citizen.accessToken() + "x").status())
			.as("a token whose signature does not verify").isEqualTo(401);
	}

	@Test
	void thePagesSignACitizenInThroughTheProvidersAuthorizationCodeFlow() {
		ApiClient api = new ApiClient(PORT);
		Citizens.Citizen citizen = Citizens.register(api, "冯门户", Identities.idNumber());
		Session browser = new Session(BASE);
		Answer start = browser.get("/login/citizen?continue=/case.html?id=1");
		assertThat(start.status()).isEqualTo(302);
		Answer toProvider = browser.get(start.location());
		assertThat(toProvider.location()).as("sent to the provider found by discovery").startsWith(BASE + "/idp/oauth2/authorize");
		Answer toSignIn = browser.get(toProvider.location());
		assertThat(toSignIn.location()).endsWith("/idp/login");
		browser.get("/idp/login");
		Answer signedIn = browser.postForm("/idp/login", Map.of("username", citizen.username(), "password", citizen.password()));
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		Answer authorized = browser.get((String) signedIn.json("$.redirect"));
		assertThat(authorized.location()).as("back to OneGo with a code").startsWith(BASE + "/login/oauth2/code/onego-idp");
		Answer back = browser.get(authorized.location());
		assertThat(back.location()).as("the page the sign-in was asked from").endsWith("/case.html?id=1");
		Answer me = browser.get("/api/v1/me");
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat((String) me.json("$.displayName")).isEqualTo("冯门户");
		assertThat((String) me.json("$.idNumber")).as("masked").isEqualTo(cn.onego.shared.IdNumber.mask(citizen.idNumber()));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
