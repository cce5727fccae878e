package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * The files submitted for a case, through the API: listed with the material's name, the uploader as a sentence, the
 * time, size, type and hash; previews of images and PDFs inline, watermarked for the viewer's department; the
 * original downloaded byte for byte; refused to whoever does not handle the case; each view in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class CaseFilesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;
	FilesOfACase files;

	@BeforeEach
	void aCaseWithAPdfAndAnImage() {
		api = new ApiClient(port);
		files = new FilesOfACase(api);
	}

	@Test
	void listsEachFileWithItsMaterialUploaderTimeSizeTypeAndHash() {
		Response listed = files.world.as(files.world.clerkOf(files.caseId), "GET", "/api/v1/cases/" + files.caseId + "/files", null);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		List<Map<String, Object>> pdf = listed.json("$[?(@.id == '" + files.pdfId() + "')]");
		assertThat(pdf).hasSize(1);
		Map<String, Object> file = pdf.get(0);
		assertThat(file).containsEntry("material", files.pdfMaterial).containsEntry("mediaType", "application/pdf")
			.containsEntry("size", files.pdf.length).containsEntry("sha256", files.pdfId()).containsEntry("inline", true)
			.containsEntry("origin", "APPLICATION");
		assertThat((Map<String, Object>) file.get("materialName")).containsKeys("zh", "en");
		assertThat((String) ((Map<String, Object>) file.get("materialName")).get("zh")).isNotBlank().isNotEqualTo(files.pdfMaterial);
		assertThat((Map<String, Object>) file.get("uploadedBy")).containsEntry("zh", "申请人本人上传").containsEntry("en", "Uploaded by the applicant");
		assertThat((String) file.get("uploadedAt")).isNotBlank();
		assertThat(listed.body()).as("no username of anybody").doesNotContain(files.world.applicant);
		List<Map<String, Object>> png = listed.json("$[?(@.id == '" + files.pngId() + "')]");
		assertThat(png).singleElement().satisfies(f -> assertThat(f).containsEntry("mediaType", "image/png").containsEntry("inline", true));
	}

	@Test
	void downloadsTheOriginalByteForByteWithHeadersThatLetNothingRun() {
		Response original = files.world.as(files.world.clerkOf(files.caseId), "GET", files.filePath(files.pdfId()) + "?download=true",
				null);
		assertThat(original.status()).isEqualTo(200);
		assertThat(original.entity().getBody()).isEqualTo(files.pdf);
		assertThat(FilesOfACase.sha256(original.entity().getBody())).isEqualTo(files.pdfId());
		HttpHeaders headers = original.entity().getHeaders();
		assertThat(original.contentType()).isEqualTo("application/pdf");
		assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'")
			.doesNotContain("script-src");
		assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
	}

	@Test
	void previewsForAReviewerCarryTheDepartmentsWatermarkAndTheOriginalStaysUnchanged() throws IOException {
		files.accepted();
		Map<String, Object> task = files.world.task(files.caseId, "HN-SCJG-ENT-REG");
		String department = (String) task.get("department");
		String reviewer = files.world.reviewerOf(department, "-files");
		String departmentName = api.get("/api/v1/departments/" + department).json("$.name");

		Response pdf = files.world.as(reviewer, "GET", files.filePath(files.pdfId()) + "?watermark=true", null);
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		assertThat(pdf.entity().getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline");
		assertThat(pdf.entity().getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		try (PDDocument doc = Loader.loadPDF(pdf.entity().getBody())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("仅供" + departmentName + "办理使用").contains("Premises");
		}

		Response png = files.world.as(reviewer, "GET", files.filePath(files.pngId()) + "?watermark=true", null);
		assertThat(png.status()).isEqualTo(200);
		assertThat(png.contentType()).isEqualTo("image/png");
		BufferedImage marked = ImageIO.read(new ByteArrayInputStream(png.entity().getBody()));
		BufferedImage original = ImageIO.read(new ByteArrayInputStream(files.png));
		assertThat(marked.getWidth()).isEqualTo(original.getWidth());
		assertThat(marked.getHeight()).isEqualTo(original.getHeight());
		assertThat(changedPixels(original, marked)).as("the watermark is drawn across the image").isGreaterThan(1_000);

		Response unmarked = files.world.as(reviewer, "GET", files.filePath(files.pngId()) + "?watermark=false", null);
		assertThat(unmarked.entity().getBody()).isEqualTo(files.png);
		Response download = files.world.as(reviewer, "GET", files.filePath(files.pngId()) + "?download=true&watermark=true", null);
		assertThat(FilesOfACase.sha256(download.entity().getBody())).as("a download is the original").isEqualTo(files.pngId());
	}

	@Test
	void refusesWhoeverDoesNotHandleTheCaseAndTellsThemNothing() {
		files.accepted();
		String path = files.filePath(files.pdfId());
		String otherClerk = files.world.clerkOfHall("430100-HALL");
		String reviewerWithoutTask = files.world.reviewerOf("430103-MARKET_REGULATION", "-no-task");
		CaseWorld other = new CaseWorld(api);
		for (String user : List.of(otherClerk, reviewerWithoutTask, other.applicant)) {
			for (String target : List.of(path, path + "?download=true", "/api/v1/cases/" + files.caseId + "/files")) {
				Response refused = other.as(user, "GET", target, null);
				assertThat(refused.status()).as(user + " " + target).isEqualTo(404);
				assertThat(refused.contentType()).startsWith("application/problem+json");
				assertThat(refused.body()).doesNotContain("PDF").doesNotContain(files.pdfMaterial);
			}
		}
		Response anonymous = api.get(path);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		Response supervisor = files.world.as(CaseWorld.OBSERVER, "GET", path, null);
		assertThat(supervisor.status()).as("supervisors follow progress, not what was submitted").isEqualTo(403);
		assertThat(supervisor.contentType()).startsWith("application/problem+json");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE target = ?").param("case/" + files.caseId + "/file/" + files.pdfId())
			.query(Long.class).single()).as("a refusal opened nothing").isZero();
	}

	@Test
	void aNulByteAMalformedIdOrAnotherCasesFileGiveACleanProblem() {
		String clerk = files.world.clerkOf(files.caseId);
		FilesOfACase another = new FilesOfACase(api);
		String base = "/api/v1/cases/" + files.caseId + "/files/";
		Response nul = files.world.as(clerk, "GET", base + "ab%00cd", null);
		assertThat(nul.status()).isIn(400, 404);
		assertThat(nul.contentType()).startsWith("application/problem+json");
		Response malformed = files.world.as(clerk, "GET", base + "not-a-hash", null);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");
		assertThat(malformed.<String>json("$.errors[0].field")).isEqualTo("fileId");
		Response elsewhere = files.world.as(clerk, "GET", base + another.pdfId(), null);
		assertThat(elsewhere.status()).as("a file of another case is not in this one").isEqualTo(404);
		assertThat(elsewhere.contentType()).startsWith("application/problem+json");
		Response huge = files.world.as(clerk, "GET", base + "a".repeat(5_000), null);
		assertThat(huge.status()).isIn(400, 404, 414);
	}

	@Test
	void everyViewAndDownloadIsRecordedWithWhoWhichFileAndWhichCase() {
		String clerk = files.world.clerkOf(files.caseId);
		String target = "case/" + files.caseId + "/file/" + files.pngId();
		assertThat(files.world.as(clerk, "GET", files.filePath(files.pngId()), null).status()).isEqualTo(200);
		assertThat(files.world.as(clerk, "GET", files.filePath(files.pngId()) + "?download=true", null).status()).isEqualTo(200);
		assertThat(files.world.as(files.world.applicant, "GET", files.filePath(files.pngId()), null).status())
			.as("the applicant opens their own file").isEqualTo(200);
		List<Map<String, Object>> records = jdbc.sql("SELECT actor, action, reason FROM audit_record WHERE target = ? ORDER BY id")
			.param(target)
			.query()
			.listOfRows();
		assertThat(records).hasSize(3);
		assertThat(records.get(0)).containsEntry("actor", clerk).containsEntry("action", "read.attachment.view");
		assertThat(records.get(1)).containsEntry("actor", clerk).containsEntry("action", "read.attachment.download");
		assertThat((String) records.get(0).get("reason")).contains(files.pngMaterial)
			.contains(files.world.view(CaseWorld.OBSERVER, files.caseId).<String>json("$.caseFile.number"));
	}

	@Test
	void aFileSuppliedLaterIsListedWithItsMaterialAndWhoSuppliedIt() {
		String clerk = files.world.clerkOf(files.caseId);
		Response asked = files.world.as(clerk, "POST", "/api/v1/cases/" + files.caseId + "/supplement-request",
				Map.of("version", files.world.caseVersion(files.caseId), "requests",
						List.of(Map.of("subject", files.pdfMaterial, "why", "复印件不清晰，请重新上传"))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		byte[] clearer = FilesOfACase.pdf("Clearer copy " + java.util.UUID.randomUUID());
		Response uploaded = api.upload("/api/v1/attachments", files.world.applicant, CaseWorld.PASSWORD, clearer, "application/pdf");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		Response supplied = files.world.as(files.world.applicant, "POST", "/api/v1/cases/" + files.caseId + "/supplement",
				Map.of("attachments", Map.of(files.pdfMaterial, uploaded.<String>json("$.hash"))));
		assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);

		Response listed = files.world.as(clerk, "GET", "/api/v1/cases/" + files.caseId + "/files", null);
		List<Map<String, Object>> later = listed.json("$[?(@.id == '" + FilesOfACase.sha256(clearer) + "')]");
		assertThat(later).singleElement().satisfies(f -> {
			assertThat(f).containsEntry("material", files.pdfMaterial).containsEntry("origin", "SUPPLEMENT");
			assertThat((Map<String, Object>) f.get("uploadedBy")).containsEntry("zh", "申请人本人上传");
		});
		Response opened = files.world.as(clerk, "GET", files.filePath(FilesOfACase.sha256(clearer)) + "?download=true", null);
		assertThat(opened.entity().getBody()).isEqualTo(clearer);
	}

	private static int changedPixels(BufferedImage a, BufferedImage b) {
		int changed = 0;
		for (int y = 0; y < a.getHeight(); y++) {
			for (int x = 0; x < a.getWidth(); x++) {
				if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
					changed++;
				}
			}
		}
		return changed;
	}
}
