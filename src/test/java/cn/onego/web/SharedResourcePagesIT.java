package cn.onego.web;

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
import cn.onego.Identities;

/**
 * The shared-resource pages in a real browser: anybody searches the public catalogue; a department asks for a
 * conditional resource in its workbench, the provider's head approves it in theirs, and the department's read then
 * shows the resource's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SharedResourcePagesIT {

	static final String PASSWORD = "resources-page-123";

	@LocalServerPort
	int port;

	@Test
	void anybodySearchesTheCatalogueAndADepartmentAsksIsApprovedAndReads() {
		ApiClient api = new ApiClient(port);
		String subject = Identities.idNumber();
		assertThat(api.send("PUT", "/api/v1/admin/registries/POPULATION/records/" + subject, "admin", "onego-admin",
				Map.of("APPLICANT_NAME", "吴页面", "HOUSEHOLD_ADDRESS", "湖南省长沙市芙蓉区页面路8号")).status()).isEqualTo(200);
		String reviewer = staff(api, "REVIEWER", "430102-CIVIL_AFFAIRS");
		String head = staff(api, "DEPARTMENT_HEAD", "430000-PUBLIC_SECURITY");

		try (Browser browser = Browser.open(port)) {
			browser.go("/resources.html");
			browser.type("#q", "户籍").click("#search button[type=submit]");
			String household = browser.waitForText("article[data-resource='POPULATION-HOUSEHOLD']", "有条件共享");
			assertThat(household).contains("户籍地址", "公安").doesNotContain("HOUSEHOLD_ADDRESS");
			browser.screenshot("resources-catalogue");
			assertThat(browser.missingGlyphs("resources-catalogue")).isEmpty();

			browser.signIn(reviewer, PASSWORD).go("/resource-access.html");
			browser.select("#ask-resource", "POPULATION-HOUSEHOLD").type("#ask-purpose", "审核低保申请时核验户籍")
				.type("#ask-basis", "《社会救助暂行办法》第十一条").click("#ask button[type=submit]");
			browser.waitForText("#message", "申请已提交");
			List<String> ids = api.get("/api/v1/access-requests", reviewer, PASSWORD).json("$.made[*].id");
			String id = ids.get(0);
			browser.waitForText("#made tr[data-request='" + id + "']", "待答复");

			browser.signOut().signIn(head, PASSWORD).go("/resource-access.html");
			browser.click("#received tr[data-request='" + id + "'] button.approve");
			browser.waitForText("#received tr[data-request='" + id + "']", "已同意");
			browser.screenshot("resources-provider");

			browser.signOut().signIn(reviewer, PASSWORD).go("/resource-access.html");
			browser.waitForText("#made tr[data-request='" + id + "']", "已同意");
			browser.select("#read-resource", "POPULATION-HOUSEHOLD").type("#read-subject", subject)
				.type("#read-purpose", "核验低保申请人户籍").type("#read-basis", "《社会救助暂行办法》第十一条").click("#read button[type=submit]");
			assertThat(browser.waitForText("#served", "湖南省长沙市芙蓉区页面路8号")).contains("户籍地址").doesNotContain("吴页面");
			browser.screenshot("resources-read");
		}
	}

	private static String staff(ApiClient api, String role, String department) {
		String username = "page-" + role.substring(0, 4).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				PASSWORD, "name", "页面测试人员", "roles", List.of(role), "region", department.substring(0, 6), "department", department));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
