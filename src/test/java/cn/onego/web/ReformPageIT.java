package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reform office's page in a real browser: a draft composed from the catalogue's names (matter, item), saved and
 * run, its before/after table and report links shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReformPageIT {

	@LocalServerPort
	int port;

	@Test
	void composesADraftFromNamesRunsItAndOffersTheReports() {
		try (Browser browser = Browser.open(port)) {
			browser.signIn("supervisor", "onego-supervisor");
			browser.go("/reform.html");
			assertThat(browser.find("h1").getText()).isEqualTo("改革模拟");
			browser.type("#name", "食品经营许可提速（页面）");
			browser.select("#kind", "SHORTEN_LIMIT");
			browser.waitUntil("the matters are listed", "[...document.querySelectorAll('#matter option')].some(o => o.value === 'HN-CATERING')");
			browser.select("#matter", "HN-CATERING");
			browser.waitUntil("the matter's items are listed",
					"[...document.querySelectorAll('#item option')].some(o => o.value === 'HN-SCJG-FOOD-LICENCE')");
			browser.select("#item", "HN-SCJG-FOOD-LICENCE");
			browser.type("#days", "3");
			browser.click("#add");
			assertThat(browser.waitForText("#operations", "食品经营许可")).contains("3 个工作日").doesNotContain("HN-SCJG");
			browser.click("#draft button[type=submit]");

			assertThat(browser.waitForText("#matters", "开办餐饮店一件事")).contains("现行 → 草案");
			assertThat(browser.find("#downloads a").getAttribute("href")).contains("/report?months=6&format=pdf");
			assertThat(browser.waitForText("#drafts", "食品经营许可提速（页面）")).contains("承诺时限压缩至 3 个工作日");
		}
	}
}
