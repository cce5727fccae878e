package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.cases.CaseWorld;

/**
 * Issue 17 on a phone (390 × 844): the application as four steps with a progress indicator, a draft saved at
 * each step and resumed where it was left, nothing asked twice (the entity type answered in step 1 is shown, not
 * asked; the shop's region is picked by name and starts at the county chosen), an error shown at its field with
 * the field's label and gone once fixed, and no page that scrolls sideways — the steps, the case and the
 * supervisor's dashboard, each saved under target/phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SteppedApplicationIT {

	private static final Dimension PHONE = new Dimension(390, 844);
	private static final Path PHONE_SHOTS = Path.of("target", "phone");

	@LocalServerPort
	int port;

	@Test
	void aShopOwnerAppliesOnAPhoneInFourStepsResumesTheDraftAndFixesAnErrorShownAtItsField() throws IOException {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		List<Map<String, Object>> fields = api.send("POST", "/api/v1/matters/HN-CATERING/guidance", null, null,
				Map.of("answers", CaseWorld.SMALL_SHOP)).json("$.form.sections[*].fields[*]");
		String caseNumber;
		try (Browser browser = Browser.open(port, PHONE)) {
			browser.signInAsCitizen(world.applicant, world.citizen.password());
			browser.go("/apply.html?matter=HN-CATERING");

			// step 1: the situation, where to apply, consent
			assertStep(browser, 1);
			for (String situation : List.of("HAS_BUSINESS_LICENCE", "ENTITY_FORM", "PUBLIC_GATHERING_PLACE", "OUTDOOR_SIGNBOARD",
					"SELLS_TOBACCO")) {
				String option = "#a-" + situation + "-" + CaseWorld.SMALL_SHOP.get(situation).get(0);
				browser.waitUntil(situation + " is asked", "document.querySelector('" + option + "')");
				browser.click(option);
				browser.waitUntil(situation + " is answered", "document.querySelector('" + option + "').checked");
			}
			browser.waitForText("#outcome", "情形已确定");
			browser.waitUntil("the counties of 长沙市 are listed", "document.querySelector('#region option[value=\"430102\"]')");
			browser.select("#region", "430102");
			phoneShot(browser, "apply-step-1");
			browser.click("#no-consent");

			// step 2: what the answers and the identity say is shown, not asked; the region is a picker of names
			assertStep(browser, 2);
			assertThat(browser.find("#consent-message").getText()).contains("未授权");
			WebElement entityForm = browser.find("#f-ENTITY_FORM");
			assertThat(entityForm.getDomProperty("readOnly")).isEqualTo("true");
			assertThat(entityForm.getDomProperty("value")).isEqualTo("个体工商户");
			assertThat(browser.find("label[for=f-ENTITY_FORM]").getText()).contains("来自您在第1步的回答");
			browser.waitUntil("the shop's region starts at the county chosen",
					"document.getElementById('f-SHOP_REGION-picker')?.dataset.ready === 'true'");
			assertThat(browser.script("return document.getElementById('f-SHOP_REGION-county').selectedOptions[0].textContent"))
				.isEqualTo("芙蓉区");
			assertThat(browser.script("return document.getElementById('f-SHOP_REGION').value")).isEqualTo("430102");
			assertThat(browser.find("#form").getText()).doesNotContain("6位行政区划代码").doesNotContain("结果领取方式");
			fill(browser, fields, world.idNumber);
			browser.type("#f-CONTACT_MOBILE", "1390000");
			browser.click("#next");

			// the error at its field, by its label, in words; the step stays
			String error = (String) browser.script(
					"const n = document.getElementById('f-CONTACT_MOBILE').nextElementSibling; return n && n.classList.contains('field-error') ? n.textContent : null");
			assertThat(error).contains("联系人移动电话").contains("11位手机号码");
			assertThat(browser.find("#f-CONTACT_MOBILE").getDomAttribute("aria-invalid")).isEqualTo("true");
			assertThat(browser.find("#f-CONTACT_MOBILE").getDomAttribute("aria-describedby")).contains("error-");
			assertThat(browser.script("return document.activeElement.id")).isEqualTo("f-CONTACT_MOBILE");
			assertThat(browser.find("#problems").getText()).contains("联系人移动电话").doesNotContain("form.").doesNotContain("CONTACT_MOBILE");
			assertStep(browser, 2);
			phoneShot(browser, "apply-step-2");
			browser.type("#f-CONTACT_MOBILE", "13900003333");
			assertThat(browser.all(".field-error")).as("cleared once the field changes").isEmpty();
			assertThat(browser.find("#f-CONTACT_MOBILE").getDomAttribute("aria-invalid")).isNull();
			browser.click("#next");
			assertStep(browser, 3);

			// leaving: the draft is listed, and continues at the step it was left at with what was typed
			browser.go("/my.html");
			browser.waitForText("#application-list", "开办餐饮店一件事");
			browser.click("#application-list a[href*='draft=']").waitForPath("/apply.html");
			assertStep(browser, 3);
			assertThat(browser.script("return document.getElementById('f-CONTACT_MOBILE').value")).isEqualTo("13900003333");

			// submitted without the materials: the server's problems are put at each material's upload, by its name,
			// on the materials' step
			browser.click("#step-link-4");
			assertStep(browser, 4);
			browser.click("#submit");
			assertStep(browser, 3);
			browser.waitUntil("the server's problems are at the uploads",
					"document.querySelector('#materials input[type=file][aria-invalid=true]')");
			List<String> uploads = browser.all("#materials input[type=file]").stream().map(input -> input.getDomAttribute("id")).toList();
			assertThat(uploads).isNotEmpty();
			String first = (String) browser.script("return document.querySelector('#materials input[type=file][aria-invalid=true]').id");
			assertThat(browser.script("return document.activeElement.id")).as("the first problem has the focus").isEqualTo(first);
			String name = (String) browser.script("return document.getElementById(arguments[0]).closest('.material').querySelector('h3').firstChild.textContent", first);
			String atTheUpload = (String) browser.script(
					"const n = document.getElementById(arguments[0]).nextElementSibling; return n && n.classList.contains('field-error') ? n.textContent : null", first);
			assertThat(atTheUpload).startsWith(name + "：");
			assertThat(browser.find("#problems").getText()).contains(name).doesNotContain("materials.").doesNotContain("attachments.");

			// step 3: the materials to hand in; each upload takes its error away
			Path pdf = Files.createTempFile("material", ".pdf");
			Files.writeString(pdf, "%PDF-1.4\n% material\n%%EOF\n", StandardCharsets.US_ASCII);
			for (String upload : uploads) {
				browser.find("#" + upload).sendKeys(pdf.toAbsolutePath().toString());
				browser.waitForText("#" + upload + "-status", "已上传");
			}
			assertThat(browser.all("#materials .field-error")).isEmpty();
			phoneShot(browser, "apply-step-3");
			browser.click("#next");

			// step 4: consent as a sentence, the way of receiving the result asked once
			assertStep(browser, 4);
			assertThat(browser.find("#consent-state").getText()).contains("未授权");
			// where to hand in and collect: the competent region's hall unless another that may accept is chosen
			browser.waitUntil("the halls that may accept are listed", "document.querySelector('#hall-fieldset input[type=radio]')");
			assertThat(browser.find("#accepting-hall").getText()).contains("在哪里递交和领取", "长沙市芙蓉区政务服务中心", "异地收件")
				.doesNotContain("HALL").doesNotContain("邵阳市");
			assertThat(browser.script("return document.querySelector('#hall-fieldset input:checked').id")).isEqualTo("hall-0");
			browser.click("#delivery-FREE_MAIL");
			assertThat(browser.find("#delivery-mobile").getDomProperty("value")).as("the form's mobile, not asked again")
				.isEqualTo("13900003333");
			browser.type("#address", "湖南省长沙市芙蓉区五一大道1号");
			phoneShot(browser, "apply-step-4");
			browser.click("#submit");
			assertThat(browser.waitForText("#main h1", "申请已提交")).isEqualTo("申请已提交");
			caseNumber = browser.find("#case-number").getText();
			browser.click("#case").waitForPath("/case.html");
			assertThat(browser.find("#number").getText()).isEqualTo(caseNumber);
			// the browser's clock is set to UTC here: the hall's time is still Beijing time
			String submittedAt = (String) browser.script("return fetch('/api/v1/cases/' + new URLSearchParams(location.search).get('id'))"
					+ ".then(r => r.json()).then(v => v.caseFile.submittedAt)");
			java.time.ZonedDateTime beijing = java.time.Instant.parse(submittedAt).atZone(java.time.ZoneId.of("Asia/Shanghai"));
			assertThat(browser.find("#main").getText()).as("submitted at %s", submittedAt)
				.containsPattern("(^|\\D)0?" + beijing.getHour() + ":" + String.format("%02d", beijing.getMinute()) + ":");
			phoneShot(browser, "case");
		}
		assertThat(caseNumber).isNotBlank();

		try (Browser supervisor = Browser.open(port, PHONE)) {
			supervisor.signIn("supervisor", "onego-supervisor");
			supervisor.go("/dashboard.html");
			supervisor.waitUntil("the dashboard has loaded", "Number(document.body.dataset.loads) > 0");
			phoneShot(supervisor, "dashboard");
		}
	}

	/** The progress indicator and the step shown agree. */
	private static void assertStep(Browser browser, int step) {
		browser.waitForText("#step-status", "第 " + step + " 步，共 4 步");
		assertThat(browser.find("#steps li[aria-current=step]").getDomAttribute("data-step")).isEqualTo(String.valueOf(step));
		assertThat(browser.find("#step-" + step).isDisplayed()).isTrue();
	}

	/** Every field the applicant is asked, with a valid value (set directly: a date picker cannot be typed into). */
	private static void fill(Browser browser, List<Map<String, Object>> fields, String idNumber) {
		for (Map<String, Object> field : fields) {
			String id = "f-" + field.get("element");
			Boolean asked = (Boolean) browser.script("const input = document.getElementById(arguments[0]);"
					+ " return !!input && !input.readOnly && input.type !== 'hidden' && !input.value", id);
			if (Boolean.TRUE.equals(asked)) {
				browser.script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
						+ " input.dispatchEvent(new Event('change', {bubbles: true}))", id, CaseWorld.valueFor(field, idNumber));
			}
		}
	}

	/** A full-page screenshot of a page that fits the phone's width, under target/phone. */
	private static void phoneShot(Browser browser, String name) throws IOException {
		long overflow = ((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
		Path shot = browser.screenshot("phone-" + name);
		Files.createDirectories(PHONE_SHOTS);
		Files.copy(shot, PHONE_SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		assertThat(overflow).as(name + ": sideways scroll in px at 390 px").isLessThanOrEqualTo(0L);
		// a phone widens its layout to the widest content: a page that fits keeps the screen's width
		assertThat(browser.script("return innerWidth")).as(name + ": the layout is as wide as the phone").isEqualTo(390L);
	}
}
