package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Citizen;
import cn.onego.Citizens.Session;
import cn.onego.Identities;

/** Sign-in at the provider: ten wrong passwords in a row lock the account; the provider's sign-in is its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdpSignInIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	cn.onego.platform.crypto.PersonalData data;

	private Answer signIn(String login, String password) {
		return new Session("http://127.0.0.1:" + port).postForm("/idp/login", Map.of("username", login, "password", password));
	}

	@Test
	void tenWrongPasswordsInARowLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
		Citizen citizen = Citizens.register(new ApiClient(port), "乔峰", Identities.idNumber());
		for (int i = 1; i <= 9; i++) {
			Answer wrong = signIn(citizen.username(), "Wrong-password-" + i);
			assertThat(wrong.status()).as("try %d: %s", i, wrong.body()).isEqualTo(401);
			assertThat((String) wrong.json("$.code")).isEqualTo("bad-credentials");
		}
		Instant before = clock.instant();
		Answer tenth = signIn(citizen.idNumber(), "Wrong-password-10");
		assertThat(tenth.status()).as(tenth.body()).isEqualTo(423);
		assertThat(tenth.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) tenth.json("$.code")).isEqualTo("account-locked");
		Instant until = Instant.parse(tenth.json("$.lockedUntil"));
		assertThat(until).isBetween(before.plus(Duration.ofMinutes(15)), clock.instant().plus(Duration.ofMinutes(15)));
		assertThat((String) tenth.json("$.detail")).contains("锁定至");

		Answer right = signIn(citizen.username(), citizen.password());
		assertThat(right.status()).isEqualTo(423);
		assertThat((String) right.json("$.lockedUntil")).isEqualTo(until.toString());

		// fifteen minutes pass
		jdbc.sql("UPDATE idp_person SET locked_until = ? WHERE id_number_index = ?")
			.params(java.sql.Timestamp.from(clock.instant().minusSeconds(1)), data.index(citizen.idNumber()))
			.update();
		assertThat(signIn(citizen.username(), citizen.password()).status()).isEqualTo(200);
		List<String> reasons = jdbc.sql("SELECT reason FROM idp_attempt WHERE login_index IN (?, ?) AND kind = 'SIGN_IN' ORDER BY id")
			.params(data.index(citizen.username()), data.index(citizen.idNumber()))
			.query(String.class)
			.list();
		assertThat(reasons).containsSubsequence("WRONG_PASSWORD", "WRONG_PASSWORD_LOCKED", "LOCKED", "SIGNED_IN");
	}

	@Test
	void aRightPasswordResetsTheCountOfWrongOnes() {
		Citizen citizen = Citizens.register(new ApiClient(port), "虚竹", Identities.idNumber());
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 9; i++) {
				assertThat(signIn(citizen.username(), "Not-it-" + i).status()).isEqualTo(401);
			}
			assertThat(signIn(citizen.username(), citizen.password()).status()).isEqualTo(200);
		}
	}

	@Test
	void anUnknownNameIsAnsweredLikeAWrongPassword() {
		Citizen citizen = Citizens.register(new ApiClient(port), "阿朱", Identities.idNumber());
		Answer unknown = signIn("nobody-" + System.nanoTime(), "Whatever-123");
		Answer wrong = signIn(citizen.username(), "Whatever-123");
		assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
		assertThat((String) unknown.json("$.detail")).isEqualTo(wrong.json("$.detail"));
	}

	@Test
	void aSignInAtTheProviderIsNotASignInAtOneGoNorTheOtherWayRound() {
		ApiClient api = new ApiClient(port);
		Citizen citizen = Citizens.register(api, "阿紫", Identities.idNumber());
		Session browser = new Session(api.baseUrl());
		browser.get("/idp/login");
		assertThat(browser.postForm("/idp/login", Map.of("username", citizen.username(), "password", citizen.password()))
			.status()).isEqualTo(200);
		assertThat(browser.get("/api/v1/me", "X-Requested-With", "fetch").status()).isEqualTo(401);

		Session staff = new Session(api.baseUrl());
		staff.get("/login.html");
		Answer admin = staff.postForm("/login", Map.of("username", "admin", "password", "onego-admin"));
		assertThat(admin.status()).as(admin.body()).isEqualTo(200);
		assertThat(staff.get("/api/v1/me").status()).isEqualTo(200);
		Answer authorize = staff.get("/idp/oauth2/authorize?response_type=code&client_id=onego-portal&scope=openid&state=s"
				+ "&redirect_uri=" + api.baseUrl() + "/login/oauth2/code/onego-idp");
		assertThat(authorize.status()).isEqualTo(302);
		assertThat(authorize.location()).endsWith("/idp/login");
	}

	@Test
	void theSignInPageIsTheProvidersOwnUnderAStrictContentSecurityPolicy() {
		Answer page = new Session("http://127.0.0.1:" + port).get("/idp/login");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("/idp/assets/login.js");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").doesNotContain("unsafe");
		// a sign-in or registration sent from another site carries no CSRF token
		ApiClient foreign = new ApiClient(port);
		assertThat(foreign.send("POST", "/idp/login?username=x&password=y", null, null, null).status()).isEqualTo(403);
		ApiClient.Response refused = foreign.send("POST", "/idp/api/registrations", null, null, Map.of("name", "x"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat((String) refused.json("$.code")).isEqualTo("forbidden");
	}
}
