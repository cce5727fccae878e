package cn.onego.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.sharing.StubRegistry.Behaviour;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * 退休一件事 over HTTP while the social insurance registry is a province's registry on loopback that times out,
 * answers 500 or answers garbage: the application still goes through — the social security card the registry
 * would have vouched for is asked as an upload instead — and the failure is in the data-access log, in the
 * operators' metrics and in a WARN line that names the registry and the kind of failure but not the applicant.
 * A working registry's answer is used for prefill and for the material.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RegistryOutageIT {

	private static final String MATTER = "HN-RETIREMENT";
	private static final String PASSWORD = "secret-pass-1";
	private static final StubRegistry SOCIAL_SECURITY = new StubRegistry();

	@DynamicPropertySource
	static void socialInsuranceOverHttp(DynamicPropertyRegistry registry) {
		String at = "onego.sharing.registries.social-security.";
		registry.add(at + "base-url", () -> SOCIAL_SECURITY.baseUrl().toString());
		registry.add(at + "bearer-token", () -> "onego-test-token");
		registry.add(at + "read-timeout", () -> "300ms");
		registry.add(at + "max-attempts", () -> "2");
		registry.add(at + "backoff", () -> "10ms");
		// the breaker's own test is HttpRegistryTests; here every read reaches the registry
		registry.add(at + "failure-window", () -> "100000");
	}

	@AfterAll
	static void stopRegistry() {
		SOCIAL_SECURITY.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	ApiClient api;
	String idNumber;
	String user;

	@BeforeEach
	void aCitizenWithAnIdCardInTheWallet() {
		SOCIAL_SECURITY.behave(Behaviour.ANSWERS);
		api = new ApiClient(port);
		idNumber = Identities.idNumber();
		user = Citizens.register(api, "李退休", idNumber).username();
		Response licence = api.send("POST", "/api/v1/admin/e-licences", "admin", "onego-admin", Map.of("holder", idNumber,
				"licenceType", "RESIDENT_ID_CARD", "number", idNumber, "name", "居民身份证", "issuer", "长沙市公安局芙蓉分局",
				"validUntil", "2036-01-01"));
		assertThat(licence.status()).as(licence.body()).isBetween(200, 201);
	}

	@Test
	void takesTheUploadInsteadWhenTheRegistryTimesOut(CapturedOutput output) {
		appliesUploadingWhatTheRegistryWouldHaveGiven(Behaviour.SLOW, "timeout", output);
	}

	@Test
	void takesTheUploadInsteadWhenTheRegistryAnswers500(CapturedOutput output) {
		appliesUploadingWhatTheRegistryWouldHaveGiven(Behaviour.FAILS_500, "server_error", output);
	}

	@Test
	void takesTheUploadInsteadWhenTheRegistryAnswersGarbage(CapturedOutput output) {
		appliesUploadingWhatTheRegistryWouldHaveGiven(Behaviour.NOT_JSON, "garbage", output);
		SOCIAL_SECURITY.behave(Behaviour.INVALID_VALUE);
		String consent = grantConsent();
		Response prefilled = prefill(consent);
		Map<String, Object> form = prefilled.json("$.form");
		assertThat(form).as("nothing from an answer with an invalid date").doesNotContainKey("EMPLOYER_NAME");
	}

	@Test
	void usesAWorkingRegistrysAnswerForPrefillAndForTheMaterial() {
		SOCIAL_SECURITY.hold(idNumber, Map.of("EMPLOYER_NAME", "长沙湘江机械厂", "SOCIAL_SECURITY_NUMBER", idNumber));
		String consent = grantConsent();
		Response prefilled = prefill(consent);
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.value")).isEqualTo("长沙湘江机械厂");
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.source")).isEqualTo("PREFILLED");
		assertThat(SOCIAL_SECURITY.lastAuthorization()).isEqualTo("Bearer onego-test-token");

		Response submitted = submit(consent, Map.of("PERSONNEL_FILE", upload("personnel file")));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'SOCIAL_SECURITY_CARD')].source"))
			.containsExactly("REGISTRY");
	}

	private void appliesUploadingWhatTheRegistryWouldHaveGiven(Behaviour behaviour, String failure, CapturedOutput output) {
		SOCIAL_SECURITY.hold(idNumber, Map.of("EMPLOYER_NAME", "长沙湘江机械厂"));
		SOCIAL_SECURITY.behave(behaviour);
		double failuresBefore = failures(failure);
		long errorsBefore = errorReads();
		String consent = grantConsent();

		Response prefilled = prefill(consent);
		assertThat(prefilled.status()).as(prefilled.body()).isEqualTo(200);
		Map<String, Object> form = prefilled.json("$.form");
		assertThat(form).doesNotContainKey("EMPLOYER_NAME");

		String personnelFile = upload("personnel file");
		Response withoutCard = submit(consent, Map.of("PERSONNEL_FILE", personnelFile));
		assertThat(withoutCard.status()).as(withoutCard.body()).isEqualTo(400);
		assertThat((List<String>) withoutCard.json("$.errors[*].field")).as("the card is asked for")
			.containsExactly("materials.SOCIAL_SECURITY_CARD");
		assertThat((String) withoutCard.json("$.errors[0].message.zh")).as("told the registry was down, not that it holds nothing")
			.contains("共享库暂时无法访问");
		assertThat((String) withoutCard.json("$.errors[0].message.en")).contains("could not be reached");

		Response submitted = submit(consent, Map.of("PERSONNEL_FILE", personnelFile, "SOCIAL_SECURITY_CARD",
				upload("social security card")));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat((String) submitted.json("$.status")).isEqualTo("SUBMITTED");
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'SOCIAL_SECURITY_CARD')].source"))
			.containsExactly("UPLOAD");
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'RESIDENT_ID_CARD')].source"))
			.as("the wallet still answers").containsExactly("E_LICENCE");

		assertThat(failures(failure) - failuresBefore).as("counted by registry and failure").isGreaterThanOrEqualTo(3);
		assertThat(errorReads() - errorsBefore).as("reads timed with outcome error").isGreaterThanOrEqualTo(3);
		List<Map<String, Object>> reads = as("GET", "/api/v1/data-access?limit=100", null)
			.json("$[?(@.source == 'SOCIAL_SECURITY')]");
		assertThat(reads).isNotEmpty().allSatisfy(read -> {
			assertThat(read.get("outcome")).isEqualTo("GRANTED");
			assertThat((String) read.get("reason")).isEqualTo("registry unavailable (" + failure + "), nothing read");
			assertThat(JsonPath.<String>read(read, "$.outcomeText.zh")).isEqualTo("未能读取");
			assertThat(JsonPath.<String>read(read, "$.reasonText.zh")).contains("暂时无法访问");
		});
		assertThat(output.getAll()).contains("registry SOCIAL_SECURITY unavailable (" + failure + ")")
			.doesNotContain(idNumber);
	}

	private double failures(String failure) {
		Counter counter = meters.find("onego.registry.failures").tags("source", "SOCIAL_SECURITY", "failure", failure).counter();
		return counter == null ? 0 : counter.count();
	}

	private long errorReads() {
		Timer timer = meters.find("onego.registry.reads").tags("source", "SOCIAL_SECURITY", "outcome", "error").timer();
		return timer == null ? 0 : timer.count();
	}

	private String grantConsent() {
		Response consent = as("POST", "/api/v1/consents", Map.of("matter", MATTER, "purpose", "退休一件事申请预填与材料核验"));
		assertThat(consent.status()).as(consent.body()).isEqualTo(201);
		assertThat((List<String>) consent.json("$.registries")).contains("SOCIAL_SECURITY");
		return consent.json("$.id");
	}

	private Response prefill(String consent) {
		Response draft = as("POST", "/api/v1/drafts", Map.of("matter", MATTER, "consentId", consent, "answers",
				Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"), "HAS_HOUSING_FUND", List.of("NO"))));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		return as("POST", "/api/v1/drafts/" + draft.json("$.id") + "/prefill?version=0", null);
	}

	private Response submit(String consent, Map<String, String> attachments) {
		Map<String, Object> body = new HashMap<>();
		body.put("matter", MATTER);
		body.put("region", "430102");
		body.put("consentId", consent);
		body.put("applicant", Map.of("kind", "PERSON", "id", idNumber, "name", "李退休"));
		body.put("answers", Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"), "HAS_HOUSING_FUND", List.of("NO")));
		body.put("form", Map.of("APPLICANT_NAME", "李退休", "APPLICANT_ID_NUMBER", idNumber, "EMPLOYER_NAME", "长沙湘江机械厂",
				"RESIDENCE_ADDRESS", "长沙市芙蓉区五一大道1号", "BANK_NAME", "中国工商银行长沙分行", "BANK_ACCOUNT",
				"6222020200112233445", "CONTACT_MOBILE", "13900001111"));
		body.put("attachments", attachments);
		body.put("delivery", Map.of("method", "FREE_MAIL", "recipient", "李退休", "mobile", "13900001111", "address",
				"长沙市芙蓉区五一大道1号"));
		return as("POST", "/api/v1/applications", body, "Idempotency-Key", "outage-" + attachments.size() + "-" + idNumber);
	}

	private String upload(String text) {
		byte[] pdf = ("%PDF-1.4\n% " + text + " " + idNumber + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		Response uploaded = api.upload("/api/v1/attachments", user, PASSWORD, pdf, "application/pdf");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		return uploaded.json("$.hash");
	}

	private Response as(String method, String path, Object body, String... headers) {
		return api.send(method, path, user, PASSWORD, body, headers);
	}
}
