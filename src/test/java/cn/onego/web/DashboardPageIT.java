package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;

/**
 * The supervision dashboard in a real browser, after cases made through the API in 株洲市荷塘区: its figures
 * are the API's for the same filter, every chart is drawn, a filter reloads it, and its exports download.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class DashboardPageIT {

	static final String DISTRICT = TestRegions.DASHBOARD_PAGE_DISTRICT;
	static final String CITY = TestRegions.DASHBOARD_PAGE_CITY;
	static final String CHARTS = "#chart-volumes, #chart-ontime, #chart-satisfaction, #chart-warnings, #chart-bottlenecks, #chart-reduction";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheApisFiguresAndChartsReloadsOnAFilterAndExports() {
		ApiClient api = new ApiClient(port);
		issuedAndRated(api);
		notAccepted(api);
		String overdueCase = overdue(api);
		awaitDashboard(api);

		try (Browser browser = Browser.open(port)) {
			browser.signIn("supervisor", "onego-supervisor");
			assertThat(browser.path()).startsWith("/dashboard.html");
			assertThat(browser.find("h1").getText()).isEqualTo("监管看板");
			assertChartsDrawn(browser);

			int loads = loads(browser);
			browser.select("#region", CITY);
			browser.waitUntil("the dashboard reloads for 株洲市", "Number(document.body.dataset.loads) > " + loads);
			assertThat(browser.path()).contains("region=" + CITY);

			Response dashboard = supervisor(api, "/api/v1/supervision/dashboard?region=" + CITY);
			List<Integer> submitted = dashboard.json("$.volumes[*].submitted");
			int expected = submitted.stream().mapToInt(Integer::intValue).sum();
			assertThat(expected).isGreaterThanOrEqualTo(2);
			assertThat(browser.find("#figure-submitted .value").getText()).isEqualTo(String.valueOf(expected));
			assertThat(browser.find("#figure-decided .value").getText())
				.isEqualTo(String.valueOf((Integer) dashboard.json("$.tasksDecided")));
			assertThat(browser.find("#figure-ratings .value").getText())
				.isEqualTo(String.valueOf((Integer) dashboard.json("$.satisfaction.total")));
			assertThat(browser.find("#figure-red .value").getText()).isEqualTo(String.valueOf((Integer) dashboard.json("$.red")));
			String warnings = browser.find("#warnings").getText();
			assertThat(warnings).as("the live list of warned tasks").contains(overdueCase, "荷塘区市场监督管理局", "超期");
			assertChartsDrawn(browser);
			assertThat(browser.find("#table-reduction").getAttribute("textContent")).contains("材料", "跑动次数");
			assertThat(browser.find("#table-matter-days").getAttribute("textContent")).as("both befores, per matter")
				.contains("法定时限相加", "承诺时限相加", "实际用时中位数", "开办餐饮店一件事");

			String csv = browser.find(".exports[data-table=departments] a.export-csv").getAttribute("href");
			assertThat(csv).contains("/api/v1/supervision/export/departments?", "region=" + CITY, "format=csv");
			assertThat(browser.find(".exports[data-table=volumes] a.export-xlsx").getAttribute("href")).contains("format=xlsx");
			// fetched with the browser's own session, as the link would be
			String body = (String) browser.script("return fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text())", csv);
			// the file starts with a byte-order mark (for Excel); fetch's text() drops it
			assertThat(body.replaceFirst("^\uFEFF", "")).startsWith("部门编码 code,部门 department,办结 decided");

			browser.screenshot("dashboard");
			assertThat(browser.missingGlyphs("dashboard")).isEmpty();
		}
	}

	@Test
	void fitsAPhoneAndSpeaksEnglishWhenAsked() {
		try (Browser browser = Browser.open(port, new Dimension(390, 844))) {
			browser.signIn("supervisor", "onego-supervisor");
			browser.go("/dashboard.html?lang=en");
			assertThat(browser.find("h1").getText()).isEqualTo("Supervision dashboard");
			assertChartsDrawn(browser);
			browser.screenshot("dashboard-phone-en");
			// a desktop Chromium keeps a minimum window width: compare with the page's own width, not with 390
			Number page = (Number) browser.script("return document.documentElement.clientWidth");
			Number chartWidth = (Number) browser.script("return document.querySelector('#chart-volumes canvas').getBoundingClientRect().width");
			assertThat(chartWidth.doubleValue()).as("the chart fits the window").isLessThan(page.doubleValue());
			assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("nothing is wider than the window").isTrue();
			browser.go("/dashboard.html?lang=zh");
		}
	}

	private static void assertChartsDrawn(Browser browser) {
		browser.waitUntil("every chart is drawn",
				"[...document.querySelectorAll('" + CHARTS + "')].every(c => c.querySelector('canvas, svg'))");
		assertThat(browser.all(".chart")).hasSize(6);
		assertThat(browser.all(".chart[aria-label]")).as("each chart is named for assistive technology").hasSize(6);
	}

	private static int loads(Browser browser) {
		browser.waitUntil("the first load", "Number(document.body.dataset.loads) > 0");
		return ((Number) browser.script("return Number(document.body.dataset.loads)")).intValue();
	}

	/** A restaurant opened in 荷塘区: accepted, its items approved, the results issued and the case rated. */
	private static void issuedAndRated(ApiClient api) {
		CaseWorld world = new CaseWorld(api, DISTRICT);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		for (String item : List.of("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE", "HN-ZJ-DRAINAGE-PERMIT")) {
			// a business licence's number is a credit code (GB 32100)
			Response approved = world.approve(caseId, item, item.equals("HN-SCJG-ENT-REG") ? Identities.creditCode() : Identities.licenceNumber("N-"));
			assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		}
		Response issued = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS1"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		Response rated = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/rating", Map.of("level", 1, "channel", "MOBILE"));
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
	}

	/** A second application in 荷塘区, not accepted at the window. */
	private static void notAccepted(ApiClient api) {
		CaseWorld world = new CaseWorld(api, DISTRICT);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		Response refused = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version",
				world.caseVersion(caseId), "reason", "经营场所不符合要求", "legalBasis", "《中华人民共和国食品安全法》第三十三条"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
	}

	/**
	 * A third application, accepted, whose food licence task is made red as the deadline job would make
	 * it once overdue; returns the case number.
	 */
	private String overdue(ApiClient api) {
		CaseWorld world = new CaseWorld(api, DISTRICT);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		// the colours live in the open deadlines the scanner marks (V33)
		jdbc.sql("UPDATE open_deadline SET colour = 'RED' WHERE case_id = ?::uuid AND item = 'HN-SCJG-ENT-REG'").param(caseId).update();
		return world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
	}

	/** The aggregates follow the events asynchronously: wait (bounded) until both cases are counted. */
	private static void awaitDashboard(ApiClient api) {
		for (int i = 0; i < 100; i++) {
			Response dashboard = supervisor(api, "/api/v1/supervision/dashboard?region=" + DISTRICT);
			List<Map<String, Object>> volumes = dashboard.json("$.volumes");
			int submitted = volumes.stream().mapToInt(v -> (Integer) v.get("submitted")).sum();
			int issued = volumes.stream().mapToInt(v -> (Integer) v.get("issued")).sum();
			if (submitted >= 2 && issued >= 1 && (Integer) dashboard.json("$.tasksDecided") >= 3) {
				return;
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("the dashboard did not count the cases");
	}

	private static Response supervisor(ApiClient api, String path) {
		return api.send("GET", path, "supervisor", "onego-supervisor", null);
	}
}
