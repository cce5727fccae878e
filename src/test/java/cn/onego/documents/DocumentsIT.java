package cn.onego.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseHandling;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseWorld;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.licences.IssuedCases;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official documents of real cases, driven through the API as the window and the departments drive them: each
 * document is read back out of its PDF (case number, the hall's name and address, the materials really received and
 * not the licence the case will issue, the commitments in words, the remedies of a refusal), verifies as genuine on
 * the public verification by upload and by its QR, and fails there once changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DocumentsIT {

	static final String FURONG_HALL = "长沙市芙蓉区政务服务中心";
	static final String FURONG_ADDRESS = "长沙市芙蓉区八一路1号";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseHandling handling;

	@Autowired
	Actors actors;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@Autowired
	DocumentIssuing issuing;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	OfficialDocuments documents;

	@Autowired
	DocumentSources sources;

	@Autowired
	BatchReads.Sources reading;

	@Autowired
	Templates templates;

	@Test
	void theAcceptanceNoticeListsOnlyWhatWasReallyReceivedWithTheHallTheCommitmentsInWordsAndTheQueryCode() throws IOException {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of("FOOD_SAFETY_RULES"), Set.of("PREMISES_USE_PROOF"));
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version",
				world.caseVersion(caseId), "gaps", List.of("FOOD_SAFETY_RULES"), "gapWorkingDays", 3));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

		Map<String, Object> notice = awaitDocument(world, world.applicant, caseId, "ACCEPTANCE_NOTICE");
		byte[] pdf = download(world, world.applicant, caseId, (String) notice.get("number"));
		String text = text(pdf);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		assertThat(text).contains("受理通知书", number, FURONG_HALL, FURONG_ADDRESS, "0731-12345", "周一至周五");
		Response receipt = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null);
		assertThat(text).as("the query code of the progress look-up").contains((String) receipt.json("$.queryCode"));
		assertThat(text).as("the clerk by name, never by username").contains("测试人员").doesNotContain(clerk);

		String received = between(text, "已收取的申请材料", "容缺后补材料");
		Response application = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/application", null);
		List<String> uploaded = application.json("$.materials.resolved[?(@.attachment)].name.zh");
		assertThat(uploaded).isNotEmpty();
		assertThat(received).contains(uploaded.toArray(String[]::new));
		List<String> produced = application.json("$.materials.resolved[?(@.source == 'EARLIER_ITEM')].name.zh");
		assertThat(produced).as("the case's own licence is to be issued, not received").contains("营业执照");
		assertThat(received).doesNotContain("营业执照");
		assertThat(received).as("neither the gap nor the committed material").doesNotContain("食品安全自查", "住所（经营场所）使用证明");
		assertThat(between(text, "容缺后补材料", "受理大厅")).as("the gap and its deadline").contains("请于", "前补齐");
		assertThat(text).as("the commitment in words, not as a code").contains("住所（经营场所）使用证明", "承诺").doesNotContain("PREMISES_USE_PROOF");
		assertThat((List<String>) receipt.json("$.commitmentNames[*].zh")).as("the receipt on the page names it too")
			.containsExactly("住所（经营场所）使用证明");
		assertThat(text).contains("扫码查询办理进度", "扫码核验文书真伪");

		Response genuine = api.upload("/api/v1/documents/verification", null, null, pdf, "application/pdf");
		assertThat(genuine.status()).as(genuine.body()).isEqualTo(200);
		assertThat((String) genuine.json("$.status")).isEqualTo("GENUINE");
		assertThat((String) genuine.json("$.issuer")).isEqualTo(FURONG_HALL);
		assertThat((String) genuine.json("$.caseNumber")).isEqualTo(number);
		assertThat((String) genuine.json("$.signatureAlgorithm")).isEqualTo("SM3withSM2");
		assertThat((String) genuine.json("$.message.zh")).contains("真实有效", FURONG_HALL, number);

		String code = jdbc.sql("SELECT verification_code FROM official_document WHERE number = ?").param(notice.get("number"))
			.query(String.class).single();
		assertThat((String) api.get("/api/v1/documents/verification?n=" + notice.get("number") + "&c=" + code).json("$.status"))
			.as("by the QR").isEqualTo("GENUINE");
		Response guessed = api.get("/api/v1/documents/verification?n=" + notice.get("number") + "&c=0123456789ABCDEF");
		assertThat((String) guessed.json("$.status")).isEqualTo("NOT_FOUND");
		assertThat(guessed.body()).doesNotContain(number, FURONG_HALL);

		Response modified = api.upload("/api/v1/documents/verification", null, null, changedText(pdf), "application/pdf");
		assertThat(modified.status()).as(modified.body()).isEqualTo(200);
		assertThat((String) modified.json("$.status")).as("a copy with a line added").isEqualTo("MODIFIED");
		assertThat(modified.body()).doesNotContain(FURONG_HALL);
		byte[] flipped = pdf.clone();
		flipped[flipped.length / 2] ^= 0x01;
		assertThat((String) api.upload("/api/v1/documents/verification", null, null, flipped, "application/pdf").json("$.status"))
			.as("a copy with one bit changed").isIn("MODIFIED", "NOT_FOUND");
		Response notPdf = api.upload("/api/v1/documents/verification", null, null, "hello".getBytes(StandardCharsets.UTF_8), "application/pdf");
		assertThat(notPdf.status()).isEqualTo(400);
		assertThat((String) notPdf.json("$.errors[0].field")).isEqualTo("file");

		byte[] again = download(world, clerk, caseId, (String) notice.get("number"));
		assertThat(again).as("downloaded again, byte for byte as issued").isEqualTo(pdf);
		Long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'read.document' AND target = ?")
			.param("document/" + notice.get("number")).query(Long.class).single();
		assertThat(audited).as("the clerk's download is in the audit trail").isEqualTo(1L);
	}

	/**
	 * A document is ordered by the transition's own save statement and issued from the ledger by the worker: an order
	 * rolled back with its transition is never issued, and an order that cannot be issued (its case unknown here)
	 * waits with its error, to be tried again later, while the documents ordered after it are issued.
	 */
	@Test
	void documentsAreOrderedWithTheTransitionAndAnOrderThatFailsWaitsWithoutHoldingUpTheOthers() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String submitted = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		CaseId rolledBack = new CaseId(UUID.fromString(submitted));
		Actor clerk = actors.byUsername(world.clerkOf(submitted)).orElseThrow();
		int version = world.caseVersion(submitted);
		transactions.executeWithoutResult(status -> {
			handling.accept(clerk, rolledBack, version, new CaseHandling.Acceptance(List.of(), null, List.of()));
			assertThat(ordersOf(rolledBack)).as("the acceptance's save wrote its order").isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(ordersOf(rolledBack)).as("an order rolled back with its transition").isZero();

		// an order whose case this platform does not know, as another node or an old version could have left it
		CaseAccepted unknownCase = new CaseAccepted(new CaseId(UUID.randomUUID()), null, CaseFile.Mode.STANDARD, List.of(), null, false);
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("INSERT INTO document_order (event_type, event, case_id, ordered_at, not_before) VALUES ('CaseAccepted', ?::jsonb, ?, ?, ?)")
			.params(json.writeValueAsString(unknownCase), unknownCase.caseId().value(), now, now)
			.update();
		String caseId = world.acceptedCatering();

		assertThat(awaitDocument(world, world.applicant, caseId, "ACCEPTANCE_NOTICE")).containsKey("number");
		assertThat(ordersOf(new CaseId(UUID.fromString(caseId)))).as("the issued order left the ledger").isZero();
		Map<String, Object> failed = jdbc.sql("""
				SELECT attempts, last_error, not_before >= ordered_at + interval '1 minute' AS later FROM document_order WHERE case_id = ?""")
			.param(unknownCase.caseId().value())
			.query()
			.singleRow();
		assertThat((Integer) failed.get("attempts")).as("tried once, and waits").isEqualTo(1);
		assertThat((String) failed.get("last_error")).isNotBlank();
		assertThat((Boolean) failed.get("later")).as("tried again a minute later, not at once").isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM official_document WHERE case_id = ?").param(unknownCase.caseId().value())
			.query(Integer.class).single()).isZero();
		issuing.scheduled();
		assertThat(ordersOf(unknownCase.caseId())).as("not due again yet: the worker leaves it waiting").isEqualTo(1);
		jdbc.sql("DELETE FROM document_order WHERE case_id = ?").param(unknownCase.caseId().value()).update();
	}

	@Test
	void aBatchListsTheDocumentsItIssuedBeforeTheyAreWrittenAndAnEventWithADocumentAlreadyOnlyOnce() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.acceptedCatering();
		String stored = (String) awaitDocument(world, world.applicant, caseId, "ACCEPTANCE_NOTICE").get("number");
		CaseId id = new CaseId(UUID.fromString(caseId));
		// the acceptance ordered again (its document is there), and a request for more not issued yet, taken twice
		CaseAccepted again = new CaseAccepted(id, null, CaseFile.Mode.STANDARD, List.of(), null, false);
		cn.onego.cases.CaseEvents.SupplementRequested more = new cn.onego.cases.CaseEvents.SupplementRequested(id, List.of("营业执照"), 99);
		transactions.executeWithoutResult(status -> {
			OfficialDocuments.Batch batch = documents.batch(2);
			BatchReads reads = reading.of(List.of(again, more));
			batch.issue(sources.acceptance(again, reads));
			batch.issue(sources.supplement(more, reads));
			batch.issue(sources.supplement(more, reads));
			List<OfficialDocuments.Listed> listed = batch.listed(id);
			assertThat(listed).filteredOn(d -> d.kind() == DocumentKind.ACCEPTANCE_NOTICE).extracting(OfficialDocuments.Listed::number)
				.as("the one stored, not the one issued again").containsExactly(stored);
			assertThat(listed).filteredOn(d -> d.kind() == DocumentKind.SUPPLEMENT_NOTICE).as("not written yet, but listed, once though taken twice").hasSize(1);
			batch.write();
			assertThat(documents.listed(id)).extracting(OfficialDocuments.Listed::number).as("what the batch listed is what it wrote")
				.containsExactlyElementsOf(listed.stream().map(OfficialDocuments.Listed::number).toList());
			status.setRollbackOnly();
		});
	}

	/**
	 * A batch reads its cases' clerks, query codes and applications once for all of them: what each of its documents
	 * says is what the document says when it is issued alone.
	 */
	@Test
	void whatABatchSaysOfEachCaseIsWhatItsDocumentSaysAlone() {
		CaseWorld issuedWorld = new CaseWorld(new ApiClient(port));
		CaseId issued = new CaseId(UUID.fromString(issuedWorld.issuedCatering()));
		CaseWorld acceptedWorld = new CaseWorld(new ApiClient(port));
		CaseId accepted = new CaseId(UUID.fromString(acceptedWorld.acceptedCatering()));
		CaseAccepted issuedAcceptance = new CaseAccepted(issued, null, CaseFile.Mode.STANDARD, List.of(), null, false);
		cn.onego.cases.CaseEvents.CaseIssued issue = new cn.onego.cases.CaseEvents.CaseIssued(issued,
				cn.onego.application.ApplicationInput.Delivery.Method.FREE_MAIL, "EMS7");
		CaseAccepted acceptance = new CaseAccepted(accepted, null, CaseFile.Mode.STANDARD, List.of(), null, false);

		BatchReads together = reading.of(List.of(issuedAcceptance, issue, acceptance));
		DocumentFacts first = sources.acceptance(issuedAcceptance, together).facts();
		DocumentFacts completion = sources.completion(issue, together).facts();
		DocumentFacts second = sources.acceptance(acceptance, together).facts();

		assertThat(first).isEqualTo(sources.acceptance(issuedAcceptance, reading.of(List.of(issuedAcceptance))).facts());
		assertThat(completion).isEqualTo(sources.completion(issue, reading.of(List.of(issue))).facts());
		assertThat(second).isEqualTo(sources.acceptance(acceptance, reading.of(List.of(acceptance))).facts());
		assertThat(first.values().get("clerk")).as("each case's own clerk, by name")
			.isEqualTo(actors.byUsername(issuedWorld.clerkOf(issued.toString())).orElseThrow().displayName());
		assertThat(second.values().get("clerk")).isEqualTo(actors.byUsername(acceptedWorld.clerkOf(accepted.toString())).orElseThrow().displayName());
		assertThat(first.values().get("queryCode")).isNotBlank().isNotEqualTo(second.values().get("queryCode"));
		assertThat(first.sections().get(1).lines()).as("the materials received").isNotEmpty();
	}

	private int ordersOf(CaseId caseId) {
		return jdbc.sql("SELECT count(*) FROM document_order WHERE case_id = ?").param(caseId.value()).query(Integer.class).single();
	}

	@Test
	void aDocumentIsIssuedSealedWithoutItsPdfWhichIsDrawnAtTheFirstDownloadAndKeptByteForByte() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.acceptedCatering();
		String clerk = world.clerkOf(caseId);
		String number = (String) awaitDocument(world, world.applicant, caseId, "ACCEPTANCE_NOTICE").get("number");
		Map<String, Object> issued = jdbc.sql("SELECT pdf, pdf_hash, content_hash, signature FROM official_document WHERE number = ?")
			.param(number).query().singleRow();
		assertThat(issued.get("pdf")).as("not drawn before anybody asks for it").isNull();
		assertThat(issued.get("pdf_hash")).isNull();
		assertThat(issued.get("content_hash")).as("but numbered, sealed and signed when issued").isNotNull();
		assertThat(issued.get("signature")).isNotNull();

		// the applicant and the clerk open it at the same moment: both get the one PDF kept
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var applicants = two.submit(() -> download(world, world.applicant, caseId, number));
			var clerks = two.submit(() -> download(world, clerk, caseId, number));
			byte[] first = applicants.get();
			assertThat(clerks.get()).isEqualTo(first);
			assertThat(jdbc.sql("SELECT pdf_hash FROM official_document WHERE number = ?").param(number).query(String.class).single())
				.as("the hash of the bytes handed out is the one kept").isEqualTo(OfficialDocuments.sm3(first));
			assertThat(download(world, world.applicant, caseId, number)).as("and ever after").isEqualTo(first);
			assertThat(text(first)).contains("受理通知书", number, "扫码查询办理进度", "扫码核验文书真伪");
			assertThat((String) api.upload("/api/v1/documents/verification", null, null, first, "application/pdf").json("$.status"))
				.isEqualTo("GENUINE");
		}
		finally {
			two.shutdownNow();
		}

		// what was issued stays as issued, whatever the application's login tries
		assertThat(sqlState("UPDATE official_document SET pdf_hash = 'x' WHERE number = '" + number + "'")).as("a kept PDF is not replaced")
			.isEqualTo("23514");
		assertThat(sqlState("UPDATE official_document SET pdf = NULL, pdf_hash = NULL WHERE number = '" + number + "'")).isEqualTo("23514");
		assertThat(sqlState("UPDATE official_document SET issuer = 'x' WHERE number = '" + number + "'")).isEqualTo("42501");
		assertThat(sqlState("DELETE FROM official_document WHERE number = '" + number + "'")).isEqualTo("42501");
	}

	private String sqlState(String statement) {
		try {
			jdbc.sql(statement).update();
			return "none";
		}
		catch (org.springframework.dao.DataAccessException e) {
			Throwable cause = e.getMostSpecificCause();
			return cause instanceof java.sql.SQLException sql ? sql.getSQLState() : cause.toString();
		}
	}

	@Test
	void theNoticeOfNonAcceptanceGivesTheReasonItsBasisAndTheRemediesAndOnlyTheCasesPeopleSeeIt() throws IOException {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		CaseWorld stranger = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response refused = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version", world.caseVersion(caseId),
				"reason", "经营场所位于居民住宅楼内，不符合食品经营场所要求", "legalBasis", "《中华人民共和国食品安全法》第三十三条"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);

		Map<String, Object> notice = awaitDocument(world, world.applicant, caseId, "NON_ACCEPTANCE_NOTICE");
		byte[] pdf = download(world, world.applicant, caseId, (String) notice.get("number"));
		String text = text(pdf);
		assertThat(text).contains("不予受理通知书", (String) world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number"), FURONG_HALL,
				FURONG_ADDRESS, "经营场所位于居民住宅楼内", "《中华人民共和国食品安全法》第三十三条");
		assertThat(text).as("the legal remedies: reconsideration within 60 days, or a suit within 6 months")
			.contains("六十日内", "申请行政复议", "六个月内", "人民法院提起行政诉讼");
		assertThat((String) api.upload("/api/v1/documents/verification", null, null, pdf, "application/pdf").json("$.status"))
			.isEqualTo("GENUINE");

		String path = "/api/v1/cases/" + caseId + "/documents";
		assertThat(world.as(stranger.applicant, "GET", path, null).status()).as("another applicant").isEqualTo(404);
		assertThat(world.as(stranger.applicant, "GET", path + "/" + notice.get("number"), null).status()).isEqualTo(404);
		assertThat(world.as(CaseWorld.OBSERVER, "GET", path, null).status()).as("supervisors follow progress, not papers").isEqualTo(403);
		assertThat(world.as(clerk, "GET", path, null).status()).isEqualTo(200);
		assertThat(world.as(world.applicant, "GET", path + "/430102-SL-2026-99999999", null).status()).isEqualTo(404);
	}

	@Test
	void theNoticeToSupplementListsEverythingMissingAtOnceWithTheDeadline() throws IOException {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of("FOOD_LAYOUT_AND_PROCESS"), Set.of());
		String clerk = world.clerkOf(caseId);
		Response asked = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/supplement-request", Map.of("version",
				world.caseVersion(caseId), "requests", List.of(Map.of("subject", "FOOD_LAYOUT_AND_PROCESS", "why", "未提交经营布局和操作流程文件"),
						Map.of("subject", "SHOP_ADDRESS", "why", "地址应具体到门牌号"))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);

		Map<String, Object> notice = awaitDocument(world, world.applicant, caseId, "SUPPLEMENT_NOTICE");
		String text = text(download(world, world.applicant, caseId, (String) notice.get("number")));
		assertThat(text).contains("一次性告知补正通知书", FURONG_HALL, "未提交经营布局和操作流程文件", "地址应具体到门牌号", "前一并补正")
			.doesNotContain("FOOD_LAYOUT_AND_PROCESS");
	}

	@Test
	void anIssuedCaseHasADecisionPerItemTheNoticeOfCompletionAndTheProofOfServiceAndARefusalStatesTheRemedies() throws IOException {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		IssuedCases.Issued issued = IssuedCases.cateringCase(world);
		String caseId = issued.caseId();
		Map<String, Object> receipt = awaitDocument(world, world.applicant, caseId, "SERVICE_RECEIPT");
		List<Map<String, Object>> documents = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/documents", null).json("$");
		int tasks = ((List<?>) world.view(CaseWorld.OBSERVER, caseId).json("$.tasks")).size();
		assertThat(documents).filteredOn(d -> "APPROVAL_DECISION".equals(d.get("kind"))).as("one decision per item").hasSize(tasks);
		assertThat(documents).extracting(d -> d.get("kind")).contains("ACCEPTANCE_NOTICE", "COMPLETION_NOTICE", "SERVICE_RECEIPT");

		String food = documents.stream().filter(d -> "APPROVAL_DECISION".equals(d.get("kind")))
			.map(d -> text(download(world, world.applicant, caseId, (String) d.get("number"))))
			.filter(t -> t.contains(issued.foodLicence())).findFirst().orElseThrow();
		assertThat(food).contains("准予行政许可决定书", "市场监督管理局").doesNotContain(FURONG_HALL);
		String completion = text(download(world, world.applicant, caseId, number(documents, "COMPLETION_NOTICE")));
		assertThat(completion).contains("办结通知书", issued.foodLicence(), issued.businessLicence(), "免费邮寄");
		String service = text(download(world, world.applicant, caseId, (String) receipt.get("number")));
		assertThat(service).contains("送达回证", "快递单号", "陈创业", number(documents, "COMPLETION_NOTICE"));

		// a department refuses an item of another case: its decision states the reason, the basis and the remedies
		String other = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(other);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + other + "/acceptance", Map.of("version", world.caseVersion(other))).status())
			.isEqualTo(200);
		Map<String, Object> task = world.task(other, "HN-SCJG-ENT-REG");
		String reviewer = world.reviewerOf((String) task.get("department"), "-refuser");
		Response claimed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		Response refusal = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/refusal", Map.of("version",
				(Integer) claimed.json("$.version"), "reason", "拟登记的经营范围涉及前置许可而未取得", "legalBasis", "《市场主体登记管理条例》第十五条"));
		assertThat(refusal.status()).as(refusal.body()).isEqualTo(200);
		Map<String, Object> decision = awaitDocument(world, world.applicant, other, "REFUSAL_DECISION");
		String refused = text(download(world, world.applicant, other, (String) decision.get("number")));
		assertThat(refused).contains("不予行政许可决定书", "拟登记的经营范围涉及前置许可而未取得", "《市场主体登记管理条例》第十五条", "六十日内",
				"申请行政复议", "六个月内", "提起行政诉讼");
		assertThat((String) api.upload("/api/v1/documents/verification", null, null,
				download(world, world.applicant, other, (String) decision.get("number")), "application/pdf").json("$.status")).isEqualTo("GENUINE");
	}

	@Test
	void anAdministratorsTemplateWithAnUnknownPlaceholderIsRefusedFieldByFieldAndNothingIsStored() {
		ApiClient api = new ApiClient(port);
		Response refused = api.send("PUT", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE/430102-HALL", "admin", "onego-admin",
				Map.of("title", "受理通知书", "paragraphs", List.of("{applicant}：您的 {secret} 已受理。"), "legalBasis", "x".repeat(201)));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("paragraphs[0]", "legalBasis");
		assertThat((String) refused.json("$.errors[0].code")).isEqualTo("placeholder");
		Response nul = api.send("PUT", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE/430102-HALL", "admin", "onego-admin",
				Map.of("title", "受理通知书", "paragraphs", List.of("{applicant}"), "legalBasis", "x\u0000y"));
		assertThat(nul.status()).as(nul.body()).isEqualTo(400);
		Response unknownScope = api.send("PUT", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE/NO-SUCH-HALL", "admin", "onego-admin",
				Map.of("title", "受理通知书", "paragraphs", List.of("{applicant}")));
		assertThat((List<String>) unknownScope.json("$.errors[*].field")).containsExactly("scope");
		assertThat(jdbc.sql("SELECT count(*) FROM document_template WHERE scope IN ('430102-HALL', 'NO-SUCH-HALL')").query(Long.class).single())
			.isZero();
		List<Map<String, Object>> all = api.send("GET", "/api/v1/admin/document-templates", "admin", "onego-admin", null).json("$");
		assertThat(all).filteredOn(t -> "shipped".equals(t.get("scope"))).hasSize(DocumentKind.values().length);
	}

	/**
	 * A node keeps the texts it made documents with, and the next document on every node is made with the text stored
	 * last: through this node's administration at once, by another node or an operator's SQL as soon as it is heard.
	 */
	@Test
	void theNextDocumentIsMadeWithTheTextStoredLastWhoeverStoredIt() {
		String hall = "430102-HALL";
		Template shipped = templates.of(DocumentKind.ACCEPTANCE_NOTICE, hall);
		assertThat(templates.of(DocumentKind.ACCEPTANCE_NOTICE, hall)).isEqualTo(shipped);
		try {
			Map<String, Object> text = new java.util.HashMap<>();
			text.put("title", "受理通知书（芙蓉）");
			text.put("paragraphs", shipped.paragraphs());
			text.put("legalBasis", shipped.legalBasis());
			text.put("remedy", shipped.remedy());
			Response stored = new ApiClient(port).send("PUT", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE/" + hall, "admin",
					"onego-admin", text);
			assertThat(stored.status()).as(stored.body()).isEqualTo(200);
			assertThat(templates.of(DocumentKind.ACCEPTANCE_NOTICE, hall).title()).as("stored through this node: at once")
				.isEqualTo("受理通知书（芙蓉）");

			// as another node, or an operator's SQL, would change it
			jdbc.sql("""
					UPDATE document_template SET body = jsonb_set(body, '{title}', '"受理通知书（芙蓉区）"')
					WHERE kind = 'ACCEPTANCE_NOTICE' AND scope = ?""").param(hall).update();
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
				.until(() -> templates.of(DocumentKind.ACCEPTANCE_NOTICE, hall).title().equals("受理通知书（芙蓉区）"));
			assertThat(templates.of(DocumentKind.ACCEPTANCE_NOTICE, "430103-HALL")).as("another issuer: the shipped text").isEqualTo(shipped);
		}
		finally {
			jdbc.sql("DELETE FROM document_template WHERE kind = 'ACCEPTANCE_NOTICE' AND scope = ?").param(hall).update();
		}
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
			.until(() -> templates.of(DocumentKind.ACCEPTANCE_NOTICE, hall).equals(shipped));
	}

	private static String number(List<Map<String, Object>> documents, String kind) {
		return documents.stream().filter(d -> kind.equals(d.get("kind"))).map(d -> (String) d.get("number")).findFirst().orElseThrow();
	}

	private static Map<String, Object> awaitDocument(CaseWorld world, String user, String caseId, String kind) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Response listed = world.as(user, "GET", "/api/v1/cases/" + caseId + "/documents", null);
			assertThat(listed.status()).as(listed.body()).isEqualTo(200);
			List<Map<String, Object>> found = listed.json("$[?(@.kind == '" + kind + "')]");
			if (!found.isEmpty()) {
				return found.get(0);
			}
			CaseWorld.sleep(150);
		}
		throw new AssertionError("no " + kind + " was made for case " + caseId);
	}

	private static byte[] download(CaseWorld world, String user, String caseId, String number) {
		Response pdf = world.as(user, "GET", "/api/v1/cases/" + caseId + "/documents/" + number, null);
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		return pdf.entity().getBody();
	}

	static String text(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// lines joined: a long name wraps where the page ends
			return new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	/** The PDF with a line of text added to its page, saved again as a forger would (its number left as it was). */
	private static byte[] changedText(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			try (PDPageContentStream out = new PDPageContentStream(doc, doc.getPage(0), PDPageContentStream.AppendMode.APPEND, true)) {
				out.beginText();
				out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
				out.newLineAtOffset(70, 40);
				out.showText("Fee waived: 0 yuan");
				out.endText();
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
	}

	private static String between(String text, String from, String to) {
		int start = text.indexOf(from);
		int end = text.indexOf(to, start + 1);
		assertThat(start).as(from + " in " + text).isNotNegative();
		assertThat(end).as(to + " after " + from + " in " + text).isGreaterThan(start);
		return text.substring(start, end);
	}
}
