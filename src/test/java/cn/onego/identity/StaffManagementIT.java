package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * Administrators keep staff accounts over HTTP: edit a name, roles and scope (only places that exist), disable and
 * enable (never their own), reset a forgotten password to a temporary one that must be replaced before anything
 * else; every change in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffManagementIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void editsTheNameRolesAndScopeOfAnAccountRefusingPlacesThatDoNotExistAndAuditsIt() {
		ApiClient api = new ApiClient(port);
		String username = account(api, "edit", List.of("REVIEWER"), "430102", null, "430102-MARKET_REGULATION");

		Response nowhere = api.send("PUT", "/api/v1/admin/staff/" + username, "admin", "onego-admin", Map.of("name", "改名测试员",
				"roles", List.of("WINDOW_CLERK"), "region", "430102", "hall", "430102-NO-SUCH-HALL"));
		assertThat(nowhere.status()).as(nowhere.body()).isEqualTo(400);
		assertThat((List<String>) nowhere.json("$.errors[*].field")).contains("hall");
		Response clerkWithoutHall = api.send("PUT", "/api/v1/admin/staff/" + username, "admin", "onego-admin",
				Map.of("name", "改名测试员", "roles", List.of("WINDOW_CLERK"), "region", "430102"));
		assertThat((List<String>) clerkWithoutHall.json("$.errors[*].field")).contains("hall");
		assertThat(api.get("/api/v1/me", username, "staff-test-123").json("$.displayName").toString()).isEqualTo("管理测试员");

		Response edited = api.send("PUT", "/api/v1/admin/staff/" + username, "admin", "onego-admin", Map.of("name", "改名测试员",
				"roles", List.of("WINDOW_CLERK"), "region", "430102", "hall", "430102-HALL"));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		Response me = api.get("/api/v1/me", username, "staff-test-123");
		assertThat((String) me.json("$.displayName")).isEqualTo("改名测试员");
		assertThat((List<String>) me.json("$.roles")).containsExactly("WINDOW_CLERK");
		assertThat((String) me.json("$.hall")).isEqualTo("430102-HALL");
		assertThat(me.body()).as("no department any more").doesNotContain("department\"");
		assertThat(audited("staff-account.edited", username)).isEqualTo(1);

		assertThat(api.send("PUT", "/api/v1/admin/staff/supervisor", "admin", "onego-admin", Map.of("name", "x", "roles",
				List.of("SUPERVISOR"), "region", "430000")).status()).as("demo users come from their file").isEqualTo(400);
		assertThat(api.send("PUT", "/api/v1/admin/staff/nobody-at-all", "admin", "onego-admin", Map.of("name", "x", "roles",
				List.of("SUPERVISOR"), "region", "430000")).status()).isEqualTo(404);
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + username, "supervisor", "onego-supervisor", Map.of("name", "x"))
			.status()).isEqualTo(403);
	}

	@Test
	void anAdministratorCannotDisableThemselvesNorTakeAwayTheirOwnAdministration() {
		ApiClient api = new ApiClient(port);
		String administrator = account(api, "adm", List.of("SYSTEM_ADMIN"), "430000", null, null);
		String other = account(api, "oth", List.of("SUPERVISOR"), "430100", null, null);

		Response self = api.send("PUT", "/api/v1/admin/staff/" + administrator + "/disabled", administrator, "staff-test-123",
				Map.of("disabled", true));
		assertThat(self.status()).as(self.body()).isEqualTo(400);
		assertThat((String) self.json("$.errors[0].code")).isEqualTo("self");
		Response demoted = api.send("PUT", "/api/v1/admin/staff/" + administrator, administrator, "staff-test-123",
				Map.of("name", "自降权限", "roles", List.of("SUPERVISOR"), "region", "430000"));
		assertThat(demoted.status()).isEqualTo(400);
		assertThat((String) demoted.json("$.errors[0].code")).isEqualTo("self");
		assertThat(api.get("/api/v1/me", administrator, "staff-test-123").status()).as("still an administrator").isEqualTo(200);

		assertThat(api.send("PUT", "/api/v1/admin/staff/" + other + "/disabled", administrator, "staff-test-123",
				Map.of("disabled", true)).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", other, "staff-test-123").status()).isEqualTo(401);
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + other + "/disabled", administrator, "staff-test-123",
				Map.of("disabled", false)).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", other, "staff-test-123").status()).isEqualTo(200);
		assertThat(audited("staff-account.disabled", other)).isEqualTo(1);
		assertThat(audited("staff-account.enabled", other)).isEqualTo(1);
	}

	@Test
	void aResetPasswordIsShownOnceAndMustBeReplacedBeforeAnythingElse() {
		ApiClient api = new ApiClient(port);
		String username = account(api, "pwd", List.of("SUPERVISOR"), "430100", null, null);

		Response reset = api.send("POST", "/api/v1/admin/staff/" + username + "/password-reset", "admin", "onego-admin", null);
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat(reset.entity().getHeaders().getCacheControl()).contains("no-store");
		String temporary = reset.json("$.temporaryPassword");
		assertThat(temporary).hasSize(14);
		assertThat(api.get("/api/v1/me", username, "staff-test-123").status()).as("the old password is gone").isEqualTo(401);
		Response me = api.get("/api/v1/me", username, temporary);
		assertThat(me.status()).isEqualTo(200);
		assertThat((Boolean) me.json("$.passwordChangeRequired")).isTrue();
		Response blocked = api.get("/api/v1/my/notifications", username, temporary);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat((String) blocked.json("$.code")).isEqualTo("password-change-required");
		assertThat(audited("staff-account.password_reset", username)).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE reason LIKE ? OR target LIKE ?")
			.params("%" + temporary + "%", "%" + temporary + "%").query(Long.class).single()).as("never in the trail").isZero();

		Response wrong = api.send("POST", "/api/v1/me/password", username, temporary,
				Map.of("current", "not-the-password", "password", "Mine-own-2026"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat((String) wrong.json("$.errors[0].field")).isEqualTo("current");
		Response weak = api.send("POST", "/api/v1/me/password", username, temporary, Map.of("current", temporary, "password", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat((List<String>) weak.json("$.errors[*].field")).contains("password");
		assertThat(api.send("POST", "/api/v1/me/password", username, temporary,
				Map.of("current", temporary, "password", "Mine-own-2026")).status()).isEqualTo(204);

		assertThat(api.get("/api/v1/me", username, temporary).status()).isEqualTo(401);
		Response after = api.get("/api/v1/me", username, "Mine-own-2026");
		assertThat((Boolean) after.json("$.passwordChangeRequired")).isFalse();
		assertThat(api.get("/api/v1/my/notifications", username, "Mine-own-2026").status())
			.isEqualTo(200);

		assertThat(api.send("POST", "/api/v1/admin/staff/supervisor/password-reset", "admin", "onego-admin", null).status())
			.as("a demo user's password comes from its file").isEqualTo(400);
		assertThat(api.send("POST", "/api/v1/admin/staff/" + username + "/password-reset", "supervisor", "onego-supervisor", null)
			.status()).isEqualTo(403);
	}

	private long audited(String action, String username) {
		return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = ? AND target = ?")
			.params(action, "staff-account/" + username)
			.query(Long.class)
			.single();
	}

	static String account(ApiClient api, String prefix, List<String> roles, String region, String hall, String department) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", "staff-test-123", "name",
				"管理测试员", "roles", roles, "region", region));
		if (hall != null) {
			body.put("hall", hall);
		}
		if (department != null) {
			body.put("department", department);
		}
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
