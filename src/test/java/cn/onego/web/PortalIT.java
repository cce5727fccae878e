package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * The citizen's portal in a real browser: registering, finding a matter by life event and by search, its
 * reduction figures, the questionnaire's live consequences, consent and prefill, the merged form, an
 * upload, the submission and the case — each page screenshot and checked for missing glyphs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalIT {

	static final String PASSWORD = "portal-password";

	@LocalServerPort
	int port;

	@Test
	void aNewCitizenRegistersFindsRetirementAppliesOnceWithPrefillAndFollowsTheCase() throws Exception {
		ApiClient api = new ApiClient(port);
		String idNumber = Identities.idNumber();
		String username = "portal" + System.nanoTime() % 1_000_000_000L;
		String name = "王退休";
		String mobile = Citizens.mobile();
		seedRegistries(api, idNumber, name, mobile);

		try (Browser browser = Browser.open(port)) {
			register(browser, port, username, name, idNumber, mobile, "/");
			glyphsOf(browser, "portal-home");

			// by life event: the citizens' retirement theme lists the matter
			assertThat(browser.waitForText("#theme-RETIREMENT", "退休一件事")).contains("退休一件事")
				.as("a national key matter says so, with its batch").contains("国家重点事项 · 2024年第一批");
			// and by search
			browser.type("#q", "退休").click("#search button[type=submit]");
			assertThat(browser.waitForText("#results", "退休一件事")).contains("退休一件事");
			browser.screenshot("portal-search");
			browser.click("#results a[href*='HN-RETIREMENT']").waitForPath("/matter.html");

			// the matter page shows what applying once saves, as "was → now"
			String figures = browser.waitForText("#figures", "材料");
			assertThat(figures).contains("→").contains("跑动次数").contains("时限");
			assertThat(browser.all("#figures .figure .was")).hasSize(5);
			assertThat(figures).as("the days before both ways, each labelled").contains("时限（承诺）").contains("按法定时限：");
			assertThat(browser.find("#items").getText()).contains("职工基本养老保险待遇申领");
			glyphsOf(browser, "portal-matter");
			browser.click("#apply").waitForPath("/apply.html");

			String caseNumber = applyOnlineWithConsentAndPrefill(browser, name);

			browser.click("#case").waitForPath("/case.html");
			assertThat(browser.find("#number").getText()).isEqualTo(caseNumber);
			assertThat(browser.find("#state").getText()).isEqualTo("待受理");
			assertThat(browser.find("#history").getText()).contains("提交申请");
			glyphsOf(browser, "portal-case");

			browser.go("/my.html");
			assertThat(browser.waitForText("#case-table", caseNumber)).contains("退休一件事").contains("待受理");
			assertThat(browser.find("#application-list").getText()).contains("已提交");
			glyphsOf(browser, "portal-my");
		}

		// what was stored: the correction with its reason, prefilled values as such, the upload
		Citizens.signInToApi(api, username, PASSWORD);
		List<Map<String, Object>> applications = api.send("GET", "/api/v1/applications", username, PASSWORD, null).json("$");
		assertThat(applications).hasSize(1);
		Map<?, ?> form = (Map<?, ?>) applications.get(0).get("form");
		assertThat(((Map<?, ?>) form.get("RESIDENCE_ADDRESS")).get("source")).isEqualTo("CORRECTED");
		assertThat(((Map<?, ?>) form.get("RESIDENCE_ADDRESS")).get("correctionReason")).isEqualTo("已搬家");
		assertThat(((Map<?, ?>) form.get("EMPLOYER_NAME")).get("source")).isEqualTo("PREFILLED");
		Map<?, ?> attachments = (Map<?, ?>) ((Map<?, ?>) applications.get(0).get("materials")).get("attachments");
		assertThat(attachments.containsKey("PERSONNEL_FILE")).as("the personnel file is attached").isTrue();
		assertThat(((Map<?, ?>) applications.get(0).get("delivery")).get("method")).isEqualTo("FREE_MAIL");
	}

	@Test
	void someoneElsesIdNumberWithAWrongNameIsRefusedAtTheIdentityPlatformAndOpensNoAccount() {
		ApiClient api = new ApiClient(port);
		String victim = Identities.idNumber();
		String mobile = Citizens.mobile();
		Citizens.putOnRecord(api, "赵真名", victim, mobile);
		String username = "portalbad" + System.nanoTime() % 1_000_000_000L;
		try (Browser browser = Browser.open(port)) {
			browser.go("/register.html");
			browser.click("#citizen-sign-in").waitForPath("/idp/login");
			browser.click("a[href='/idp/register.html']").waitForPath("/idp/register.html");
			browser.type("#name", "钱冒名").type("#idNumber", victim).type("#username", username).type("#password", PASSWORD);
			browser.click("#step1 button[type=submit]");
			assertThat(browser.waitForText("#message", "未能通过核验")).as("one neutral answer, in Chinese")
				.contains("姓名和公民身份号码未能通过核验");
			assertThat((Boolean) browser.script("return document.getElementById('step2').hidden")).as("no code was asked for").isTrue();
			glyphsOf(browser, "idp-register-refused");
		}
		assertThat((List<?>) api.get("/idp/api/demo/sms?mobile=" + mobile).json("$.messages")).as("nothing reached the victim's phone")
			.isEmpty();
		assertThat(Citizens.tryToSignIn(api, username, PASSWORD)).as("no account was opened").isFalse();
	}

	@Test
	void anyoneWithTheReceiptFollowsTheCaseOnTheProgressPageWithoutSigningIn() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertThat(world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId))).status()).isEqualTo(200);
		var receipt = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null);
		String number = receipt.json("$.number");
		try (Browser browser = Browser.open(port)) {
			browser.go("/progress.html");
			browser.type("#number", number).type("#code", "00000000").click("#lookup button[type=submit]");
			assertThat(browser.waitForText("#message", "未找到")).as("a wrong code finds nothing").contains("未找到");
			browser.type("#code", receipt.json("$.queryCode")).click("#lookup button[type=submit]");
			assertThat(browser.waitForText("#progress-state", "办理中")).contains("办理中");
			assertThat(browser.find("#progress-departments").getText()).contains("芙蓉区市场监督管理局");
			assertThat(browser.find("main").getText()).as("nothing personal").doesNotContain("陈创业").doesNotContain(world.idNumber);
			glyphsOf(browser, "portal-progress");
		}
	}

	@Test
	void theHomeMatterAndApplyPagesFitAPhoneWithoutScrollingSideways() {
		try (Browser browser = Browser.open(port, new Dimension(390, 844))) {
			browser.go("/");
			browser.waitForText("#themes", "退休");
			assertThat(overflow(browser)).as("home page overflow in px").isLessThanOrEqualTo(0L);
			browser.screenshot("portal-home-phone");

			browser.go("/matter.html?code=HN-RETIREMENT");
			browser.waitForText("#figures", "材料");
			assertThat(overflow(browser)).as("matter page overflow in px").isLessThanOrEqualTo(0L);
			browser.screenshot("portal-matter-phone");

			browser.go("/apply.html?matter=HN-RETIREMENT");
			browser.waitForText("#questions", "退休类型");
			assertThat(overflow(browser)).as("apply page overflow in px").isLessThanOrEqualTo(0L);
			browser.screenshot("portal-apply-phone");
			assertThat(browser.script("return innerWidth")).as("the page is as wide as a phone").isEqualTo(390L);
		}
	}

	@Test
	void anAddressThatDoesNotExistShowsAPageWithTheWaysOnToABrowserAndAProblemToAProgram() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/no-such-page-" + UUID.randomUUID());
			browser.waitForText("h1", "页面不存在");
			assertThat(browser.find("main").getText()).contains("查找要办的事", "12345").doesNotContain("{", "status");
			assertThat(browser.cspViolations()).isEmpty();
		}
		ApiClient api = new ApiClient(port);
		ApiClient.Response page = api.get("/no-such-page.html", null, null, "Accept", "text/html,application/xhtml+xml");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.contentType()).startsWith("text/html");
		ApiClient.Response program = api.get("/no-such-page.html");
		assertThat(program.status()).isEqualTo(404);
		assertThat(program.contentType()).startsWith("application/problem+json");
		ApiClient.Response api404 = api.get("/api/v1/no-such-endpoint", null, null, "Accept", "text/html");
		assertThat(api404.status()).as("under /api/ a problem, even to a browser").isIn(401, 404);
		assertThat(api404.contentType()).startsWith("application/problem+json");
	}

	@Test
	void theCasePageShowsTheDepartmentsTasksAndTheReceiptAndTakesARatingOnceTheCaseIsClosed() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		Map<String, List<String>> answers = world.firstOptions("HN-RETIREMENT");
		String accepted = world.apply("HN-RETIREMENT", answers, Set.of(), Set.of());
		String clerk = world.clerkOf(accepted);
		var acceptance = world.as(clerk, "POST", "/api/v1/cases/" + accepted + "/acceptance",
				Map.of("version", world.caseVersion(accepted)));
		assertThat(acceptance.status()).as(acceptance.body()).isEqualTo(200);
		String refused = world.apply("HN-RETIREMENT", answers, Set.of(), Set.of());
		var refusal = world.as(world.clerkOf(refused), "POST", "/api/v1/cases/" + refused + "/refusal",
				Map.of("version", world.caseVersion(refused), "reason", "申请人已撤回申请", "legalBasis", "《中华人民共和国行政许可法》第三十二条"));
		assertThat(refusal.status()).as(refusal.body()).isEqualTo(200);

		try (Browser browser = Browser.open(port)) {
			browser.signInAsCitizen(world.applicant, world.citizen.password());
			browser.go("/case.html?id=" + accepted);
			assertThat(browser.find("#state").getText()).isEqualTo("办理中");
			String tasks = browser.find("#tasks").getText();
			assertThat(tasks).contains("职工基本养老保险待遇申领").contains("人力资源").contains("正常");
			assertThat(browser.find("#receipt-card").getText()).contains(browser.find("#number").getText()).contains("已收材料");
			assertThat(browser.find("#history").getText()).contains("提交申请").contains("综合窗口受理");
			assertThat(browser.find("#rating").getText()).contains("办结后可对本次服务进行评价");
			glyphsOf(browser, "portal-case-in-progress");

			browser.go("/case.html?id=" + refused);
			assertThat(browser.find("#state").getText()).isEqualTo("不予受理");
			browser.click("#level-5").click("#rating-form button[type=submit]");
			browser.waitForText("#rating-form", "差评请写明不满意的原因");
			String nextToComment = (String) browser.script(
					"const n = document.getElementById('comment').nextElementSibling; return n && n.classList.contains('field-error') ? n.textContent : null");
			assertThat(nextToComment).contains("差评请写明不满意的原因");
			assertThat(api.send("GET", "/api/v1/cases/" + refused + "/rating", world.applicant, CaseWorld.PASSWORD, null).status())
				.as("nothing was rated").isEqualTo(404);
			glyphsOf(browser, "portal-case-rating-refused");

			browser.type("#comment", "材料要求没有一次讲清楚");
			browser.click("#rating-form button[type=submit]");
			assertThat(browser.waitForText("#rated", "非常不满意")).contains("材料要求没有一次讲清楚");
			glyphsOf(browser, "portal-case-rated");
		}
		assertThat((String) api.send("GET", "/api/v1/cases/" + refused + "/rating", world.applicant, CaseWorld.PASSWORD, null)
			.json("$.level")).isEqualTo("VERY_DISSATISFIED");
	}

	@Test
	void aSignedCommitmentReplacesItsMaterialLiveAndIsKeptInTheSavedDraft() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		try (Browser browser = Browser.open(port)) {
			browser.signInAsCitizen(world.applicant, world.citizen.password());
			browser.go("/apply.html?matter=HN-POSTHUMOUS");
			browser.click("#a-DEATH_KIND-NATURAL");
			browser.waitUntil("the next questions are asked", "document.getElementById('a-HELD_DRIVING_LICENCE-NO')");
			browser.click("#a-HELD_DRIVING_LICENCE-NO");
			browser.waitUntil("the driving licence is answered", "document.getElementById('a-HELD_DRIVING_LICENCE-NO').checked");
			browser.click("#a-INSURANCE_ACCOUNTS-PENSION");
			browser.waitForText("#outcome", "情形已确定");
			assertThat(browser.find("#material-list li[data-material=KINSHIP_PROOF]").getText()).contains("需上传");

			browser.click("#no-consent");
			browser.waitForText("#consent-message", "未授权");
			// the form is step 2; the materials are step 3, reached from the progress indicator
			browser.click("#step-link-3");
			browser.waitForText("#step-status", "第 3 步，共 4 步");
			assertThat(browser.find("#material-KINSHIP_PROOF").getText()).contains("承诺书");
			assertThat(browser.all("#file-KINSHIP_PROOF")).hasSize(1);
			browser.click("#commit-KINSHIP_PROOF");
			browser.waitUntil("the material is now covered by the commitment",
					"document.querySelector('#material-list li[data-material=KINSHIP_PROOF]').textContent.includes('告知承诺')");
			assertThat(browser.all("#file-KINSHIP_PROOF")).as("nothing to upload for a committed material").isEmpty();
			glyphsOf(browser, "portal-apply-commitment");

			browser.click("#save");
			browser.waitForText("#saved", "草稿已保存");

			// the draft is listed in my.html and continues where it was left
			browser.go("/my.html");
			assertThat(browser.waitForText("#application-list", "身后一件事")).contains("草稿");
			browser.click("#application-list a[href*='draft=']").waitForPath("/apply.html");
			// at the step it was left at, with the answers of step 1 kept
			browser.waitForText("#step-status", "第 3 步，共 4 步");
			assertThat(browser.script("return document.getElementById('consent').textContent")).asString().contains("继续填写草稿");
			assertThat(browser.script("return document.getElementById('a-INSURANCE_ACCOUNTS-PENSION').checked")).isEqualTo(true);
			assertThat(browser.find("#commit-KINSHIP_PROOF").isSelected()).isTrue();
			glyphsOf(browser, "portal-apply-resumed");
		}
		List<List<String>> commitments = api.send("GET", "/api/v1/applications?status=DRAFT", world.applicant, CaseWorld.PASSWORD, null)
			.json("$[*].commitments");
		assertThat(commitments).containsExactly(List.of("KINSHIP_PROOF"));
	}

	@Test
	void thePortalSpeaksEnglishWhenAsked() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/?lang=en");
			assertThat(browser.find("h1").getText()).isEqualTo("Apply once for a life event");
			assertThat(browser.waitForText("#themes", "Retirement")).contains("Citizens: life events")
				.contains("National key matter · 2024, batch 1");
			browser.go("/matter.html?code=HN-RETIREMENT");
			assertThat(browser.find("h1").getText()).isEqualTo("Retirement");
			assertThat(browser.find(".national-badge").getText()).isEqualTo("National key matter · 2024, batch 1");
			assertThat(browser.find("#figures").getText()).contains("Materials").contains("Trips").contains("Time limit (promised)")
				.contains("By legal limits: ");
			browser.go("/apply.html?matter=HN-RETIREMENT");
			assertThat(browser.waitForText("#questions", "Kind of retirement?")).contains("Statutory retirement age");
			assertThat(browser.find("#consent").getText()).contains("Sign in");
		}
	}

	@Test
	void aHallKioskGetsLargeTargetsForTheWholeVisit() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/?kiosk");
			browser.waitForText("#themes", "退休");
			browser.go("/matter.html?code=HN-RETIREMENT");
			assertThat(browser.script("return document.body.classList.contains('kiosk')")).isEqualTo(true);
			Number height = (Number) browser.script("return document.getElementById('apply').getBoundingClientRect().height");
			assertThat(height.doubleValue()).as("the apply button is a large target").isGreaterThanOrEqualTo(56);
		}
	}

	/**
	 * On the retirement matter's apply page: the questionnaire, consent for the registries (seeded with
	 * {@link #seedRegistries}), the prefilled form with one correction, an upload, free mail, submission.
	 * Returns the number of the case the confirmation names.
	 */
	static String applyOnlineWithConsentAndPrefill(Browser browser, String name) throws Exception {
		return applyOnlineWithConsentAndPrefill(browser, name, false);
	}

	/** As above; with the housing fund the withdrawal applies too (its account prefilled from the registry). */
	static String applyOnlineWithConsentAndPrefill(Browser browser, String name, boolean housingFund) throws Exception {
		answerTheQuestionnaire(browser);
		if (housingFund) {
			browser.click("#a-HAS_HOUSING_FUND-YES");
			browser.waitForText("#applicable-items", "住房公积金提取");
		}
		glyphsOf(browser, "portal-apply-questions");

		// consent shown plainly, then the draft is prefilled from the registries seeded above
		assertThat(browser.find("#consent-scope").getText()).contains("人口库").contains("社会保险库");
		browser.waitUntil("the counties of 长沙市 are listed", "document.querySelector('#region option[value=\"430102\"]')");
		browser.select("#region", "430102");
		browser.click("#grant");
		assertThat(browser.waitForText("#consent-message", "已授权")).contains("已预填");
		assertThat(browser.find("#f-APPLICANT_NAME").getDomProperty("value")).isEqualTo(name);
		assertThat(browser.find("#f-EMPLOYER_NAME").getDomProperty("value")).isEqualTo("长沙门户测试机械厂");
		assertThat(browser.find("label[for=f-EMPLOYER_NAME]").getText()).contains("已预填");

		// a prefilled value corrected, with its reason
		browser.type("#f-RESIDENCE_ADDRESS", "湖南省长沙市芙蓉区解放西路8号");
		browser.type("#c-RESIDENCE_ADDRESS", "已搬家");
		browser.type("#f-BANK_NAME", "中国工商银行长沙分行");
		browser.type("#f-BANK_ACCOUNT", "6222020200112233445");
		browser.type("#f-CONTACT_MOBILE", "13900002222");
		browser.click("#next");
		browser.waitForText("#step-status", "第 3 步，共 4 步");

		// the personnel file is held by no registry: uploaded as a PDF
		Path pdf = Files.createTempFile("personnel-file", ".pdf");
		Files.writeString(pdf, "%PDF-1.4\n% personnel file\n%%EOF\n", StandardCharsets.US_ASCII);
		browser.find("#file-PERSONNEL_FILE").sendKeys(pdf.toAbsolutePath().toString());
		browser.waitForText("#file-PERSONNEL_FILE-status", "已上传");
		browser.click("#next");
		browser.waitForText("#step-status", "第 4 步，共 4 步");

		browser.click("#delivery-FREE_MAIL");
		browser.type("#delivery-mobile", "13900002222");
		browser.type("#address", "湖南省长沙市芙蓉区解放西路8号");
		glyphsOf(browser, "portal-apply-form");

		browser.click("#submit");
		assertThat(browser.waitForText("#main h1", "申请已提交")).isEqualTo("申请已提交");
		// the case is opened just after the submission: the page looks for it and then names it
		String caseNumber = browser.find("#case-number").getText();
		assertThat(caseNumber).isNotBlank();
		glyphsOf(browser, "portal-confirmation");
		return caseNumber;
	}

	/** The questionnaire: each answer changes the items that apply, without leaving the page. */
	static void answerTheQuestionnaire(Browser browser) {
		browser.waitForText("#questions", "退休类型");
		browser.click("#a-RETIREMENT_KIND-STATUTORY_AGE");
		browser.waitForText("#questions", "住房公积金");
		browser.click("#a-HAS_HOUSING_FUND-YES");
		assertThat(browser.waitForText("#applicable-items", "住房公积金提取")).contains("职工基本养老保险待遇申领");
		int withFund = browser.all("#applicable-items li").size();
		browser.click("#a-HAS_HOUSING_FUND-NO");
		browser.waitUntil("the housing fund withdrawal no longer applies",
				"!document.getElementById('applicable-items').textContent.includes('住房公积金提取')");
		assertThat(browser.all("#applicable-items li")).hasSize(withFund - 1);
		assertThat(browser.find("#outcome").getText()).contains("情形已确定");
	}

	/**
	 * A new citizen registers as citizens do: the portal's sign-in leads to the identity platform, which checks
	 * the name and ID number against the population registry and sends a code to the mobile number on record;
	 * the code is read on the person's phone (a second browser on the simulated SMS inbox); they sign in there
	 * and come back to the portal, where the page asked for opens with their name.
	 */
	static void register(Browser browser, int port, String username, String name, String idNumber, String mobile, String next) {
		browser.go("/login.html?continue=" + next);
		browser.click("#citizen-sign-in").waitForPath("/idp/login");
		browser.click("a[href='/idp/register.html']").waitForPath("/idp/register.html");
		browser.type("#name", name).type("#idNumber", idNumber).type("#username", username).type("#password", PASSWORD);
		browser.click("#step1 button[type=submit]");
		browser.waitUntil("the code is sent to the mobile on record", "!document.getElementById('step2').hidden");
		String code;
		try (Browser phone = Browser.open(port)) {
			phone.go("/idp/demo/sms.html");
			phone.type("#mobile", mobile).click("#lookup button[type=submit]");
			Matcher latest = Pattern.compile("验证码为 (\\d{6})").matcher(phone.waitForText("#inbox", "验证码为"));
			assertThat(latest.find()).as("a code reached the phone").isTrue();
			code = latest.group(1);
		}
		browser.type("#code", code).click("#step2 button[type=submit]");
		browser.waitUntil("registered", "!document.getElementById('done').hidden");
		browser.click("#done a").waitForPath("/idp/login");
		browser.type("#username", username).type("#password", PASSWORD).click("#login button[type=submit]");
		browser.waitUntil("back on the portal, signed in", "location.pathname === '" + next + "'");
		browser.ready();
		assertThat(browser.find("header.top").getText()).contains(name);
	}

	/** What the shared registries and the e-licence library hold about the new citizen. */
	static void seedRegistries(ApiClient api, String idNumber, String name, String mobile) {
		Map<String, Map<String, Object>> records = Map.of(
				"POPULATION", Map.of("APPLICANT_NAME", name, "APPLICANT_ID_NUMBER", idNumber, "MOBILE", mobile),
				"SOCIAL_SECURITY", Map.of("EMPLOYER_NAME", "长沙门户测试机械厂", "SOCIAL_SECURITY_NUMBER", idNumber),
				"GEOGRAPHY", Map.of("RESIDENCE_ADDRESS", "湖南省长沙市芙蓉区五一大道9号"));
		records.forEach((registry, data) -> assertThat(api
			.send("PUT", "/api/v1/admin/registries/" + registry + "/records/" + idNumber, "admin", "onego-admin", data)
			.status()).isEqualTo(200));
		for (List<String> licence : List.of(List.of("RESIDENT_ID_CARD", idNumber, "居民身份证", "长沙市公安局芙蓉分局"),
				List.of("SOCIAL_SECURITY_CARD", "SSC-" + idNumber, "社会保障卡", "湖南省人力资源和社会保障厅"))) {
			var answer = api.send("POST", "/api/v1/admin/e-licences", "admin", "onego-admin", Map.of("holder", idNumber,
					"licenceType", licence.get(0), "number", licence.get(1), "name", licence.get(2), "issuer", licence.get(3)));
			assertThat(answer.status()).as(answer.body()).isEqualTo(201);
		}
	}

	static void glyphsOf(Browser browser, String name) {
		browser.screenshot(name);
		assertThat(browser.missingGlyphs(name)).as("characters without a glyph on " + name).isEmpty();
	}

	private static long overflow(Browser browser) {
		return ((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
	}
}
