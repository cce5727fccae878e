package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * The window and department workbenches in a real browser: the clerk accepts and issues, reviewers of
 * two departments decide in parallel, a stale action is told it lost, 容缺 and refusals reach the API,
 * and an application entered at the window (帮代办) lands in the hall's queue. The applications are made
 * through the API; everything the staff do, they do in the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkbenchIT {

	@LocalServerPort
	int port;

	ApiClient api;
	CaseWorld world;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new CaseWorld(api);
	}

	@Test
	void theClerkAcceptsReviewersOfTwoDepartmentsApproveInParallelAndTheClerkMailsTheResults() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		String number;
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			assertThat(window.path()).startsWith("/window.html");
			window.find("tr[data-case='" + caseId + "']");
			shot(window, "window-queue");

			window.click("tr[data-case='" + caseId + "'] a").waitForPath("/window-case.html");
			assertThat(window.all("#case tr[data-material]")).as("the materials and how each was resolved").isNotEmpty();
			assertThat(window.find("#case").getText()).contains("申请人上传");
			shot(window, "window-case");

			window.click("#mode-STANDARD").click("#accept");
			expect(window, "#message", "已受理");
			number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
			assertThat(expect(window, "#receipt", number)).contains("已收材料");
			shot(window, "window-receipt");
		}
		assertThat(world.caseState(caseId)).isEqualTo("IN_PROGRESS");

		// the registration first: the departments after it build on its number
		String businessLicence = Identities.creditCode();
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", businessLicence).status()).isEqualTo(200);
		Map<String, Object> food = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		Map<String, Object> drainage = world.task(caseId, "HN-ZJ-DRAINAGE-PERMIT");
		assertThat(food.get("department")).isNotEqualTo(drainage.get("department"));
		String marketReviewer = world.reviewerOf((String) food.get("department"), "-browser");
		String housingReviewer = world.reviewerOf((String) drainage.get("department"), "-browser");

		try (Browser market = Browser.open(port); Browser housing = Browser.open(port)) {
			openTask(market, marketReviewer, (String) food.get("id"), "department-queue-market");
			assertThat(market.find(".input-number").getText()).as("the business licence number of the earlier item")
				.isEqualTo(businessLicence);
			shot(market, "department-task-market");

			// while the market regulator's view is open, the housing department decides its own task
			openTask(housing, housingReviewer, (String) drainage.get("id"), "department-queue-housing");
			housing.click("#claim");
			expect(housing, "#message", "已领取");
			expect(housing, "#task-state", "审查中");
			housing.type("#approve-number", Identities.licenceNumber("CS-PS-")).click("#approve");
			expect(housing, "#message", "已准予");
			expect(housing, "#task-state", "准予");
			shot(housing, "department-approved-housing");

			// a colleague claims and releases the food licence: the open view now holds a stale version
			String colleague = world.reviewerOf((String) food.get("department"), "-colleague");
			Response claimed = world.as(colleague, "POST", "/api/v1/tasks/" + food.get("id") + "/claim",
					Map.of("version", food.get("version")));
			assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
			assertThat(world.as(colleague, "POST", "/api/v1/tasks/" + food.get("id") + "/release",
					Map.of("version", (Integer) claimed.json("$.version"))).status()).isEqualTo(200);
			market.click("#claim");
			assertThat(expect(market, "#message", "已被他人修改")).contains("请刷新后再操作");
			shot(market, "department-conflict");

			// the view reloaded with the version now current, so the same button works
			market.click("#claim");
			expect(market, "#message", "已领取");
			market.type("#approve-number", Identities.licenceNumber("JY1")).click("#approve");
			expect(market, "#message", "已准予");
		}
		assertThat(world.caseState(caseId)).isEqualTo("READY");

		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window.html?state=READY");
			window.click("tr[data-case='" + caseId + "'] a").waitForPath("/window-case.html");
			window.type("#tracking", "EMS1234567890").click("#issue");
			expect(window, "#message", "已出件");
			shot(window, "window-issued");
		}
		Map<String, Object> issued = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile");
		assertThat(issued.get("state")).isEqualTo("ISSUED");
		assertThat(((Map<?, ?>) issued.get("issue")).get("trackingNumber")).isEqualTo("EMS1234567890");
	}

	@Test
	void aRefusalWithoutReasonIsToldInChineseNextToTheFieldAndChangesNothingThenARealOneIsRecorded() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-case.html?id=" + caseId);
			window.type("#refuse-basis", "《中华人民共和国行政许可法》第三十二条").click("#refuse");
			assertThat(expect(window, "#refuse-form .field-error", "请写明不予受理的理由"))
				.isEqualTo("请写明不予受理的理由");
			assertThat(window.find("#refuse-reason").getAttribute("aria-invalid")).isEqualTo("true");
			shot(window, "window-refusal-error");
			assertThat(world.caseState(caseId)).as("nothing changed").isEqualTo("AWAITING_ACCEPTANCE");

			window.type("#refuse-reason", "申请事项依法不属于本行政机关职权范围").click("#refuse");
			expect(window, "#message", "已作出不予受理决定");
			shot(window, "window-refused");

			window.go("/window.html?state=DONE&lang=en");
			assertThat(window.find("h1").getText()).isEqualTo("Comprehensive window");
			assertThat(window.find("tr[data-case='" + caseId + "']").getText()).contains("Not accepted");
			shot(window, "window-done-english");
		}
		Map<String, Object> c = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile");
		assertThat(c.get("state")).isEqualTo("NOT_ACCEPTED");
		// on a phone only the screenshot: the glyph check draws a grid wider than the phone's window
		try (Browser phone = Browser.open(port, new Dimension(390, 844))) {
			phone.signIn(clerk, CaseWorld.PASSWORD);
			phone.go("/window-case.html?id=" + caseId);
			assertThat(phone.find("#case").getText()).contains("申请事项依法不属于本行政机关职权范围");
			phone.screenshot("window-case-phone");
		}
		assertThat(((Map<?, ?>) c.get("refusal")).get("reason")).isEqualTo("申请事项依法不属于本行政机关职权范围");
		assertThat(((Map<?, ?>) c.get("refusal")).get("legalBasis")).isEqualTo("《中华人民共和国行政许可法》第三十二条");
	}

	@Test
	void aReviewerSuspendsForAnInspectionResumesAndRefusesWithReasonAndLegalBasis() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		Map<String, Object> registration = world.task(caseId, "HN-SCJG-ENT-REG");
		String reviewer = world.reviewerOf((String) registration.get("department"), "-suspends");
		try (Browser browser = Browser.open(port)) {
			openTask(browser, reviewer, (String) registration.get("id"), "department-queue-suspend", ".badge:not(.state)");
			browser.click("#claim");
			expect(browser, "#message", "已领取");
			browser.select("#suspend-procedure", "ON_SITE_INSPECTION").click("#suspend");
			expect(browser, "#suspend-form .field-error", "请写明理由");
			browser.type("#suspend-reason", "经营场所需现场核查").type("#suspend-days", "5").click("#suspend");
			expect(browser, "#message", "已启动特别程序");
			expect(browser, "#task-state", "特别程序");
			shot(browser, "department-suspended");
			browser.click("#resume");
			expect(browser, "#message", "已恢复办理");
			browser.type("#refuse-reason", "经营场所不符合食品安全要求").type("#refuse-basis", "《中华人民共和国行政许可法》第三十八条第二款")
				.click("#refuse");
			expect(browser, "#message", "已作出不予许可决定");
			shot(browser, "department-refused");
		}
		Map<String, Object> refused = world.task(caseId, "HN-SCJG-ENT-REG");
		assertThat(refused.get("state")).isEqualTo("REFUSED");
		assertThat(((Map<?, ?>) refused.get("decision")).get("legalBasis")).isEqualTo("《中华人民共和国行政许可法》第三十八条第二款");
	}

	@Test
	void theWindowAsksOnceForWhatIsMissingAndTakesItInAtTheWindow() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of("FOOD_SAFETY_RULES"), Set.of());
		String clerk = world.clerkOf(caseId);
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-case.html?id=" + caseId);
			assertThat(window.find("#req-subject-0").getAttribute("value")).as("the missing material is listed to start with")
				.contains("食品安全自查");
			window.click("#ask-supplement");
			expect(window, "#message", "已一次性告知申请人补正");
			assertThat(world.caseState(caseId)).isEqualTo("AWAITING_SUPPLEMENT");
			shot(window, "window-supplement-asked");

			window.find("#supply-0").sendKeys(pdf("FOOD_SAFETY_RULES").toString());
			window.type("#supply-note", "申请人到窗口补交").click("#supply");
			expect(window, "#message", "补正材料已提交");
		}
		assertThat(world.caseState(caseId)).as("back to the window's decision").isEqualTo("AWAITING_ACCEPTANCE");
	}

	@Test
	void aMissingMaterialIsAcceptedAsAGapWithItsDeadline() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of("FOOD_LAYOUT_AND_PROCESS"), Set.of());
		String clerk = world.clerkOf(caseId);
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-case.html?id=" + caseId);
			assertThat(window.find("#case tr[data-material='FOOD_LAYOUT_AND_PROCESS']").getText()).contains("未提交");
			assertThat(window.find("#mode-GAPS").isSelected()).as("a missing material suggests 容缺").isTrue();
			assertThat(window.find("#gap-FOOD_LAYOUT_AND_PROCESS").isSelected()).isTrue();
			window.type("#gap-days", "3");
			shot(window, "window-gaps");
			window.click("#accept");
			expect(window, "#message", "已受理");
			expect(window, "#receipt", "容缺材料");
			shot(window, "window-gaps-receipt");

			// the visitor brings the missing material to the window
			window.find("#supply-0").sendKeys(pdf("FOOD_LAYOUT_AND_PROCESS").toString());
			window.click("#supply");
			expect(window, "#message", "补正材料已提交");
			shot(window, "window-gap-supplied");
		}
		assertThat((String) world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.gaps[0].suppliedAttachment")).isNotBlank();
		Map<String, Object> c = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile");
		assertThat(c.get("state")).isEqualTo("IN_PROGRESS");
		assertThat(c.get("mode")).isEqualTo("WITH_GAPS");
		assertThat((List<String>) world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.gaps[*].material")).containsExactly("FOOD_LAYOUT_AND_PROCESS");
		assertThat(c.get("gapDeadline")).isNotNull();
	}

	@Test
	void anApplicationTheClerkEntersForAVisitorLandsInTheHallsQueue() throws IOException {
		String clerk = world.clerkOfHall("430102-HALL");
		String visitor = Identities.idNumber();
		Path pdf = pdf("授权委托书");
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.click("#assist-link").waitForPath("/window-assist.html");
			window.type("#visitorName", "王大爷").type("#visitorId", visitor);
			window.find("#authorisation").sendKeys(pdf.toString());
			window.select("#matter", "HN-CATERING");
			for (String code : List.of("HAS_BUSINESS_LICENCE", "ENTITY_FORM", "PUBLIC_GATHERING_PLACE", "OUTDOOR_SIGNBOARD",
					"SELLS_TOBACCO")) {
				until(window, "the questions are drawn", "!document.getElementById('questions').dataset.busy");
				window.click("#q-" + code + "-" + CaseWorld.SMALL_SHOP.get(code).get(0));
			}
			until(window, "the questionnaire is complete", "!document.getElementById('application').hidden");
			fillForm(window, visitor);
			window.type("#delivery-recipient", "王大爷").type("#delivery-mobile", "13800138000");
			shot(window, "window-assist");
			window.click("#submit");
			expect(window, "#message", "申请已提交");
			shot(window, "window-assist-submitted");

			// the case is opened from the application's event: the queue shows it soon after
			for (int i = 0; i < 40; i++) {
				window.go("/window.html?state=AWAITING_ACCEPTANCE");
				if (window.find("main").getText().contains("王大爷")) {
					break;
				}
				CaseWorld.sleep(250);
			}
			assertThat(window.find("#queue").getText()).contains("王大爷").contains("窗口帮代办");
		}
		List<Map<String, Object>> queue = world.as(clerk, "GET", "/api/v1/window/cases?state=AWAITING_ACCEPTANCE", null).json("$");
		assertThat(queue).anySatisfy(c -> {
			assertThat(c.get("applicantId")).as("masked in a list").isEqualTo(cn.onego.shared.IdNumber.mask(visitor));
			assertThat(c.get("channel")).isEqualTo("WINDOW");
		});
	}

	@Test
	void aClerkOfAnotherCityIsToldWhichHallsCanAcceptAMatterHandledOnlyWhereItBelongs() throws IOException {
		// the visitor's restaurant is in 芙蓉区 (the clerk's default region); the clerk works at Shaoyang's hall
		String clerk = world.clerkOfHall("430500-HALL");
		String visitor = Identities.idNumber();
		Path pdf = pdf("授权委托书");
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-assist.html");
			until(window, "the competent region is chosen", "document.getElementById('region-picker')?.dataset.ready === 'true'");
			assertThat(window.script("return document.getElementById('region-county').selectedOptions[0].textContent")).isEqualTo("芙蓉区");
			window.type("#visitorName", "李阿姨").type("#visitorId", visitor);
			window.find("#authorisation").sendKeys(pdf.toString());
			window.select("#matter", "HN-CATERING");
			for (String code : List.of("HAS_BUSINESS_LICENCE", "ENTITY_FORM", "PUBLIC_GATHERING_PLACE", "OUTDOOR_SIGNBOARD",
					"SELLS_TOBACCO")) {
				until(window, "the questions are drawn", "!document.getElementById('questions').dataset.busy");
				window.click("#q-" + code + "-" + CaseWorld.SMALL_SHOP.get(code).get(0));
			}
			until(window, "the questionnaire is complete", "!document.getElementById('application').hidden");
			fillForm(window, visitor);
			window.type("#delivery-recipient", "李阿姨").type("#delivery-mobile", "13800138000");
			window.click("#submit");
			expect(window, "#message", "可以办理的大厅");
			assertThat(window.find("#message").getText()).contains("邵阳市政务服务中心不能异地受理", "食品经营许可", "仅限属地办理");
			assertThat(window.find("#halls-that-can").getText()).startsWith("长沙市芙蓉区政务服务中心").doesNotContain("邵阳");
			shot(window, "window-assist-not-offered");
		}
		assertThat((List<String>) world.as(clerk, "GET", "/api/v1/window/cases?state=AWAITING_ACCEPTANCE", null).json("$[*].applicantId"))
			.as("nothing reached Shaoyang's queue").doesNotContain(cn.onego.shared.IdNumber.mask(visitor));
	}

	/** Signs in as a reviewer, finds the task in the queue with a green badge and opens it. */
	private void openTask(Browser browser, String reviewer, String taskId, String shotName) {
		openTask(browser, reviewer, taskId, shotName, ".badge.green");
	}

	/** As above, with the colour badge expected (the one-day registration turns yellow at once). */
	private void openTask(Browser browser, String reviewer, String taskId, String shotName, String badge) {
		browser.signIn(reviewer, CaseWorld.PASSWORD);
		assertThat(browser.path()).startsWith("/department.html");
		String row = "tr[data-task='" + taskId + "']";
		assertThat(browser.find(row + " " + badge).getText()).isIn("正常", "预警", "超期");
		shot(browser, shotName);
		browser.click(row + " a").waitForPath("/department-task.html");
		browser.find("#claim");
	}

	/** Fills the merged form as the API describes it; values are set directly, as a date picker cannot be typed into. */
	private void fillForm(Browser browser, String visitor) {
		Response guidance = api.send("POST", "/api/v1/matters/HN-CATERING/guidance", null, null,
				Map.of("answers", CaseWorld.SMALL_SHOP));
		List<Map<String, Object>> fields = guidance.json("$.form.sections[*].fields[*]");
		for (Map<String, Object> field : fields) {
			browser.script("const input = document.getElementById(arguments[0]); input.value = arguments[1];",
					"f-" + field.get("element"), CaseWorld.valueFor(field, visitor));
		}
		List<Map<String, Object>> materials = guidance.json("$.materials");
		for (Map<String, Object> material : materials) {
			Object source = ((Map<?, ?>) material.get("resolution")).get("source");
			if (Boolean.TRUE.equals(material.get("required")) && Set.of("UPLOAD", "E_LICENCE", "REGISTRY").contains(source)) {
				browser.find("#m-" + material.get("code")).sendKeys(pdf((String) material.get("code")).toString());
			}
		}
	}

	private static Path pdf(String name) {
		try {
			Path file = Files.createTempFile("onego-" + name.hashCode(), ".pdf");
			Files.writeString(file, "%PDF-1.4\n% " + name + " " + UUID.randomUUID() + "\n%%EOF\n", StandardCharsets.UTF_8);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Waits for the text in the element; on failure the page's text and a screenshot tell what was shown instead. */
	private static String expect(Browser browser, String css, String text) {
		try {
			return browser.waitForText(css, text);
		}
		catch (RuntimeException e) {
			browser.screenshot("failed");
			throw new AssertionError("no \"" + text + "\" in " + css + "; the page shows:\n" + browser.script("return document.body.innerText"), e);
		}
	}

	/** Waits until the script's condition holds (Browser.waitUntil would keep its message for later waits). */
	private static void until(Browser browser, String description, String condition) {
		for (int i = 0; i < 200; i++) {
			if (Boolean.TRUE.equals(browser.script("return !!(" + condition + ")"))) {
				return;
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError(description + "; the page shows:\n" + browser.script("return document.body.innerText"));
	}

	/** Saves the page and checks every Chinese character on it is drawn. */
	private static void shot(Browser browser, String name) {
		browser.screenshot(name);
		assertThat(browser.missingGlyphs(name)).as("characters without a glyph on " + name).isEmpty();
	}
}
