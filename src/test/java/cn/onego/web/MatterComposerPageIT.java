package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.catalog.CatalogQueries;

/**
 * The matter composer in a real browser: a new matter composed from two items of the catalogue, its preview
 * changing as a dependency between them is added (the critical path grows from the longer item alone to both
 * one after the other), a cycle shown in place and taken back, and the draft saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MatterComposerPageIT {

	static final String REG = "HN-SCJG-ENT-REG";
	static final String FOOD = "HN-SCJG-FOOD-LICENCE";

	@LocalServerPort
	int port;

	@Autowired
	CatalogQueries catalog;

	@Test
	void composesAMatterFromItemsAndSeesThePreviewChangeAsADependencyIsAdded() {
		int reg = catalog.catalogue().item(REG).orElseThrow().promisedLimit();
		int food = catalog.catalogue().item(FOOD).orElseThrow().promisedLimit();
		String regName = catalog.catalogue().item(REG).orElseThrow().name().zh();
		String foodName = catalog.catalogue().item(FOOD).orElseThrow().name().zh();
		String code = "ZZ-PAGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		try (Browser browser = Browser.open(port)) {
			browser.signIn("admin", "onego-admin");
			browser.go("/admin.html");
			browser.click("#composer-link").waitForPath("/matter-composer.html");
			browser.click("#new-draft");
			browser.type("#draft-code", code).type("#draft-name", "页面编排测试一件事").type("#draft-name-en", "Composed on the page");
			browser.select("#draft-theme", "ENTERPRISE_OPENING").select("#draft-applicant", "ENTERPRISE")
				.select("#draft-lead", "MARKET_REGULATION");
			browser.type("#draft-offered", "430000");

			browser.type("#item-search", regName);
			browser.click("#item-results button[data-item='" + REG + "']");
			browser.type("#item-search", foodName);
			browser.click("#item-results button[data-item='" + FOOD + "']");
			assertThat(browser.all("#item-list tbody tr")).hasSize(2);

			// side by side, the longer item alone is the critical path
			previewShows(browser, Math.max(reg, food) + " 个工作日");
			assertThat(browser.all("#critical-path li")).hasSize(1);
			assertThat(browser.find("#critical-path").getText()).contains(foodName);

			// the food licence needs the business licence: one after the other
			browser.select("#dependency-item", FOOD).select("#dependency-needs", REG).click("#add-dependency");
			previewShows(browser, (reg + food) + " 个工作日");
			List<String> path = browser.all("#critical-path li").stream().map(li -> li.getText()).toList();
			assertThat(path).hasSize(2);
			assertThat(path.get(0)).contains(regName);
			assertThat(path.get(1)).contains(foodName);
			assertThat(browser.find("#metrics").getText()).contains(String.valueOf(reg + food));

			// the other way round too makes a cycle: the error is shown at the dependencies, then taken back
			browser.select("#dependency-item", REG).select("#dependency-needs", FOOD).click("#add-dependency");
			assertThat(browser.waitForText("#preview-errors", "依赖关系存在循环")).contains("依赖关系存在循环");
			assertThat(browser.find("#dependencies .field-error").getText()).contains("依赖关系存在循环");
			browser.click("#dependency-list li:nth-child(2) button");
			previewShows(browser, (reg + food) + " 个工作日");
			assertThat(browser.all("#dependencies .field-error")).isEmpty();

			browser.click("#save-draft");
			browser.waitForText("#draft-result", "草稿已保存");
			browser.waitForText("#draft-list", "页面编排测试一件事");
		}
		List<String> codes = new ApiClient(port).get("/api/v1/admin/catalog/matter-drafts", "admin", "onego-admin").json("$[*].code");
		assertThat(codes).contains(code);
		assertThat(catalog.catalogue().matter(code)).as("a draft is not in the catalogue").isEmpty();
	}

	/** Waits for the preview's critical path to last so long; what the preview showed instead if it never does. */
	private static void previewShows(Browser browser, String days) {
		try {
			browser.waitForText("#critical-days", days);
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new AssertionError("the preview showed: " + browser.script("return document.getElementById('preview').innerText")
					+ "\nthe draft: " + browser.script("return document.getElementById('editor').innerText"), e);
		}
	}
}
