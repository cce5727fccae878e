package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * The staff pages of issue 17 in a real browser: a bad rating's rectification from receipt to callback, a
 * post-verification that fails (confirmed in a dialog that says what follows), a staff account edited and its
 * password reset by an administrator and replaced by its holder, and the window's queue searched. The cases are
 * made through the API; what staff do, they do in the pages, which show numbers and names, never codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffPagesIT {

	@LocalServerPort
	int port;

	@Test
	void aClerkReceivesABadRatingVerifiesRectifiesAndRecordsTheCallback() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version", world.caseVersion(caseId),
				"reason", "经营场所不符合要求", "legalBasis", "《中华人民共和国食品安全法》第三十三条")).status()).isEqualTo(200);
		assertThat(world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/rating",
				Map.of("level", 4, "channel", "MOBILE", "comment", "窗口让我跑了三次")).status()).isEqualTo(201);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		String hall = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.hall");
		String id = (String) ((List<Map<String, Object>>) world.as(clerk, "GET", "/api/v1/rectifications?responsible=" + hall, null)
			.json("$[?(@.caseId == '" + caseId + "')]")).get(0).get("id");

		try (Browser page = Browser.open(port)) {
			page.signIn(clerk, CaseWorld.PASSWORD);
			page.go("/window.html");
			page.click("header.top nav a[href='/rectifications.html']");
			page.waitForPath("/rectifications.html").ready();
			String row = page.waitForText("tr[data-rectification='" + id + "']", number);
			assertThat(row).contains("不满意", "窗口让我跑了三次", "待核实").doesNotContain(hall).doesNotContain("HN-CATERING")
				.doesNotContain("DISSATISFIED");

			page.click("tr[data-rectification='" + id + "'] button.open-rectification");
			page.type("#rectification-finding", "核实属实：未一次性告知材料要求").click("#verify-form button[type=submit]");
			page.waitForText("#rectification-state", "已核实");
			page.type("#rectification-measures", "对窗口人员开展一次性告知培训").click("#rectify-form button[type=submit]");
			page.waitForText("#rectification-state", "已整改");
			page.select("#callback-result", "SATISFIED").type("#rectification-note", "电话回访，申请人表示满意")
				.click("#callback-form button[type=submit]");
			page.waitForText("#rectification-state", "已办结");
			assertThat(page.find("#rectification").getText()).contains("对窗口人员开展一次性告知培训", "满意：电话回访，申请人表示满意");
		}
		assertThat((String) world.as(clerk, "GET", "/api/v1/rectifications?responsible=" + hall + "&state=CLOSED", null)
			.json("$[?(@.id == '" + id + "')].callback").toString()).contains("SATISFIED");
	}

	@Test
	void aReviewerRecordsAFailedPostVerificationOnlyAfterConfirmingWhatItDoes() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		String department = (String) world.task(caseId, "HN-SCJG-ENT-REG").get("department");
		String reviewer = world.reviewerOf(department, "HN-SCJG-ENT-REG");
		String id = (String) ((List<Map<String, Object>>) world.as(reviewer, "GET", "/api/v1/departments/" + department
				+ "/verifications", null).json("$[?(@.caseId == '" + caseId + "')]")).get(0).get("id");

		try (Browser page = Browser.open(port)) {
			page.signIn(reviewer, CaseWorld.PASSWORD);
			page.go("/post-verification.html");
			String row = page.waitForText("tr[data-verification='" + id + "']", number);
			assertThat(row).contains("待核查").doesNotContain("PREMISES_USE_PROOF").doesNotContain(department);
			assertThat(page.find("#department").getText()).doesNotContain(department);

			page.click("tr[data-verification='" + id + "'] button.open-verification");
			page.type("#verification-finding", "实地核查：承诺的经营场所为他人住宅").click("#verification-failed");
			assertThat(page.find("#confirm-failure").getText()).contains("撤销", "失信名单");
			page.click("#confirm-failure-no");
			assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("state")).as("cancelled: nothing happened").isEqualTo("APPROVED");

			page.click("#verification-failed").click("#confirm-failure-yes");
			page.waitForText("tr[data-verification='" + id + "']", "核查不实");
		}
		assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("state")).isEqualTo("REVOKED");
	}

	@Test
	void anAdministratorEditsAnAccountAndResetsItsPasswordWhichItsHolderReplacesAtOnce() {
		ApiClient api = new ApiClient(port);
		String username = "page-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username,
				"password", "page-test-123", "name", "页面测试监管员", "roles", List.of("SUPERVISOR"), "region", "430100"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String temporary;
		try (Browser page = Browser.open(port)) {
			page.signIn("admin", "onego-admin");
			page.go("/admin.html");
			String actions = "span.staff-actions[data-username='" + username + "']";
			page.click(actions + " button.staff-edit");
			page.type("#staff-edit-name", "页面改名监管员").click("#staff-edit-form button[type=submit]");
			page.waitForText("#staff-list", "页面改名监管员");

			page.click(actions + " button.staff-reset");
			temporary = page.find("#temporary-password").getText();
			assertThat(temporary).hasSize(14);

			page.click(actions + " button.staff-toggle");
			page.waitForText("#staff-actions-result", "已停用");
			assertThat(api.get("/api/v1/me", username, temporary).status()).isEqualTo(401);
			page.click(actions + " button.staff-toggle");
			page.waitForText("#staff-actions-result", "已启用");

			page.signOut();
			page.go("/login.html?continue=/dashboard.html");
			page.type("#username", username).type("#password", temporary).click("#login button[type=submit]");
			page.waitUntil("sent to choose a password", "location.pathname === '/password.html'").ready();
			page.type("#current", temporary).type("#password", "Page-own-2026").type("#repeat", "Page-own-2026")
				.click("#password-form button[type=submit]");
			page.waitUntil("sent on to the page asked for", "location.pathname === '/dashboard.html'");
		}
		Response me = api.get("/api/v1/me", username, "Page-own-2026");
		assertThat((String) me.json("$.displayName")).isEqualTo("页面改名监管员");
		assertThat((Boolean) me.json("$.passwordChangeRequired")).isFalse();
	}

	@Test
	void theWindowFindsACaseByItsNumberAndRefusesABackwardsRangeOnTheField() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String one = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String two = new CaseWorld(api).apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(one);
		String number = world.view(CaseWorld.OBSERVER, one).json("$.caseFile.number");
		try (Browser page = Browser.open(port)) {
			page.signIn(clerk, CaseWorld.PASSWORD);
			page.go("/window.html");
			page.find("tr[data-case='" + two + "']");
			page.type("#search-number", number).click("#search-submit");
			page.waitUntil("only the case searched", "document.querySelectorAll('#queue tr[data-case]').length === 1");
			page.find("tr[data-case='" + one + "']");

			page.click("#search-reset");
			page.find("tr[data-case='" + two + "']");
			page.script("document.getElementById('search-from').value = '2026-12-31';"
					+ "document.getElementById('search-to').value = '2020-01-01';");
			page.click("#search-submit");
			assertThat(page.waitForText("#queue-search .field-error", "截止日期不能早于开始日期")).isNotBlank();
		}
	}
}
