package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/** Administrators list the staff users over HTTP: the demo users and the accounts they created, never a password. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class StaffListIT {

	@LocalServerPort
	int port;

	@Test
	void listsDemoUsersAndCreatedAccountsWithRolesAndScopeButNoPassword() {
		ApiClient api = new ApiClient(port);
		String username = "rev-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username,
				"password", "list-test-123", "name", "列表测试审批员", "roles", List.of("REVIEWER"), "region", "430100",
				"department", "430100-MARKET_REGULATION"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Response listed = api.get("/api/v1/admin/staff", "admin", "onego-admin");
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		List<Map<String, Object>> supervisor = listed.json("$[?(@.username == 'supervisor')]");
		assertThat(supervisor).singleElement().satisfies(s -> {
			assertThat(s).containsEntry("name", "省政务服务监管员").containsEntry("region", "430000").containsEntry("source", "DEMO");
			assertThat((List<Object>) s.get("roles")).containsExactly("SUPERVISOR");
		});
		List<Map<String, Object>> mine = listed.json("$[?(@.username == '" + username + "')]");
		assertThat(mine).singleElement().satisfies(s -> {
			assertThat(s).containsEntry("name", "列表测试审批员").containsEntry("department", "430100-MARKET_REGULATION")
				.containsEntry("source", "ACCOUNT");
			assertThat((List<Object>) s.get("roles")).containsExactly("REVIEWER");
		});
		assertThat(listed.body()).doesNotContain("password").doesNotContain("onego-").doesNotContain("$2a$")
			.doesNotContain("idNumber");

		assertThat(api.get("/api/v1/admin/staff", "supervisor", "onego-supervisor").status()).isEqualTo(403);
		assertThat(api.get("/api/v1/admin/staff").status()).isEqualTo(401);
	}

	@Test
	void withoutAStaffIdentityPlatformStaffAreOfferedPasswordsOnly() {
		cn.onego.Citizens.Session browser = new cn.onego.Citizens.Session("http://localhost:" + port);
		cn.onego.Citizens.Answer offer = browser.get("/api/v1/sign-in");
		assertThat(offer.status()).isEqualTo(200);
		assertThat(offer.body()).as("no staff platform").doesNotContain("\"staff\"");
		assertThat((String) offer.json("$.citizens.start")).isEqualTo("/login/citizen");
		assertThat(browser.get("/login/staff").location()).endsWith("/login.html?error=staff-off");
	}

	@Test
	void aDisabledAccountIsListedAsSuchAndCanNoLongerSignIn() {
		ApiClient api = new ApiClient(port);
		String username = "off-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				"list-test-123", "name", "停用测试员", "roles", List.of("SUPERVISOR"), "region", "430100")).status()).isEqualTo(201);
		assertThat(api.get("/api/v1/me", username, "list-test-123").status()).isEqualTo(200);
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + username + "/disabled", "admin", "onego-admin", Map.of("disabled", true))
			.status()).isEqualTo(204);
		List<Map<String, Object>> mine = api.get("/api/v1/admin/staff", "admin", "onego-admin")
			.json("$[?(@.username == '" + username + "')]");
		assertThat(mine).singleElement().satisfies(s -> assertThat(s).containsEntry("disabled", true));
		assertThat(api.get("/api/v1/me", username, "list-test-123").status()).isEqualTo(401);
		Response missing = api.send("PUT", "/api/v1/admin/staff/" + username + "/disabled", "admin", "onego-admin", Map.of());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("disabled");
	}
}
