package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;

/** The questionnaire and the metrics over HTTP, and an enterprise applying through its legal representative. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GuidanceApiIT {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void showsTheConsequencesOfEveryAnswerAtOnce() {
		Response first = api.send("POST", "/api/v1/matters/HN-CATERING/guidance", null, null, Map.of());
		assertThat((Boolean) first.json("$.complete")).isFalse();
		assertThat((List<String>) first.json("$.questions[?(@.open == true)].code")).contains("HAS_BUSINESS_LICENCE");

		Response answered = api.send("POST", "/api/v1/matters/HN-CATERING/guidance", null, null, Map.of("answers",
				Map.of("HAS_BUSINESS_LICENCE", List.of("NO"), "ENTITY_FORM", List.of("INDIVIDUAL_BUSINESS"),
						"PUBLIC_GATHERING_PLACE", List.of("YES"), "OUTDOOR_SIGNBOARD", List.of("YES"), "SELLS_TOBACCO",
						List.of("YES"))));
		assertThat((Boolean) answered.json("$.complete")).isTrue();
		assertThat((List<?>) answered.json("$.items")).hasSize(7);
		assertThat((Integer) answered.json("$.metrics.departments")).isEqualTo(6);
		assertThat((List<String>) answered.json("$.materials[?(@.code == 'BUSINESS_LICENCE')].resolution.explanation.zh"))
			.singleElement().asString().startsWith("由本件事的前置事项");
		assertThat((List<String>) answered.json("$.form.sections[*].fields[*].element")).doesNotHaveDuplicates();

		Response wrong = api.send("POST", "/api/v1/matters/HN-CATERING/guidance", null, null,
				Map.of("answers", Map.of("SELLS_TOBACCO", List.of("MAYBE"))));
		assertThat((List<String>) wrong.json("$.problems[*].field")).containsExactly("answers.SELLS_TOBACCO");
	}

	@Test
	void servesTheMetricsOfAMatterAndOfARegion() {
		Response matter = api.get("/api/v1/matters/HN-CATERING/metrics");
		assertThat((Integer) matter.json("$.before.materials")).isGreaterThan(matter.json("$.after.materials"));
		// the default answers apply four items: legal limits 3 + 20 + 0 + 20, promised 1 + 5 + 0 + 5; the critical path 6
		assertThat((Integer) matter.json("$.workingDaysBefore.legal")).isEqualTo(43);
		assertThat((Integer) matter.json("$.workingDaysBefore.promised")).isEqualTo(43 - 32).isEqualTo(matter.json("$.before.workingDays"));
		assertThat((Double) matter.json("$.workingDaysBefore.reductionFromLegal")).isEqualTo(86.0);
		assertThat((Integer) matter.json("$.registries.allConnected")).as("this deployment's registries beside all of them")
			.isEqualTo(matter.json("$.after.materials"));
		assertThat((List<String>) matter.json("$.registries.removedBy[*].source")).contains("E_LICENCE");
		Response region = api.get("/api/v1/metrics/regions/430100");
		assertThat((Integer) region.json("$.aggregate.matters")).isGreaterThanOrEqualTo(15);
		assertThat((String) region.json("$.regionName")).isEqualTo("长沙市");
		assertThat(api.get("/api/v1/metrics/regions/4301").status()).isEqualTo(400);
	}

	@Test
	void letsTheLegalRepresentativeNamedInTheEnterpriseRegistryApplyForTheEnterprise() {
		String idNumber = Identities.idNumber();
		String creditCode = Identities.creditCode();
		String user = Citizens.register(api, "王老板", idNumber).username();
		Map<String, Object> draft = Map.of("matter", "HN-CATERING", "applicant",
				Map.of("kind", "ENTERPRISE", "id", creditCode, "name", "长沙王记粉面馆"));
		assertThat(api.send("POST", "/api/v1/drafts", user, "secret-pass-2", draft).status()).isEqualTo(403);

		Response registry = api.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + creditCode, "admin",
				"onego-admin", Map.of("ENTERPRISE_NAME", "长沙王记粉面馆", "LEGAL_REP_ID", idNumber));
		assertThat(registry.status()).isEqualTo(200);
		Response created = api.send("POST", "/api/v1/drafts", user, "secret-pass-2", draft);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat((String) created.json("$.applicant.id")).isEqualTo(creditCode);
		assertThat(created.body()).doesNotContain("\"agent\"");
	}
}
