package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
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
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.MergedForm.FormField;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.sharing.Consent;
import cn.onego.sharing.Consents;

/**
 * Once-only for real (issue 15): what the verified identity and the registries know is filled in and marked,
 * a material is badged as obtained only when it was read for the applicant, and the submission asks for
 * exactly what the badges say is still to hand in; every read shows on the person's transparency list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OnceOnlyForRealIT {

	private static final String CATERING = "HN-CATERING";
	private static final String DEMO_CITIZEN = "11010519491231002X";

	@LocalServerPort
	int port;

	@Autowired
	Submissions submissions;

	@Autowired
	Consents consents;

	@Autowired
	Attachments attachments;

	@Autowired
	Guidance guidance;

	/**
	 * The walk-through: the demo citizen 张三 opens a restaurant, consents, and the page said "已预填 0 项"
	 * and badged the ID card as an e-licence that the submission then asked for.
	 */
	@Test
	void prefillsTheDemoCitizensCateringApplicationAndNeverAsksForAMaterialBadgedAsObtained() {
		Actor zhang = new Actor("zhang" + System.nanoTime(), "张三", Set.of(Role.APPLICANT), DEMO_CITIZEN, null, null, null);
		Consent consent = consents.grant(new Consents.Grant(DEMO_CITIZEN, CATERING, null, null, "开办餐饮店一件事申请", null),
				zhang.username());
		ApplicationRecord draft = submissions.createDraft(zhang, new ApplicationInput(CATERING, CompleteApplications.REGION,
				null, CompleteApplications.SMALL_SHOP, null, null, null, null, null, consent.id(), null, null, null));

		ApplicationRecord prefilled = submissions.prefill(zhang, draft.id(), draft.version());

		Map<String, FieldValue> form = prefilled.form();
		assertThat(form.values()).as("the page's 已预填 N 项").filteredOn(v -> v.source() == FieldValue.Source.PREFILLED)
			.isNotEmpty()
			.allSatisfy(v -> assertThat(v.origin()).as("each says where it came from").isNotNull());
		assertThat(form.get("LEGAL_REP_NAME").value()).as("the founder runs the shop").isEqualTo("张三");
		assertThat(form.get("LEGAL_REP_ID_NUMBER").origin()).isEqualTo(FieldValue.Origin.IDENTITY);
		assertThat(form.get("ENTITY_FORM").value()).as("answered in the questionnaire").isEqualTo("INDIVIDUAL_BUSINESS");
		assertThat(form.get("ENTITY_FORM").origin()).isEqualTo(FieldValue.Origin.QUESTIONNAIRE);

		List<MaterialEntry> badged = obtained(prefilled);
		assertThat(badged).extracting(MaterialEntry::material).contains("RESIDENT_ID_CARD");
		assertThat(badged).allSatisfy(m -> assertThat(m.explanation().zh()).startsWith("已通过"));

		Submissions.Submitted submitted = submissions.submit(zhang, "demo-" + UUID.randomUUID(), draft.id(),
				rest(zhang, prefilled));
		Map<String, MaterialEntry> resolved = new HashMap<>();
		submitted.application().materials().resolved().forEach(m -> resolved.put(m.material(), m));
		assertThat(badged).allSatisfy(m -> {
			assertThat(resolved.get(m.material()).source()).as(m.material()).isEqualTo(m.source());
			assertThat(resolved.get(m.material()).attachment()).as("nothing uploaded for " + m.material()).isNull();
			assertThat(resolved.get(m.material()).gap()).isFalse();
		});
	}

	/**
	 * A person with a household record and an e-ID card, legal representative of a registered company that holds
	 * its business licence, applies for the company: nothing the registries or the wallet hold is uploaded, every
	 * prefilled field is marked, and every read is on the person's (and the company's) transparency list.
	 */
	@Test
	void letsARepresentativeWithABusinessAndAHouseholdRecordUploadNothingTheGovernmentHolds() {
		ApiClient api = new ApiClient(port);
		String person = Identities.idNumber();
		String company = Identities.creditCode();
		Citizens.Citizen wang = Citizens.register(api, "王掌柜", person);
		admin(api, "PUT", "/api/v1/admin/registries/POPULATION/records/" + person, Map.of("APPLICANT_NAME", "王掌柜",
				"APPLICANT_ID_NUMBER", person, "HOUSEHOLD_ADDRESS", "湖南省长沙市芙蓉区韭菜园路8号", "MOBILE", wang.mobile()));
		admin(api, "PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + company, Map.of("ENTERPRISE_NAME", "长沙王掌柜餐饮有限公司",
				"LEGAL_REP_NAME", "王掌柜", "LEGAL_REP_ID", person, "REGISTERED_ADDRESS", "湖南省长沙市芙蓉区解放西路18号",
				"BUSINESS_SCOPE", "餐饮服务；食品销售"));
		admin(api, "POST", "/api/v1/admin/e-licences", Map.of("holder", company, "licenceType", "BUSINESS_LICENCE", "number",
				company, "name", "营业执照", "issuer", "长沙市芙蓉区市场监督管理局", "validUntil", "2046-01-01"));
		admin(api, "POST", "/api/v1/admin/e-licences", Map.of("holder", person, "licenceType", "RESIDENT_ID_CARD", "number",
				person, "name", "居民身份证", "issuer", "长沙市公安局芙蓉分局", "validUntil", "2036-01-01"));
		Map<String, List<String>> answers = Map.of("HAS_BUSINESS_LICENCE", List.of("YES"), "PUBLIC_GATHERING_PLACE",
				List.of("NO"), "OUTDOOR_SIGNBOARD", List.of("NO"), "SELLS_TOBACCO", List.of("NO"));

		// the company's consent, and the representative's own for their identity card
		String companyConsent = send(api, wang, "POST", "/api/v1/consents",
				Map.of("matter", CATERING, "subject", company, "purpose", "开办餐饮店一件事申请")).json("$.id");
		send(api, wang, "POST", "/api/v1/consents", Map.of("matter", CATERING, "purpose", "开办餐饮店一件事申请"));
		Response draft = send(api, wang, "POST", "/api/v1/drafts", Map.of("matter", CATERING, "region", "430102", "applicant",
				Map.of("kind", "ENTERPRISE", "id", company, "name", "长沙王掌柜餐饮有限公司"), "answers", answers, "consentId",
				companyConsent));
		String id = draft.json("$.id");
		Response prefilled = send(api, wang, "POST", "/api/v1/drafts/" + id + "/prefill?version=0", null);

		Map<String, Map<String, Object>> form = prefilled.json("$.form");
		assertThat(form.values()).isNotEmpty().allSatisfy(v -> {
			assertThat(v.get("source")).isEqualTo("PREFILLED");
			assertThat(v.get("origin")).isNotNull();
		});
		assertThat(form.get("ENTERPRISE_NAME")).containsEntry("value", "长沙王掌柜餐饮有限公司").containsEntry("origin", "REGISTRY")
			.containsEntry("registry", "ENTERPRISE").containsEntry("consentId", companyConsent);
		assertThat(form.get("CREDIT_CODE")).containsEntry("value", company);
		assertThat(form.get("SHOP_ADDRESS")).containsEntry("value", "湖南省长沙市芙蓉区解放西路18号");
		assertThat(form.get("BUSINESS_SCOPE")).containsEntry("value", "餐饮服务；食品销售");
		assertThat(form.get("LEGAL_REP_NAME")).containsEntry("value", "王掌柜").containsEntry("origin", "IDENTITY");
		assertThat(form.get("LEGAL_REP_ID_NUMBER")).containsEntry("value", person);
		List<String> obtained = prefilled.json("$.materials.resolved[?(@.source in ['E_LICENCE', 'REGISTRY'])].material");
		assertThat(obtained).containsExactlyInAnyOrder("BUSINESS_LICENCE", "RESIDENT_ID_CARD");

		// the applicant uploads only what nobody holds, and types only what nobody knows
		List<Map<String, Object>> toUpload = prefilled.json("$.materials.resolved[?(@.source == 'UPLOAD' && @.required == true)]");
		Map<String, String> uploads = new HashMap<>();
		toUpload.forEach(m -> uploads.put((String) m.get("material"), api.upload("/api/v1/attachments", wang.username(), null,
				("%PDF-1.4\n% " + m.get("material") + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
				"application/pdf").json("$.hash")));
		assertThat(uploads).doesNotContainKeys("BUSINESS_LICENCE", "RESIDENT_ID_CARD").isNotEmpty();
		Map<String, String> typed = new HashMap<>();
		guidance.guide(CATERING, new Answers(answers), Set.of(), MaterialSources.NONE).form().fields().stream()
			.filter(field -> !form.containsKey(field.element()))
			.forEach(field -> typed.put(field.element(), CompleteApplications.valueOf(field, person)));
		Response submitted = send(api, wang, "POST", "/api/v1/drafts/" + id + "/submission", Map.of("form", typed, "attachments",
				uploads, "delivery", Map.of("method", "WINDOW_PICKUP")), "Idempotency-Key", "rep-" + id);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		List<Map<String, Object>> fromWallet = submitted.json("$.materials.resolved[?(@.source == 'E_LICENCE')]");
		assertThat(fromWallet).extracting(m -> m.get("material")).containsExactlyInAnyOrder("BUSINESS_LICENCE", "RESIDENT_ID_CARD");
		assertThat(fromWallet).allSatisfy(m -> assertThat(m.get("attachment")).as("nothing uploaded").isNull());
		assertThat((List<String>) submitted.json("$.form.*.origin")).contains("IDENTITY", "REGISTRY");

		// the reads, on each one's transparency list, in words
		List<Map<String, Object>> own = send(api, wang, "GET", "/api/v1/data-access", null).json("$");
		assertThat(own).filteredOn(r -> "GRANTED".equals(r.get("outcome")) && "E_LICENCE".equals(r.get("source")))
			.isNotEmpty()
			.allSatisfy(r -> {
				assertThat(((Map<?, ?>) r.get("what")).get("zh")).isEqualTo("电子证照：居民身份证");
				assertThat(((Map<?, ?>) r.get("who")).get("zh")).isEqualTo("一件事一次办平台（代您读取）");
				assertThat(((String) ((Map<?, ?>) r.get("basis")).get("zh"))).startsWith("您的授权：开办餐饮店一件事");
			});
		List<Map<String, Object>> companyReads = send(api, wang, "GET", "/api/v1/data-access?subject=" + company, null).json("$");
		assertThat(companyReads).filteredOn(r -> "GRANTED".equals(r.get("outcome")))
			.extracting(r -> r.get("source"))
			.contains("ENTERPRISE", "E_LICENCE");
		assertThat(companyReads).allSatisfy(r -> assertThat(r.get("consentId")).isEqualTo(companyConsent));
	}

	/** The materials the prefill decided were obtained: what the page badges as such. */
	private static List<MaterialEntry> obtained(ApplicationRecord draft) {
		return draft.materials().resolved().stream()
			.filter(m -> m.source() == Resolution.Source.E_LICENCE || m.source() == Resolution.Source.REGISTRY)
			.toList();
	}

	/** The rest of a complete application: the fields nobody prefilled, an upload for each material to hand in. */
	private ApplicationInput rest(Actor applicant, ApplicationRecord draft) {
		Map<String, String> form = new HashMap<>();
		Guidance.Outcome guided = guidance.guide(CATERING, new Answers(draft.answers()), Set.of(), MaterialSources.NONE);
		for (FormField field : guided.form().fields()) {
			if (!draft.form().containsKey(field.element())) {
				form.put(field.element(), CompleteApplications.valueOf(field, applicant.idNumber()));
			}
		}
		Map<String, String> uploads = new HashMap<>();
		draft.materials().resolved().stream()
			.filter(m -> m.required() && m.source() == Resolution.Source.UPLOAD)
			.forEach(m -> uploads.put(m.material(), attachments.store(applicant.username(), m.material() + ".pdf",
					("%PDF-1.4\n% " + m.material() + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
					"application/pdf").hash()));
		return new ApplicationInput(null, null, null, null, form, Map.of(), null, uploads,
				new Delivery(Delivery.Method.WINDOW_PICKUP, null, null, null), null, null, null, null);
	}

	private static Response send(ApiClient api, Citizens.Citizen who, String method, String path, Object body, String... headers) {
		Response response = api.send(method, path, who.username(), null, body, headers);
		assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
		return response;
	}

	private static void admin(ApiClient api, String method, String path, Object body) {
		Response response = api.send(method, path, "admin", "onego-admin", body);
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
	}
}
