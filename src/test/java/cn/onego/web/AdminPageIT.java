package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.TestRegions;

/**
 * The administration page in a real browser: browsing the catalogue, a rejected and an accepted import,
 * a local working day in the calendar, and a staff user created, refused first for a missing department,
 * who then signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminPageIT {

	/** A small matter of two Changsha items of the bundled catalogue; {item} is the second item's code. */
	static final String MATTER = """
			code: ZZ-PAGE-TEST
			name: {zh: 页面测试一件事, en: Page test matter}
			aliases: [页面测试]
			theme: INVESTMENT_CONSTRUCTION
			applicantType: ENTERPRISE
			leadDepartmentType: URBAN_MANAGEMENT
			offeredIn: ["430100"]
			items:
			  - {item: HN-CG-ROAD-EXCAVATION}
			  - {item: %s}
			dependencies: []
			""";

	@LocalServerPort
	int port;

	@TempDir
	Path files;

	/** The imported matter leaves the catalogue again, so that other tests see the catalogue as shipped. */
	@AfterEach
	void removeTheImportedMatter() {
		ApiClient api = new ApiClient(port);
		if (api.get("/api/v1/matters/ZZ-PAGE-TEST").status() == 200) {
			var removed = api.postFiles("/api/v1/admin/catalog/imports", "admin", "onego-admin", java.util.Map.of(),
					java.util.Map.of("delete", "matters/zz-page.yaml"));
			assertThat(removed.status()).as(removed.body()).isEqualTo(201);
		}
	}

	@Test
	void browsesImportsKeepsTheCatalogueOnErrorsAddsADayAndCreatesAUserWhoSignsIn() throws IOException {
		ApiClient api = new ApiClient(port);
		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "onego-admin");
			assertThat(browser.path()).startsWith("/admin.html");
			browseTheCatalogue(browser);
			rejectAnUnknownItem(browser, api);
			rejectABrokenWorkbook(browser, api);
			acceptAValidMatter(browser, api);
			addALocalWorkingDay(browser);
			String username = createAReviewer(browser);

			browser.signOut();
			browser.go("/login.html?continue=/admin.html");
			browser.type("#username", username).type("#password", "page-test-123").click("#login button[type=submit]");
			// the page refuses a reviewer and so never reports itself ready: wait for the address and the refusal
			browser.waitUntil("the reviewer is signed in and sent on", "location.pathname === '/admin.html'");
			assertThat(browser.find("header.top .who").getText()).isEqualTo("页面测试审批员");
			assertThat(browser.waitForText("main", "无权使用")).as("a reviewer may not administer").contains("无权使用");
		}
	}

	@Test
	void speaksEnglishWhenAsked() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "onego-admin");
			browser.go("/admin.html?lang=en");
			assertThat(browser.find("h1").getText()).isEqualTo("Administration");
			assertThat(browser.find("#staff-list thead").getText()).contains("Username", "Roles");
			assertThat(browser.find("label[for=import-files]").getText()).isEqualTo("YAML or CSV files");
			assertThat(browser.find("#calendar-days").getText()).contains("working days");
			browser.screenshot("admin-en");
			browser.go("/admin.html?lang=zh");
		}
	}

	private static void browseTheCatalogue(Browser browser) {
		assertThat(browser.waitForText("#version-list", "现行")).as("the origin in words").contains("随系统发布").doesNotContain("BUNDLED");
		browser.type("#matter-q", "餐饮").click("#matter-search button[type=submit]");
		assertThat(browser.waitForText("#matter-list", "开办餐饮店一件事")).as("names, not codes").doesNotContain("HN-CATERING");
		browser.click("#matter-list button[data-matter='HN-CATERING']");
		assertThat(browser.waitForText("#item-list", "食品经营许可")).doesNotContain("HN-SCJG-FOOD-LICENCE");
		browser.screenshot("admin-catalogue");
		assertThat(browser.missingGlyphs("admin-catalogue")).isEmpty();
	}

	private void rejectAnUnknownItem(Browser browser, ApiClient api) throws IOException {
		int versions = versionCount(api);
		upload(browser, "zz-page.yaml", MATTER.formatted("ZZ-NO-SUCH-ITEM"));
		String errors = browser.waitForText("#import-errors", "事项不存在：ZZ-NO-SUCH-ITEM");
		assertThat(errors).contains("matters/zz-page.yaml", "文件", "行", "错误说明");
		assertThat(browser.find("#import-result").getText()).contains("目录未通过校验", "现行目录未改变");
		assertThat(versionCount(api)).as("the catalogue in force did not change").isEqualTo(versions);
		browser.screenshot("admin-import-rejected");
		assertThat(browser.missingGlyphs("admin-import-rejected")).isEmpty();
	}

	/** The items exported to Excel with one legal limit spoilt: the error is shown by sheet and cell. */
	private void rejectABrokenWorkbook(Browser browser, ApiClient api) throws IOException {
		int versions = versionCount(api);
		byte[] exported = api.get("/api/v1/admin/catalog/items.xlsx", "admin", "onego-admin").entity().getBody();
		Path workbook = files.resolve("items.xlsx");
		try (var opened = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(exported));
				var out = Files.newOutputStream(workbook)) {
			opened.getSheet("事项 Items").getRow(1).getCell(9).setCellValue("soon"); // J2: 法定时限
			opened.write(out);
		}
		browser.go("/admin.html"); // a fresh file chooser
		browser.find("#import-workbook").sendKeys(workbook.toAbsolutePath().toString());
		browser.click("#import-form button[type=submit]");
		String errors = browser.waitForText("#import-errors", "soon");
		assertThat(errors).contains("事项 Items", "J2", "工作表", "单元格");
		assertThat(browser.find("#import-result").getText()).contains("工作簿未通过校验");
		assertThat(versionCount(api)).as("the catalogue in force did not change").isEqualTo(versions);
	}

	private void acceptAValidMatter(Browser browser, ApiClient api) throws IOException {
		int versions = versionCount(api);
		browser.go("/admin.html"); // a fresh file chooser
		upload(browser, "zz-page.yaml", MATTER.formatted("HN-GA-TRAFFIC-ROAD-WORKS"));
		browser.waitForText("#import-result", "导入成功");
		assertThat(versionCount(api)).isEqualTo(versions + 1);
		List<Integer> newest = api.get("/api/v1/admin/catalog/versions", "admin", "onego-admin").json("$[0:1].version");
		assertThat(browser.find("#import-result").getText()).contains("第 " + newest.get(0) + " 版目录已生效");
		assertThat(browser.waitForText("#version-list", "第 " + newest.get(0) + " 版")).contains("管理员导入");
		browser.type("#matter-q", "页面测试").click("#matter-search button[type=submit]");
		browser.waitForText("#matter-list", "页面测试一件事");
		browser.screenshot("admin-import-accepted");
	}

	private void upload(Browser browser, String name, String content) throws IOException {
		Path file = Files.writeString(files.resolve(name), content);
		browser.select("#import-folder", "matters/");
		browser.find("#import-files").sendKeys(file.toAbsolutePath().toString());
		assertThat(browser.find("#import-path-0").getAttribute("value")).isEqualTo("matters/" + name);
		browser.click("#import-form button[type=submit]");
	}

	private static void addALocalWorkingDay(Browser browser) {
		browser.type("#day-region", TestRegions.ADMIN_PAGE_CITY);
		browser.script("document.getElementById('day-day').value = '2026-12-05'"); // a Saturday
		browser.select("#day-kind", "WORK");
		browser.type("#day-name", "测试：湘潭市周六上班");
		browser.click("#day-form button[type=submit]");
		browser.waitForText("#day-result", "已添加");
		String days = browser.waitForText("#calendar-exceptions", "2026-12-05");
		assertThat(days).contains("测试：湘潭市周六上班", "调休上班");
		assertThat(browser.find("td.work[data-day='2026-12-05']").getText()).as("marked in the month grid").contains("5", "班");
		assertThat(browser.find("td.off[data-day='2026-10-01']").getText()).contains("休");
		assertThat(browser.waitForText("#calendar-change-list", "湘潭市 · 2026-12-05 · 调休上班")).contains("admin");
		browser.screenshot("admin-calendar");
		assertThat(browser.missingGlyphs("admin-calendar")).isEmpty();
	}

	/** A reviewer: refused first without a department (the error next to the field), then created. */
	private static String createAReviewer(Browser browser) {
		String username = "rev-page-" + UUID.randomUUID().toString().substring(0, 6);
		browser.type("#staff-username", username).type("#staff-name", "页面测试审批员").type("#staff-password", "page-test-123");
		browser.click("#role-REVIEWER");
		browser.type("#staff-region", "430100");
		browser.click("#staff-form button[type=submit]");
		assertThat(browser.waitForText("#staff-department + .field-error", "审批人员须属于一个部门")).isNotEmpty();
		assertThat(browser.find("#staff-department").getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("admin-staff-refused");

		browser.waitUntil("the departments of 长沙市 are offered",
				"document.querySelector('#staff-department option[value=\"430100-MARKET_REGULATION\"]')");
		browser.select("#staff-department", "430100-MARKET_REGULATION");
		browser.click("#staff-form button[type=submit]");
		browser.waitForText("#staff-result", "已创建工作人员");
		assertThat(browser.waitForText("#staff-list", username)).contains("页面测试审批员", "长沙市市场监督管理局")
			.as("the department by its name").doesNotContain("430100-MARKET_REGULATION");
		assertThat(browser.all("#staff-department + .field-error")).as("the earlier error is gone").isEmpty();
		browser.screenshot("admin-staff");
		assertThat(browser.missingGlyphs("admin-staff")).isEmpty();
		return username;
	}

	private static int versionCount(ApiClient api) {
		List<Object> versions = api.get("/api/v1/admin/catalog/versions", "admin", "onego-admin").json("$");
		return versions.size();
	}
}
