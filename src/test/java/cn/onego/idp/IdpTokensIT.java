package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Citizen;
import cn.onego.Citizens.Session;
import cn.onego.Identities;

/**
 * A citizen registered with the real-name check signs in through the app's PKCE flow and through the portal's
 * confidential client; the tokens carry who they are, signed with the keys the provider publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdpTokensIT {

	@LocalServerPort
	int port;

	@Autowired
	DemoIdentityProvider provider;

	@Test
	void accessAndIdTokensCarryTheVerifiedPersonAndVerifyWithThePublishedKeys() throws Exception {
		ApiClient api = new ApiClient(port);
		String idNumber = Identities.idNumber();
		Citizen citizen = Citizens.register(api, "令狐冲", idNumber);
		String issuer = "http://127.0.0.1:" + port + "/idp";

		JWKSet keys = JWKSet.parse(new Session(api.baseUrl()).get("/idp/oauth2/jwks").body());
		for (String token : List.of(citizen.accessToken(), citizen.idToken())) {
			SignedJWT jwt = SignedJWT.parse(token);
			RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
			assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature of " + token).isTrue();
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			assertThat(claims.getIssuer()).isEqualTo(issuer);
			assertThat(claims.getSubject()).isNotBlank().isNotEqualTo(idNumber).doesNotContain(idNumber);
			assertThat(claims.getStringClaim("name")).isEqualTo("令狐冲");
			assertThat(claims.getStringClaim("id_number")).isEqualTo(idNumber);
			assertThat(claims.getStringClaim("phone_number")).isEqualTo("+86" + citizen.mobile());
			assertThat(claims.getBooleanClaim("phone_number_verified")).isTrue();
			assertThat(claims.getStringClaim("preferred_username")).isEqualTo(citizen.username());
			assertThat(claims.getStringClaim("acr")).isEqualTo("urn:onego:loa:real-name");
			assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
			assertThat(claims.getAudience()).contains("onego-app");
		}
		assertThat(citizen.refreshToken()).as("no refresh token for a public client").isNull();
		// the same subject in both tokens, and again at the next sign-in
		String subject = SignedJWT.parse(citizen.accessToken()).getJWTClaimsSet().getSubject();
		assertThat(SignedJWT.parse(citizen.idToken()).getJWTClaimsSet().getSubject()).isEqualTo(subject);
		String again = Citizens.signIn(api, citizen.username(), citizen.password()).accessToken();
		assertThat(SignedJWT.parse(again).getJWTClaimsSet().getSubject()).isEqualTo(subject);
		// the in-process view of the keys is the published one
		assertThat(provider.publicKeys().toString()).isEqualTo(keys.toString());
	}

	@Test
	void userInfoAnswersTheSameClaimsForTheAccessToken() {
		ApiClient api = new ApiClient(port);
		Citizen citizen = Citizens.register(api, "任盈盈", Identities.idNumber());
		Answer userInfo = new Session(api.baseUrl()).get("/idp/userinfo", "Authorization", "Bearer " + citizen.accessToken());
		assertThat(userInfo.status()).as(userInfo.body()).isEqualTo(200);
		Map<String, Object> claims = userInfo.json("$");
		assertThat(claims).containsEntry("name", "任盈盈").containsEntry("id_number", citizen.idNumber())
			.containsEntry("phone_number", "+86" + citizen.mobile()).containsEntry("phone_number_verified", true)
			.containsEntry("preferred_username", citizen.username()).containsEntry("acr", "urn:onego:loa:real-name")
			.containsEntry("amr", List.of("pwd"))
			.containsKey("sub");
		assertThat(new Session(api.baseUrl()).get("/idp/userinfo", "Authorization", "Bearer not-a-token").status()).isEqualTo(401);
	}

	@Test
	void thePortalSignsInWithItsSecretOnLocalhostAndRefreshesItsTokens() {
		ApiClient api = new ApiClient(port);
		Citizen citizen = Citizens.register(api, "岳灵珊", Identities.idNumber());
		DemoIdentityProvider.Client portal = provider.portalClient();
		assertThat(portal.clientId()).isEqualTo("onego-portal");
		assertThat(portal.issuerPath()).isEqualTo("/idp");
		String base = "http://localhost:" + port;
		String redirect = base + "/login/oauth2/code/onego-idp";
		Session browser = new Session(base);
		String state = HexFormat.of().formatHex(new byte[] { 1, 2, 3, 4 });
		Answer toLogin = browser.get("/idp/oauth2/authorize?response_type=code&client_id=onego-portal&scope=openid%20profile"
				+ "&state=" + state + "&redirect_uri=" + redirect);
		assertThat(toLogin.status()).as(toLogin.body()).isEqualTo(302);
		assertThat(toLogin.location()).isEqualTo(base + "/idp/login");
		browser.get(toLogin.location());
		Answer signedIn = browser.postForm("/idp/login", Map.of("username", citizen.idNumber(), "password", citizen.password()));
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		Answer callback = browser.get(signedIn.json("$.redirect"));
		assertThat(callback.status()).as(callback.body()).isEqualTo(302);
		assertThat(callback.location()).startsWith(redirect + "?code=");
		String code = URI.create(callback.location()).getQuery().replaceAll(".*code=([^&]+).*", "$1");

		String basic = "Basic " + Base64.getEncoder().encodeToString(
				(portal.clientId() + ":" + portal.clientSecret()).getBytes(StandardCharsets.UTF_8));
		Answer tokens = new Session(base).postForm("/idp/oauth2/token",
				Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect), "Authorization", basic);
		assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
		String refresh = tokens.json("$.refresh_token");
		assertThat(refresh).isNotBlank();
		Answer refreshed = new Session(base).postForm("/idp/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refresh), "Authorization", basic);
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat((String) refreshed.json("$.refresh_token")).isNotEqualTo(refresh);

		Answer wrongSecret = new Session(base).postForm("/idp/oauth2/token",
				Map.of("grant_type", "refresh_token", "refresh_token", refresh), "Authorization",
				"Basic " + Base64.getEncoder().encodeToString("onego-portal:wrong".getBytes(StandardCharsets.UTF_8)));
		assertThat(wrongSecret.status()).isEqualTo(401);
	}

	@Autowired
	Housekeeping housekeeping;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	cn.onego.platform.crypto.PersonalData data;

	@Test
	void housekeepingRemovesOldRegistrationsAndAuthorizationsWhoseTokensExpiredLongAgo() {
		Citizen citizen = Citizens.register(new ApiClient(port), "林平之", Identities.idNumber());
		String subject = jdbc.sql("SELECT subject::text FROM idp_person WHERE id_number_index = ?").param(data.index(citizen.idNumber()))
			.query(String.class).single();
		jdbc.sql("UPDATE idp_registration SET created_at = created_at - interval '3 days' WHERE id_number_index = ?")
			.param(data.index(citizen.idNumber())).update();
		jdbc.sql("""
				UPDATE oauth2_authorization SET access_token_expires_at = access_token_expires_at - interval '2 days',
				  authorization_code_expires_at = authorization_code_expires_at - interval '2 days' WHERE principal_name = ?""")
			.param(subject).update();
		housekeeping.clean();
		assertThat(jdbc.sql("SELECT count(*) FROM idp_registration WHERE id_number_index = ?").param(data.index(citizen.idNumber()))
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM oauth2_authorization WHERE principal_name = ?").param(subject)
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM idp_person WHERE id_number_index = ?").param(data.index(citizen.idNumber()))
			.query(Integer.class).single()).isOne();
	}

	@Test
	void keepsTheSigningKeyInAnExternalDatabaseOnceForEveryNode() {
		try {
			com.nimbusds.jose.jwk.RSAKey first = SigningKey.keptIn(jdbc);
			com.nimbusds.jose.jwk.RSAKey second = SigningKey.keptIn(jdbc);
			assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
			assertThat(first.isPrivate()).isTrue();
			assertThat(jdbc.sql("SELECT count(*) FROM idp_signing_key").query(Integer.class).single()).isOne();
		}
		finally {
			jdbc.sql("DELETE FROM idp_signing_key").update();
		}
	}

	@Test
	void refusesARedirectToAnotherSiteAndTheAppWithoutPkce() {
		Session browser = new Session("http://127.0.0.1:" + port);
		Answer foreign = browser.get("/idp/oauth2/authorize?response_type=code&client_id=onego-portal&scope=openid"
				+ "&state=x&redirect_uri=https://evil.example/login/oauth2/code/onego-idp");
		assertThat(foreign.status()).isEqualTo(400);
		Answer noPkce = browser.get("/idp/oauth2/authorize?response_type=code&client_id=onego-app&scope=openid"
				+ "&state=x&redirect_uri=http://127.0.0.1:53117/callback");
		assertThat(noPkce.status()).isEqualTo(302);
		assertThat(noPkce.location()).startsWith("http://127.0.0.1:53117/callback?error=invalid_request");
	}
}
