package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.cases.CaseWorld;
import cn.onego.credit.CreditRecords;

/**
 * The credit pages in a real browser: the listed citizen reads their listing and how to repair it in sentences (no
 * codes, no staff names) and appeals it; the credit administrator of the city finds it, dismisses the appeal and lifts
 * it, after which the green channel is open again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CreditPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	CreditRecords credit;

	@Autowired
	Clock clock;

	@Test
	void theSubjectReadsAndAppealsTheirListingAndTheCreditAdministratorDecidesAndLiftsIt() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertThat(world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId))).status()).isEqualTo(200);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		String admin = "cr-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", admin, "password",
				CaseWorld.PASSWORD, "name", "信用管理员", "roles", List.of("CREDIT_ADMIN"), "region", "430100")).status()).isEqualTo(201);
		Response listed = api.send("POST", "/api/v1/credit/listings", admin, CaseWorld.PASSWORD, Map.of("subject", world.idNumber,
				"reason", "提交伪造的场地使用证明", "evidenceCase", number, "until", LocalDate.now(clock).plusYears(1).toString()));
		assertThat(listed.status()).as(listed.body()).isEqualTo(201);
		String id = listed.json("$.id");

		try (Browser browser = Browser.open(port)) {
			browser.signInAsCitizen(world.applicant, world.citizen.password());
			browser.go("/credit.html");
			String shown = browser.waitForText("#listings", "正在生效");
			assertThat(shown).contains("提交伪造的场地使用证明").contains(number).contains("列入失信记录").contains("容缺受理").contains("芙蓉区");
			assertThat(browser.all("#repair li")).hasSize(6);
			assertThat(browser.find("#repair").getText()).contains("信用承诺").contains("政务服务大厅");
			String page = browser.find("main").getText();
			assertThat(page).doesNotContain("ACTIVE").doesNotContain("LISTED").doesNotContain(admin);
			PortalIT.glyphsOf(browser, "credit-mine");

			browser.click("form.appeal button[type=submit]");
			browser.waitForText("#listings", "申诉");
			assertThat(credit.listings(world.idNumber).get(0).stored().name()).as("an empty statement is refused").isEqualTo("ACTIVE");
			browser.type("#statement-" + id, "证明材料系出租方提供，本人不知情");
			browser.click("form.appeal button[type=submit]");
			browser.waitForText("#listings", "正在处理您的申诉");
			assertThat(browser.find("#listings").getText()).contains("您提出了申诉").doesNotContain("UNDER_APPEAL");

			browser.go("/credit.html?lang=en");
			assertThat(browser.waitForText("#listings", "Your appeal is being decided")).contains("You appealed");
			assertThat(browser.find("#repair").getText()).contains("credit commitment");
			PortalIT.glyphsOf(browser, "credit-mine-en");
		}

		try (Browser browser = Browser.open(port)) {
			browser.signIn(admin, CaseWorld.PASSWORD);
			assertThat(browser.path()).startsWith("/credit-admin.html");
			browser.type("#subject", world.idNumber).click("#search button[type=submit]");
			browser.waitForText("#results", "申诉处理中");
			browser.click("#listing-table a");
			browser.waitForText("#detail", "主体申诉");
			browser.click("form.decision input[value=false]");
			browser.type("#decision-reason", "出租方证明材料的真实性已核实为伪造");
			browser.click("form.decision button[type=submit]");
			browser.waitForText("#detail", "申诉不成立");
			PortalIT.glyphsOf(browser, "credit-admin");
			browser.type("#lift-reason", "已补交真实材料并签署信用承诺书，完成信用修复");
			browser.click("form.lift button[type=submit]");
			assertThat(browser.waitForText("#detail", "已移出")).contains("信用修复，移出").contains(admin);
			browser.waitForText("#results", "已移出");
		}
		assertThat(credit.blacklisted(world.idNumber)).isFalse();
	}
}
