package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;

/**
 * Transparency for the person (issue 15) in a real browser: the consents page shows a consent in words and
 * withdraws it after a confirmation; the next prefill reads nothing from the registries, and the data-access
 * page lists the reads — granted before, refused after — with who, why and under which consent, in Chinese
 * and in English, without a code or a username.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TransparencyPagesIT {

	private static final String MATTER = "HN-RETIREMENT";

	@LocalServerPort
	int port;

	@Test
	void withdrawsAConsentOnTheConsentsPageAfterWhichThePrefillReadsNothingAndTheRefusedReadsAreListed() {
		ApiClient api = new ApiClient(port);
		String idNumber = Identities.idNumber();
		Citizens.Citizen citizen = Citizens.register(api, "赵透明", idNumber);
		admin(api, "/api/v1/admin/registries/SOCIAL_SECURITY/records/" + idNumber, Map.of("EMPLOYER_NAME", "长沙透明机械厂"));
		String consent = as(api, citizen, "POST", "/api/v1/consents", Map.of("matter", MATTER, "purpose", "退休一件事申请")).json("$.id");
		Map<String, Object> draft = Map.of("matter", MATTER, "consentId", consent, "answers",
				Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"), "HAS_HOUSING_FUND", List.of("NO")));
		String first = as(api, citizen, "POST", "/api/v1/drafts", draft).json("$.id");
		Response before = as(api, citizen, "POST", "/api/v1/drafts/" + first + "/prefill?version=0", null);
		assertThat((String) before.json("$.form.EMPLOYER_NAME.value")).as("read under the consent").isEqualTo("长沙透明机械厂");

		try (Browser browser = Browser.open(port)) {
			browser.signInAsCitizen(citizen.username(), citizen.password());
			// the draft on the apply page: each prefilled field says where from, and what was obtained asks no upload
			browser.go("/apply.html?matter=" + MATTER + "&draft=" + first);
			browser.waitUntil("the form is drawn", "document.querySelector('#f-EMPLOYER_NAME')");
			assertThat(browser.find("label[for=f-EMPLOYER_NAME]").getText()).contains("已预填：社会保险库");
			assertThat(browser.find("label[for=f-APPLICANT_NAME]").getText()).contains("已预填：实名认证信息");
			browser.click("#step-link-3");
			assertThat(browser.find("#material-RESIDENT_ID_CARD").getText()).contains("已通过数据共享核验（人口库）");
			assertThat(browser.all("#file-RESIDENT_ID_CARD")).as("nothing to upload for what was obtained").isEmpty();
			PortalIT.glyphsOf(browser, "transparency-apply-prefilled");

			browser.go("/my.html");
			browser.click("#my-consents").waitForPath("/consents.html");
			String shown = browser.waitForText("[data-consent='" + consent + "']", "退休一件事");
			assertThat(shown).contains("有效，至").contains("人口库").contains("社会保险库").contains("电子证照：居民身份证")
				.contains("退休一件事申请").doesNotContain("POPULATION").doesNotContain("RESIDENT_ID_CARD");
			PortalIT.glyphsOf(browser, "transparency-consents");

			browser.click("#withdraw-" + consent);
			assertThat(browser.find("#confirm-" + consent).getText()).contains("确定撤回");
			browser.click("#confirm-withdraw-" + consent);
			// the list is drawn anew after the withdrawal
			browser.waitUntil("the consent is shown withdrawn",
					"document.querySelector(\"[data-consent='" + consent + "']\")?.dataset.status === 'WITHDRAWN'");
			assertThat(browser.find("[data-consent='" + consent + "']").getText()).contains("已于").contains("撤回");
			assertThat(browser.all("#withdraw-" + consent)).as("nothing left to withdraw").isEmpty();
			assertThat(browser.find("#message").getText()).contains("已撤回");
		}

		// the next prefill reads nothing: every read is refused, and no registry's value is left in the form
		String second = as(api, citizen, "POST", "/api/v1/drafts", draft).json("$.id");
		Response after = as(api, citizen, "POST", "/api/v1/drafts/" + second + "/prefill?version=0", null);
		assertThat((List<String>) after.json("$.form.*.origin")).doesNotContain("REGISTRY");
		// the page saved the draft when it went to the materials' step: the version is read, not assumed
		Integer version = as(api, citizen, "GET", "/api/v1/applications/" + first, null).json("$.version");
		Response again = as(api, citizen, "POST", "/api/v1/drafts/" + first + "/prefill?version=" + version, null);
		assertThat((List<String>) again.json("$.form.*.origin")).as("the value read before is taken out").doesNotContain("REGISTRY");
		assertThat((List<String>) after.json("$.materials.resolved[*].source")).doesNotContain("E_LICENCE", "REGISTRY");

		try (Browser browser = Browser.open(port)) {
			browser.signInAsCitizen(citizen.username(), citizen.password());
			browser.go("/data-access.html");
			String reads = browser.waitForText("#read-table", "已拒绝");
			assertThat(reads).contains("已读取").contains("已拒绝").contains("授权已被您撤回").contains("一件事一次办平台（代您读取）")
				.contains("办理“退休一件事”").contains("您的授权：退休一件事").contains("社会保险库").contains("申请表预填信息")
				.doesNotContain(citizen.username()).doesNotContain("REFUSED").doesNotContain("SOCIAL_SECURITY");
			assertThat(browser.all("#read-table tbody tr[data-outcome='REFUSED']")).isNotEmpty();
			PortalIT.glyphsOf(browser, "transparency-reads");

			browser.go("/data-access.html?lang=en");
			String english = browser.waitForText("#read-table", "refused");
			assertThat(english).contains("the OneGo platform, on your behalf").contains("you withdrew the consent")
				.contains("applying for").contains("Social security registry").doesNotContain("已拒绝");
			browser.go("/consents.html?lang=en");
			assertThat(browser.waitForText("[data-consent='" + consent + "']", "withdrawn")).contains("Population registry")
				.contains("e-licence");
			browser.go("/consents.html?lang=zh");
		}
	}

	private static Response as(ApiClient api, Citizens.Citizen who, String method, String path, Object body) {
		Response response = api.send(method, path, who.username(), null, body);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
		return response;
	}

	private static void admin(ApiClient api, String path, Object body) {
		Response response = api.send("PUT", path, "admin", "onego-admin", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}
}
