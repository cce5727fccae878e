package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.cases.CaseWorld;
import cn.onego.cases.FilesOfACase;

/**
 * What was submitted, seen in the pages: a reviewer previews an uploaded PDF and an image inside the task page, the
 * window clerk the same in the case page; an applicant of another case is refused the same file; every view is in
 * the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FilePreviewIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReviewerPreviewsThePdfAndTheImageInTheTaskPageAndAnotherApplicantIsRefusedTheSameFile() {
		ApiClient api = new ApiClient(port);
		FilesOfACase files = new FilesOfACase(api);
		files.accepted();
		Map<String, Object> task = files.world.task(files.caseId, "HN-SCJG-ENT-REG");
		String reviewer = files.world.reviewerOf((String) task.get("department"), "-preview");

		try (Browser browser = Browser.open(port)) {
			browser.signIn(reviewer, CaseWorld.PASSWORD);
			browser.go("/department-task.html?case=" + files.caseId + "&task=" + task.get("id"));
			String image = ".submitted-file[data-file='" + files.pngId() + "'] img.file-preview";
			String pdf = ".submitted-file[data-file='" + files.pdfId() + "'] iframe.file-preview";
			browser.find(image);
			browser.find(pdf);
			browser.waitUntil("the image is shown", "document.querySelector(\"" + image + "\").complete && document.querySelector(\""
					+ image + "\").naturalWidth === 480");
			// the frame's document is the PDF itself, sandboxed: the page sees it arrive, not inside it
			assertThat(browser.find(pdf).getAttribute("src")).endsWith(files.filePath(files.pdfId()));
			String caption = browser.find(".submitted-file[data-file='" + files.pdfId() + "'] figcaption").getText();
			assertThat(caption).contains("申请人本人上传").contains("SHA-256 " + files.pdfId().substring(0, 12)).contains("下载原件")
				.doesNotContain(files.world.applicant);
			assertThat(browser.find(".submitted-file[data-file='" + files.pdfId() + "'] a.file-download").getAttribute("href"))
				.endsWith(files.filePath(files.pdfId()) + "?download=true");
			browser.waitUntil("the PDF was fetched into its frame", "performance.getEntriesByType('resource').some(e => e.name.endsWith('"
					+ files.filePath(files.pdfId()) + "'))");
			waitForView(reviewer, files.caseId, files.pdfId());
			assertThat(browser.cspViolations()).isEmpty();
			browser.screenshot("department-task-files");
			assertThat(browser.missingGlyphs("department-task-files")).isEmpty();
		}
		assertThat(views(reviewer, files.caseId, files.pngId())).as("the image's view by the reviewer").isEqualTo(1);
		assertThat(views(reviewer, files.caseId, files.pdfId())).as("the PDF's view by the reviewer").isEqualTo(1);

		String clerk = files.world.clerkOf(files.caseId);
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-case.html?id=" + files.caseId);
			String image = ".submitted-file[data-file='" + files.pngId() + "'] img.file-preview";
			window.waitUntil("the image is shown at the window", "document.querySelector(\"" + image + "\") && document.querySelector(\""
					+ image + "\").naturalWidth === 480");
			window.find(".submitted-file[data-file='" + files.pdfId() + "'] iframe.file-preview");
			waitForView(clerk, files.caseId, files.pdfId());
			window.screenshot("window-case-files");
		}

		CaseWorld other = new CaseWorld(api);
		Response refused = other.as(other.applicant, "GET", files.filePath(files.pdfId()), null);
		assertThat(refused.status()).as("an applicant of another case").isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(views(other.applicant, files.caseId, files.pdfId())).isZero();
	}

	private long views(String actor, String caseId, String fileId) {
		return jdbc.sql("SELECT count(*) FROM audit_record WHERE target = ? AND actor = ? AND action = 'read.attachment.view'")
			.params("case/" + caseId + "/file/" + fileId, actor)
			.query(Long.class)
			.single();
	}

	private void waitForView(String actor, String caseId, String fileId) {
		for (int i = 0; i < 100 && views(actor, caseId, fileId) == 0; i++) {
			CaseWorld.sleep(100);
		}
		assertThat(views(actor, caseId, fileId)).as("the view of " + fileId + " by " + actor + " is in the audit trail").isPositive();
	}
}
