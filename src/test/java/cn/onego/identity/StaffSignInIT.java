package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
 * Staff signing in through the staff identity platform, as a province connects its 政务工作人员统一身份认证:
 * the provider (here the demo one, reached over HTTP by its issuer URL as a stranger would) proves who signs
 * in; OneGo's staff account of the same username gives the role and the scope. A person the provider knows
 * but OneGo has no enabled staff account for is not let in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class StaffSignInIT {

	static final int PORT = freePort();
	static final String BASE = "http://localhost:" + PORT;
	static final String SECRET = "staff-platform-secret-for-the-test";

	@DynamicPropertySource
	static void theStaffPlatform(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("onego.idp.issuer", () -> BASE + "/idp");
		properties.add("onego.idp.portal-client-secret", () -> SECRET);
		properties.add("onego.identity.staff-oidc.issuer-uri", () -> BASE + "/idp");
		properties.add("onego.identity.staff-oidc.client-id", () -> "onego-portal");
		properties.add("onego.identity.staff-oidc.client-secret", () -> SECRET);
		properties.add("onego.identity.staff-oidc.name", () -> "湖南省政务工作人员统一身份认证");
	}

	private final ApiClient api = new ApiClient(PORT);

	@Test
	void aReviewerSignsInThroughTheStaffPlatformAndWorksWithTheRoleAndScopeOfTheirOneGoAccount() {
		String username = knownToTheProvider("审批员林");
		ApiClient.Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username,
				"password", "Unused-pw-" + username, "name", "审批员林", "roles", List.of("REVIEWER"), "region", "430100",
				"department", "430100-MARKET_REGULATION"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Session browser = new Session(BASE);
		Answer home = signInThroughThePlatform(browser, username);
		assertThat(home.location()).as("the reviewer's home page").endsWith("/department.html");
		Answer me = browser.get("/api/v1/me");
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat((String) me.json("$.username")).isEqualTo(username);
		assertThat((List<Object>) me.json("$.roles")).containsExactly("REVIEWER");
		assertThat((String) me.json("$.department")).isEqualTo("430100-MARKET_REGULATION");
		assertThat(browser.get("/api/v1/departments/430100-MARKET_REGULATION/tasks").status()).as("their department's queue")
			.isEqualTo(200);
		assertThat(browser.get("/api/v1/drafts").status()).as("not an applicant").isEqualTo(403);
	}

	@Test
	void aPersonWithoutAnEnabledStaffAccountIsSentBackToTheSignInPageAndIsNotSignedIn() {
		String stranger = knownToTheProvider("路人甲");
		Session browser = new Session(BASE);
		Answer refused = signInThroughThePlatform(browser, stranger);
		assertThat(refused.location()).endsWith("/login.html?error=staff");
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);

		String leaver = knownToTheProvider("离职员王");
		ApiClient.Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", leaver,
				"password", "Unused-pw-" + leaver, "name", "离职员王", "roles", List.of("REVIEWER"), "region", "430100",
				"department", "430100-MARKET_REGULATION"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		ApiClient.Response disabled = api.send("PUT", "/api/v1/admin/staff/" + leaver + "/disabled", "admin", "onego-admin",
				Map.of("disabled", true));
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);
		Session leaving = new Session(BASE);
		assertThat(signInThroughThePlatform(leaving, leaver).location()).as("a disabled account").endsWith("/login.html?error=staff");
		assertThat(leaving.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void disablingAStaffAccountEndsTheSessionTheyStillHave() {
		String username = knownToTheProvider("调岗员赵");
		api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				"Unused-pw-" + username, "name", "调岗员赵", "roles", List.of("REVIEWER"), "region", "430100", "department",
				"430100-MARKET_REGULATION"));
		Session browser = new Session(BASE);
		signInThroughThePlatform(browser, username);
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + username + "/disabled", "admin", "onego-admin",
				Map.of("disabled", true)).status()).isEqualTo(204);
		assertThat(browser.get("/api/v1/me").status()).as("the session of a disabled account names nobody").isEqualTo(401);
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + username + "/disabled", "admin", "onego-admin",
				Map.of("disabled", false)).status()).isEqualTo(204);
		assertThat(browser.get("/api/v1/me").status()).as("enabled again").isEqualTo(200);
		assertThat(api.send("PUT", "/api/v1/admin/staff/reviewer.scjg.cs/disabled", "admin", "onego-admin", Map.of("disabled", true))
			.status()).as("a demo user of the data file").isEqualTo(400);
		assertThat(api.send("PUT", "/api/v1/admin/staff/nobody-here/disabled", "admin", "onego-admin", Map.of("disabled", true))
			.status()).isEqualTo(404);
	}

	@Test
	void theSignInPageIsToldOfTheStaffPlatformByName() {
		Answer offer = new Session(BASE).get("/api/v1/sign-in");
		assertThat(offer.status()).isEqualTo(200);
		assertThat((String) offer.json("$.staff.name")).isEqualTo("湖南省政务工作人员统一身份认证");
		assertThat((String) offer.json("$.staff.start")).isEqualTo("/login/staff");
		assertThat((String) offer.json("$.citizens.start")).isEqualTo("/login/citizen");
	}

	/** A person registered at the provider (real-name checked there) whom OneGo has never seen. */
	private String knownToTheProvider(String name) {
		String username = "s" + HexFormat.of().formatHex(randomBytes());
		String mobile = Citizens.mobile();
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api, name, idNumber, mobile);
		Citizens.registerAtProvider(api, name, idNumber, mobile, username, password(username));
		return username;
	}

	/** The staff button, the provider's sign-in, and back to OneGo with the code; the last answer. */
	private static Answer signInThroughThePlatform(Session browser, String username) {
		Answer start = browser.get("/login/staff");
		assertThat(start.location()).endsWith("/oauth2/authorization/onego-staff");
		Answer toProvider = browser.get(start.location());
		assertThat(toProvider.location()).as("sent to the staff platform found by discovery")
			.startsWith(BASE + "/idp/oauth2/authorize");
		Answer toSignIn = browser.get(toProvider.location());
		assertThat(toSignIn.location()).endsWith("/idp/login");
		browser.get("/idp/login");
		Answer signedIn = browser.postForm("/idp/login", Map.of("username", username, "password", password(username)));
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		Answer authorized = browser.get((String) signedIn.json("$.redirect"));
		assertThat(authorized.location()).as("back to OneGo's staff sign-in with a code")
			.startsWith(BASE + "/login/oauth2/code/onego-staff");
		return browser.get(authorized.location());
	}

	private static String password(String username) {
		return "Pw-" + username + "-9";
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[6];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
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
