package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.cases.CaseWorld;

/**
 * The documents in a browser: the applicant's case page lists the acceptance notice under 文书 and downloads it as a
 * PDF; the window's case page lists it too; the public verification page says "genuine" for its QR and for the PDF
 * uploaded as issued, and "altered" for a copy with a byte changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCasePagesListTheNoticeAndTheVerificationPageTellsTheIssuedFileFromAnAlteredCopy() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId))).status())
			.isEqualTo(200);
		String number = null;
		for (int attempt = 0; attempt < 200 && number == null; attempt++) {
			List<String> made = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/documents", null)
				.json("$[?(@.kind == 'ACCEPTANCE_NOTICE')].number");
			number = made.isEmpty() ? null : made.get(0);
			CaseWorld.sleep(150);
		}
		assertThat(number).as("the acceptance notice was made").isNotNull();
		byte[] pdf = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/documents/" + number, null).entity().getBody();

		try (Browser applicant = Browser.open(port)) {
			applicant.signInAsCitizen(world.citizen.username(), world.citizen.password());
			applicant.go("/case.html?id=" + caseId);
			String listed = applicant.waitForText("#document-list", "受理通知书");
			assertThat(listed).contains("长沙市芙蓉区政务服务中心", number);
			String href = applicant.find("#document-list a.document-link").getAttribute("href");
			String fetched = (String) applicant.script("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
					+ " return x.status + ' ' + x.getResponseHeader('Content-Type');", href);
			assertThat(fetched).isEqualTo("200 application/pdf");
			applicant.screenshot("case-documents");
		}
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-case.html?id=" + caseId);
			assertThat(window.waitForText("#document-list", "受理通知书")).contains(number);
		}

		String code = jdbc.sql("SELECT verification_code FROM official_document WHERE number = ?").param(number).query(String.class).single();
		try (Browser verifier = Browser.open(port)) {
			verifier.go("/document-verify.html?n=" + number + "&c=" + code);
			assertThat(verifier.waitForText("#verdict", "真实有效")).contains("受理通知书", "长沙市芙蓉区政务服务中心", "SM3withSM2");
			verifier.screenshot("document-verified");

			Path issued = Files.createTempFile("notice", ".pdf");
			Files.write(issued, pdf);
			verifier.find("#file").sendKeys(issued.toString());
			verifier.click("#by-upload button[type=submit]");
			verifier.waitUntil("the upload is verified", "document.querySelector('#verdict') && document.querySelector('#verdict').dataset.status === 'GENUINE'");

			byte[] altered = pdf.clone();
			altered[altered.length / 3] ^= 0x01;
			Path copy = Files.createTempFile("altered", ".pdf");
			Files.write(copy, altered);
			verifier.find("#file").clear();
			verifier.find("#file").sendKeys(copy.toString());
			verifier.click("#by-upload button[type=submit]");
			verifier.waitUntil("the altered copy fails", "document.querySelector('#verdict') && document.querySelector('#verdict').dataset.status !== 'GENUINE'");
			assertThat(verifier.find("#verdict").getText()).doesNotContain("真实有效");
			assertThat(verifier.cspViolations()).isEmpty();
			Files.delete(issued);
			Files.delete(copy);
		}
	}

	@Test
	void theAdministratorSeesTheTextsInForceAndATextWithAnUnknownPlaceholderIsRefusedOnThePage() {
		try (Browser admin = Browser.open(port)) {
			admin.signIn("admin", "onego-admin");
			admin.go("/admin.html");
			assertThat(admin.waitForText("#templates", "受理通知书")).contains("不予受理通知书", "送达回证", "随系统提供");
			admin.select("#template-kind", "NON_ACCEPTANCE_NOTICE");
			admin.click("#template-load");
			assertThat(admin.find("#template-remedy").getAttribute("value")).contains("六十日内", "行政复议");
			admin.find("#template-paragraphs").clear();
			admin.type("#template-paragraphs", "{applicant}：{nonsense}");
			admin.click("#template-form button[type=submit]");
			assertThat(admin.waitForText("#template-result", "nonsense")).contains("未知的占位符");
			assertThat(jdbc.sql("SELECT count(*) FROM document_template WHERE kind = 'NON_ACCEPTANCE_NOTICE' AND scope = 'default'")
				.query(Long.class).single()).isZero();
			assertThat(admin.cspViolations()).isEmpty();
			admin.screenshot("admin-document-templates");
		}
	}
}
