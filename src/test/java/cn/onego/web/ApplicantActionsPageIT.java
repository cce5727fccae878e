package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.cases.CaseWorld;

/**
 * What an applicant does on their own case page — withdraws the application while it waits for the window, answers a
 * 补正 request with a file — and the 办事指南 on a matter's page, printable and as a PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicantActionsPageIT {

	@LocalServerPort
	int port;

	@Test
	void theApplicantWithdrawsTheirApplicationFromTheCasePage() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());

		try (Browser applicant = Browser.open(port)) {
			applicant.signInAsCitizen(world.citizen.username(), world.citizen.password());
			applicant.go("/case.html?id=" + caseId);
			applicant.waitForText("#state", "待受理");
			applicant.click("#withdrawal summary");
			applicant.screenshot("case-withdraw-form");
			applicant.type("#withdraw-reason", "店面租约未谈妥，暂不申请");
			applicant.click("#withdraw");
			applicant.waitForText("#state", "已撤回");
			String withdrawn = applicant.waitForText("#withdrawn", "本申请已撤回");
			assertThat(withdrawn).contains("店面租约未谈妥，暂不申请");
			assertThat(applicant.all("#withdraw-form")).as("nothing left to withdraw").isEmpty();
			assertThat(applicant.find("#history").getText()).contains("已撤回");
			assertThat(applicant.find("#rating").getText()).contains("无需评价");
			assertThat(applicant.cspViolations()).isEmpty();

			applicant.go("/case.html?id=" + caseId + "&lang=en");
			assertThat(applicant.waitForText("#withdrawn", "was withdrawn")).doesNotContain("WITHDRAWN");
			assertThat(applicant.find("#state").getText()).isEqualTo("Withdrawn");
		}
		assertThat(world.caseState(caseId)).isEqualTo("WITHDRAWN");
	}

	@Test
	void theApplicantAnswersASupplementRequestOnlineWithAFileAndSeesItHandedIn() throws IOException {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response asked = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/supplement-request", Map.of("version",
				world.caseVersion(caseId), "requests", List.of(Map.of("subject", "FOOD_LAYOUT_AND_PROCESS", "why", "布局图未标明操作间位置"))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		Path layout = Files.createTempFile("layout", ".pdf");
		Files.writeString(layout, "%PDF-1.4\n% 布局图 " + caseId + "\n%%EOF\n", StandardCharsets.UTF_8);

		try (Browser applicant = Browser.open(port)) {
			applicant.signInAsCitizen(world.citizen.username(), world.citizen.password());
			applicant.go("/case.html?id=" + caseId);
			String form = applicant.waitForText("#answer-supplement", "布局图未标明操作间位置");
			assertThat(form).as("the material by its name, never its code").doesNotContain("FOOD_LAYOUT_AND_PROCESS");
			applicant.screenshot("case-supplement-form");
			applicant.script("document.getElementById('answer-note').removeAttribute('maxlength');"
					+ "document.getElementById('answer-note').value = '笔'.repeat(1001)");
			applicant.click("#send-supplement");
			applicant.waitForText("#answer-supplement .field-error", "1000");
			assertThat(world.caseState(caseId)).as("a refused supplement changes nothing").isEqualTo("AWAITING_SUPPLEMENT");

			applicant.find("#answer-supplement input[type=file]").sendKeys(layout.toAbsolutePath().toString());
			applicant.type("#answer-note", "已补充标明操作间位置的布局图");
			applicant.click("#send-supplement");
			applicant.waitForText("#state", "待受理");
			assertThat(applicant.waitForText("#supplied", "您已提交补正材料")).contains("等待综合窗口受理");
			applicant.screenshot("case-supplement-handed-in");
			assertThat(applicant.all("#answer-supplement")).isEmpty();
			applicant.waitForText("#my-files", "下载");
			assertThat(applicant.cspViolations()).isEmpty();
		}
		finally {
			Files.deleteIfExists(layout);
		}
		assertThat(world.caseState(caseId)).isEqualTo("AWAITING_ACCEPTANCE");
	}

	@Test
	void theMatterPageShowsTheServiceGuideWithHallsAndFeesToPrintOrDownload() {
		try (Browser visitor = Browser.open(port)) {
			visitor.go("/matter.html?code=HN-RESALE-HOUSING-TRANSFER&region=430102");
			String guide = visitor.waitForText("#guide", "办理地点和时间");
			assertThat(guide).contains("收费依据", "不动产登记收费标准", "不收费", "设定依据", "实施部门", "办公时间", "咨询电话", "窗口办");
			assertThat(guide).doesNotContain("430102-HALL", "NATURAL_RESOURCES", "HN-");
			assertThat(visitor.all("#guide-halls li")).isNotEmpty();
			assertThat(visitor.find("#guide-pdf").getAttribute("href"))
				.endsWith("/api/v1/matters/HN-RESALE-HOUSING-TRANSFER/guide.pdf?region=430102");
			assertThat(visitor.find("#print-guide").getText()).isEqualTo("打印办事指南");
			visitor.script("document.getElementById('guide-section').scrollIntoView()");
			visitor.screenshot("matter-guide");
			assertThat(visitor.missingGlyphs("matter-guide")).isEmpty();

			visitor.go("/matter.html?code=HN-RESALE-HOUSING-TRANSFER&region=430102&lang=en");
			assertThat(visitor.waitForText("#guide", "Where and when")).contains("Fee", "Legal basis", "Free of charge", "Hours");
		}
	}
}
