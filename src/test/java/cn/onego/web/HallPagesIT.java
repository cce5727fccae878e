package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.cases.CaseWorld;

/**
 * Every page shows a hall by its name, never by its code: the applicant's case page and its receipt, the public
 * progress look-up, the window's queue, the dashboard's hall filter; and the administrators keep the halls on the
 * admin page, where a wrong telephone number is answered next to its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HallPagesIT {

	static final String NAME = "长沙市芙蓉区政务服务中心";
	static final String CODE = "\\d{6}-HALL";

	@LocalServerPort
	int port;

	@Test
	void theApplicantsPagesAndTheWindowNameTheHallNeverItsCode() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		Response receipt = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null);

		try (Browser citizen = Browser.open(port)) {
			citizen.signInAsCitizen(world.applicant, world.citizen.password());
			citizen.go("/case.html?id=" + caseId);
			assertThat(citizen.waitForText("#receipt-hall", NAME)).contains("八一路1号").contains("0731-12345");
			assertThat(citizen.find("#hall").getText()).isEqualTo(NAME);
			assertThat(citizen.find("#history").getText()).contains(NAME);
			assertThat(citizen.find("main").getText()).doesNotContainPattern(CODE);
			PortalIT.glyphsOf(citizen, "hall-case");
		}
		try (Browser anyone = Browser.open(port)) {
			anyone.go("/progress.html?number=" + receipt.json("$.number"));
			anyone.type("#code", (String) receipt.json("$.queryCode")).click("#lookup button[type=submit]");
			assertThat(anyone.waitForText("#progress-hall", NAME)).contains("0731-12345");
			assertThat(anyone.find("main").getText()).doesNotContainPattern(CODE);
		}
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window.html");
			assertThat(window.waitForText("#hall", NAME)).isEqualTo(NAME);
			assertThat(window.find("main").getText()).doesNotContainPattern(CODE);
		}
	}

	@Test
	void theDashboardFiltersByAHallChosenByItsName() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("supervisor", "onego-supervisor");
			browser.waitUntil("the halls are listed", "document.querySelectorAll('#hall option').length > 1");
			List<String> shown = browser.all("#hall option").stream().map(WebElement::getText).toList();
			assertThat(shown).contains(NAME, "长沙市政务服务中心").noneMatch(text -> text.matches(".*" + CODE + ".*"));
			browser.select("#hall", "430102-HALL");
			browser.waitUntil("the filter is in the address", "location.search.includes('hall=430102-HALL')");
		}
	}

	@Test
	void anAdministratorSeesTheHallsAndAWrongTelephoneNextToItsField() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "onego-admin");
			browser.go("/admin.html#halls-section");
			assertThat(browser.waitForText("#hall-list", NAME)).contains("长沙市政务服务中心");
			assertThat(browser.find("#category-list").getText()).contains("不动产登记").contains("社会事务");
			browser.type("#hall-code", "430602-PAGE").type("#hall-region", "430602").type("#hall-name", "岳阳楼区页面测试大厅")
				.type("#hall-address", "岳阳市岳阳楼区").type("#hall-phone", "12-34").type("#hall-hours", "周一至周五");
			browser.click("#hall-form button[type=submit]");
			assertThat(browser.waitForText("#hall-form", "电话格式")).contains("电话格式");
			assertThat(browser.find("#hall-phone").getAttribute("aria-invalid")).isEqualTo("true");
			PortalIT.glyphsOf(browser, "admin-halls");
		}
		assertThat(new ApiClient(port).get("/api/v1/halls?region=430600").body()).doesNotContain("430602-PAGE");
	}
}
