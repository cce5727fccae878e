package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;

/**
 * Applying once for 退休一件事 over HTTP, as a citizen who is not in the demo data: consent before any
 * registry read, prefill and correction, materials resolved from e-licences and registries, a refused
 * submission that stores nothing, and exactly one application however often it is retried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplyOnceIT {

	private static final String MATTER = "HN-RETIREMENT";
	private static final String PASSWORD = "secret-pass-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.onego.platform.crypto.PersonalData data;

	ApiClient api;
	String idNumber;
	String user;

	@BeforeEach
	void aCitizenKnownToTheRegistries() {
		api = new ApiClient(port);
		idNumber = Identities.idNumber();
		user = Citizens.register(api, "李退休", idNumber).username();
		admin("PUT", "/api/v1/admin/registries/POPULATION/records/" + idNumber,
				Map.of("APPLICANT_NAME", "李退休", "APPLICANT_ID_NUMBER", idNumber));
		admin("PUT", "/api/v1/admin/registries/SOCIAL_SECURITY/records/" + idNumber, Map.of("EMPLOYER_NAME", "长沙湘江机械厂"));
		admin("POST", "/api/v1/admin/e-licences", Map.of("holder", idNumber, "licenceType", "RESIDENT_ID_CARD", "number",
				idNumber, "name", "居民身份证", "issuer", "长沙市公安局芙蓉分局", "validUntil", "2036-01-01"));
	}

	@Test
	void refusesAndLogsARegistryReadWithoutConsent() {
		Response draft = draft(null);
		Response prefilled = as("POST", "/api/v1/drafts/" + draft.json("$.id") + "/prefill?version=0", null);
		assertThat(prefilled.status()).as(prefilled.body()).isEqualTo(200);
		// only what the verified identity says: nothing from a registry
		assertThat((List<String>) prefilled.json("$.form.*.origin")).isNotEmpty().containsOnly("IDENTITY");
		// the reads for the application (the identity provider's real-name check at registration is logged too)
		List<Map<String, Object>> log = as("GET", "/api/v1/data-access", null).json("$[?(@.actor == '" + user + "')]");
		assertThat(log).isNotEmpty().allSatisfy(entry -> {
			assertThat(entry.get("outcome")).isEqualTo("REFUSED");
			assertThat(entry.get("reason")).isEqualTo("no consent given");
			assertThat(entry.get("actor")).isEqualTo(user);
			assertThat((String) entry.get("purpose")).contains("退休");
		});
		assertThat(log).extracting(e -> e.get("source")).contains("POPULATION", "SOCIAL_SECURITY");
	}

	@Test
	void prefillsUnderConsentAndStopsReadingOnceConsentIsWithdrawn() {
		String consent = grantConsent();
		Response draft = draft(consent);
		Response prefilled = as("POST", "/api/v1/drafts/" + draft.json("$.id") + "/prefill?version=0", null);
		assertThat((String) prefilled.json("$.form.APPLICANT_NAME.value")).isEqualTo("李退休");
		assertThat((String) prefilled.json("$.form.APPLICANT_NAME.source")).isEqualTo("PREFILLED");
		assertThat((String) prefilled.json("$.form.APPLICANT_NAME.origin")).as("the verified identity").isEqualTo("IDENTITY");
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.value")).isEqualTo("长沙湘江机械厂");
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.origin")).isEqualTo("REGISTRY");
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.registry")).isEqualTo("SOCIAL_SECURITY");
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.consentId")).isEqualTo(consent);
		List<String> granted = as("GET", "/api/v1/data-access", null).json("$[?(@.outcome == 'GRANTED')].consentId");
		assertThat(granted).isNotEmpty().containsOnly(consent);

		Response withdrawn = as("DELETE", "/api/v1/consents/" + consent, null);
		assertThat((String) withdrawn.json("$.status")).isEqualTo("WITHDRAWN");
		Response again = as("POST", "/api/v1/drafts/" + draft("" + consent).json("$.id") + "/prefill?version=0", null);
		assertThat((List<String>) again.json("$.form.*.origin")).as("nothing from a registry").containsOnly("IDENTITY");
		List<String> latest = as("GET", "/api/v1/data-access?limit=2", null).json("$[*].reason");
		assertThat(latest).containsOnly("consent withdrawn");
		assertThat(as("DELETE", "/api/v1/consents/" + consent, null).status()).isEqualTo(409);
	}

	@Test
	void letsTheApplicantCorrectAPrefilledValueOnlyWithAReason() {
		Response draft = draft(grantConsent());
		String id = draft.json("$.id");
		as("POST", "/api/v1/drafts/" + id + "/prefill?version=0", null);
		Response withoutReason = as("PUT", "/api/v1/drafts/" + id + "?version=1", Map.of("form", Map.of("EMPLOYER_NAME", "长沙新单位")));
		assertThat(withoutReason.status()).isEqualTo(400);
		assertThat((String) withoutReason.json("$.errors[0].field")).isEqualTo("form.EMPLOYER_NAME");
		assertThat((String) withoutReason.json("$.errors[0].code")).isEqualTo("correction-reason");
		Response corrected = as("PUT", "/api/v1/drafts/" + id + "?version=1", Map.of("form",
				Map.of("EMPLOYER_NAME", "长沙新单位"), "corrections", Map.of("EMPLOYER_NAME", "2024年调入新单位，共享库未更新")));
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		assertThat((String) corrected.json("$.form.EMPLOYER_NAME.source")).isEqualTo("CORRECTED");
		assertThat((String) corrected.json("$.form.EMPLOYER_NAME.prefilledValue")).isEqualTo("长沙湘江机械厂");
		assertThat((String) corrected.json("$.form.EMPLOYER_NAME.correctionReason")).contains("调入新单位");
		assertThat(as("PUT", "/api/v1/drafts/" + id + "?version=1", Map.of("form", Map.of("CONTACT_MOBILE", "13900001111")))
			.status()).as("a stale version is refused").isEqualTo(409);
	}

	@Test
	void resolvesEachMaterialOnceAndSubmits() {
		String consent = grantConsent();
		String personnelFile = upload(pdf("personnel file"), "application/pdf").json("$.hash");
		Response submitted = as("POST", "/api/v1/applications", valid(consent, personnelFile), "Idempotency-Key", "k-" + idNumber);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat((String) submitted.json("$.status")).isEqualTo("SUBMITTED");
		List<String> idCard = submitted.json("$.materials.resolved[?(@.material == 'RESIDENT_ID_CARD')].explanation.zh");
		assertThat(idCard).containsExactly("已通过电子证照获取：居民身份证");
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'SOCIAL_SECURITY_CARD')].source"))
			.containsExactly("REGISTRY");
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'PERSONNEL_FILE')].attachment"))
			.containsExactly(personnelFile);
		List<String> mine = as("GET", "/api/v1/applications?status=SUBMITTED", null).json("$[*].id");
		assertThat(mine).containsExactly((String) submitted.json("$.id"));
	}

	@Test
	void refusesAnInvalidSubmissionListingEveryProblemAndStoresNothing() {
		Map<String, Object> body = new HashMap<>(valid(null, null));
		body.put("answers", Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE")));
		body.put("form", Map.of("APPLICANT_NAME", "李退休", "APPLICANT_ID_NUMBER", "430102196001010010",
				"CONTACT_MOBILE", "12345", "BANK_ACCOUNT", "62220200"));
		body.put("delivery", Map.of("method", "FREE_MAIL", "recipient", "李退休"));
		int before = applicationsOf(idNumber);
		Response refused = as("POST", "/api/v1/applications", body, "Idempotency-Key", "bad-" + idNumber);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		List<String> fields = refused.json("$.errors[*].field");
		assertThat(fields).contains("answers.HAS_HOUSING_FUND", "form.APPLICANT_ID_NUMBER", "form.CONTACT_MOBILE",
				"form.BANK_ACCOUNT", "form.EMPLOYER_NAME", "form.RESIDENCE_ADDRESS", "form.BANK_NAME",
				"materials.PERSONNEL_FILE", "materials.RESIDENT_ID_CARD", "delivery.mobile", "delivery.address");
		List<String> idProblem = refused.json("$.errors[?(@.field == 'form.APPLICANT_ID_NUMBER')].message.en");
		assertThat(idProblem).singleElement().asString().contains("GB 11643 check digit");
		assertThat((List<String>) refused.json("$.errors[*].message.zh")).allSatisfy(zh -> assertThat(zh).isNotBlank());
		assertThat(applicationsOf(idNumber)).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM submission_key WHERE idempotency_key = ?").param("bad-" + idNumber)
			.query(Integer.class).single()).as("the key is free for a corrected retry").isZero();
	}

	@Test
	void submitsExactlyOnceWhenTwentyRetriesWithTheSameKeyRace() throws Exception {
		String consent = grantConsent();
		String file = upload(pdf("file for the race"), "application/pdf").json("$.hash");
		Map<String, Object> body = valid(consent, file);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> responses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			responses.add(pool.submit(() -> {
				start.await();
				return as("POST", "/api/v1/applications", body, "Idempotency-Key", "race-" + idNumber);
			}));
		}
		start.countDown();
		List<String> ids = new ArrayList<>();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Response> response : responses) {
			ids.add(response.get().json("$.id"));
			statuses.add(response.get().status());
		}
		pool.shutdown();
		assertThat(ids).hasSize(20).containsOnly(ids.get(0));
		assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
		assertThat(applicationsOf(idNumber)).isEqualTo(1);

		Map<String, Object> different = new HashMap<>(body);
		different.put("region", "430103");
		Response reused = as("POST", "/api/v1/applications", different, "Idempotency-Key", "race-" + idNumber);
		assertThat(reused.status()).isEqualTo(422);
		assertThat((String) reused.json("$.code")).isEqualTo("idempotency-key-reused");
		assertThat(applicationsOf(idNumber)).isEqualTo(1);
	}

	@Test
	void checksAttachmentContentAgainstItsDeclaredTypeAndStoresItOnceByHash() {
		byte[] pdf = pdf("same content");
		Response first = upload(pdf, "application/pdf");
		Response second = upload(pdf, "application/pdf");
		assertThat(first.status()).isEqualTo(201);
		assertThat((String) second.json("$.hash")).isEqualTo(first.json("$.hash"));
		Response disguised = upload(pdf, "image/png");
		assertThat(disguised.status()).isEqualTo(400);
		assertThat((String) disguised.json("$.errors[0].code")).isEqualTo("content-mismatch");
		Response executable = upload(new byte[] { 'M', 'Z', 0, 0 }, "application/x-msdownload");
		assertThat((String) executable.json("$.errors[0].code")).isEqualTo("type");
	}

	@Test
	void letsARelativeApplyOnlyWithARecordedAuthorisation() {
		String relativeId = Identities.idNumber();
		String relative = Citizens.register(api, "李女儿", relativeId).username();
		Map<String, Object> draft = Map.of("matter", MATTER, "applicant",
				Map.of("kind", "PERSON", "id", idNumber, "name", "李退休"));
		assertThat(api.send("POST", "/api/v1/drafts", relative, PASSWORD, draft).status()).isEqualTo(403);

		String letter = upload(pdf("授权委托书"), "application/pdf").json("$.hash");
		Response authorised = as("POST", "/api/v1/representations", Map.of("subject", idNumber, "subjectName", "李退休",
				"username", relative, "capacity", "RELATIVE", "authorisation", letter, "validUntil", "2030-12-31"));
		assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
		Response byRelative = api.send("POST", "/api/v1/drafts", relative, PASSWORD, draft);
		assertThat(byRelative.status()).as(byRelative.body()).isEqualTo(201);
		assertThat((String) byRelative.json("$.agent.capacity")).isEqualTo("RELATIVE");
		assertThat((String) byRelative.json("$.agent.username")).isEqualTo(relative);

		// the person sees whom they authorised and takes it back; from then on the relative is refused
		List<Map<String, Object>> given = as("GET", "/api/v1/representations", null).json("$[?(@.username == '" + relative + "')]");
		assertThat(given).singleElement().satisfies(a -> assertThat(a.get("revokedAt")).isNull());
		assertThat((List<String>) api.send("GET", "/api/v1/representations", relative, PASSWORD, null).json("$[*].subject"))
			.as("the relative sees what they hold").contains(idNumber);
		Response revoked = as("DELETE", "/api/v1/representations/" + authorised.json("$.id"), null);
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat((String) revoked.json("$.revokedBy")).isEqualTo(user);
		assertThat(api.send("POST", "/api/v1/drafts", relative, PASSWORD, draft).status()).as("revoked").isEqualTo(403);
	}

	// ------------------------------------------------------------------ helpers

	private Map<String, Object> valid(String consent, String personnelFile) {
		Map<String, Object> body = new HashMap<>();
		body.put("matter", MATTER);
		body.put("region", "430102");
		body.put("applicant", Map.of("kind", "PERSON", "id", idNumber, "name", "李退休"));
		body.put("answers", Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"), "HAS_HOUSING_FUND", List.of("NO")));
		body.put("form", Map.of("APPLICANT_NAME", "李退休", "APPLICANT_ID_NUMBER", idNumber, "EMPLOYER_NAME", "长沙湘江机械厂",
				"RESIDENCE_ADDRESS", "长沙市芙蓉区五一大道1号", "BANK_NAME", "中国工商银行长沙分行", "BANK_ACCOUNT",
				"6222020200112233445", "CONTACT_MOBILE", "13900001111"));
		if (consent != null) {
			body.put("consentId", consent);
		}
		if (personnelFile != null) {
			body.put("attachments", Map.of("PERSONNEL_FILE", personnelFile));
		}
		body.put("delivery", Map.of("method", "FREE_MAIL", "recipient", "李退休", "mobile", "13900001111", "address",
				"长沙市芙蓉区五一大道1号"));
		return body;
	}

	private String grantConsent() {
		Response consent = as("POST", "/api/v1/consents", Map.of("matter", MATTER, "purpose", "退休一件事申请预填与材料核验"));
		assertThat(consent.status()).as(consent.body()).isEqualTo(201);
		assertThat((List<String>) consent.json("$.registries")).contains("POPULATION", "SOCIAL_SECURITY");
		return consent.json("$.id");
	}

	private Response draft(String consent) {
		Map<String, Object> body = new HashMap<>();
		body.put("matter", MATTER);
		body.put("answers", Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"), "HAS_HOUSING_FUND", List.of("NO")));
		if (consent != null) {
			body.put("consentId", consent);
		}
		Response draft = as("POST", "/api/v1/drafts", body);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		return draft;
	}

	private Response upload(byte[] content, String type) {
		return api.upload("/api/v1/attachments", user, PASSWORD, content, type);
	}

	private static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

	private Response as(String method, String path, Object body, String... headers) {
		return api.send(method, path, user, PASSWORD, body, headers);
	}

	private void admin(String method, String path, Object body) {
		Response response = api.send(method, path, "admin", "onego-admin", body);
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
	}

	private int applicationsOf(String applicant) {
		return jdbc.sql("SELECT count(*) FROM application WHERE applicant_id_index = ? AND status = 'SUBMITTED'")
			.param(data.index(applicant))
			.query(Integer.class)
			.single();
	}
}
