package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.platform.RateLimits;

/**
 * 办件进度查询: with the receipt's case number and query code (or the mobile number's last four digits) anyone
 * follows a case without signing in, and learns nothing personal; guessing is answered like an unknown case
 * and soon refused with 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgressLookupIT {

	@LocalServerPort
	int port;

	@Autowired
	RateLimits limits;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aCaseOpenedBeforeQueryCodesGetsOneAtItsFirstReceiptAndKeepsIt() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.acceptedCatering();
		// as a case of before V31 is
		jdbc.sql("UPDATE case_file SET query_code = NULL WHERE id = ?::uuid").param(caseId).update();
		String code = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null).json("$.queryCode");
		assertThat(code).matches("[0-9A-F]{8}");
		assertThat(jdbc.sql("SELECT query_code FROM case_file WHERE id = ?::uuid").param(caseId).query(String.class).single()).isEqualTo(code);
		assertThat((String) world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null).json("$.queryCode"))
			.isEqualTo(code);
	}

	@Test
	void theReceiptsNumberAndCodeShowTheStageAndDepartmentsButNothingPersonal() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		Response receipt = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null);
		String number = receipt.json("$.number");
		String code = receipt.json("$.queryCode");
		assertThat(code).matches("[0-9A-F]{8}");
		assertThat((String) world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/receipt", null).json("$.queryCode"))
			.as("the same code on every print").isEqualTo(code);

		Response progress = api.get("/api/v1/progress?number=" + number + "&code=" + code.toLowerCase(), null, null,
				"X-Forwarded-For", "198.51.100.1");
		assertThat(progress.status()).as(progress.body()).isEqualTo(200);
		assertThat((String) progress.json("$.state")).isEqualTo("IN_PROGRESS");
		assertThat((List<String>) progress.json("$.departments[*].department.zh")).contains("芙蓉区市场监督管理局");
		assertThat(progress.body()).doesNotContain(world.idNumber).doesNotContain("陈创业").doesNotContain(world.applicant)
			.doesNotContain("五一大道").doesNotContain(world.mobile).doesNotContain(clerk);

		Response byMobile = api.get("/api/v1/progress?number=" + number + "&mobileLast4=" + world.mobile.substring(7), null, null, "X-Forwarded-For",
				"198.51.100.1");
		assertThat(byMobile.status()).as("the mobile number given for the result").isEqualTo(200);
		assertThat(byMobile.json("$").toString()).isEqualTo(progress.json("$").toString());
	}

	@Test
	void aWrongCodeLooksLikeAnUnknownCaseAndGuessingOneCaseIsStopped() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");

		Response wrong = api.get("/api/v1/progress?number=" + number + "&code=00000000", null, null, "X-Forwarded-For",
				"198.51.100.2");
		Response unknown = api.get("/api/v1/progress?number=430102-20260302-99999999-0&code=00000000", null, null,
				"X-Forwarded-For", "198.51.100.2");
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(unknown.status()).isIn(400, 404);
		assertThat(api.get("/api/v1/progress?number=" + number, null, null, "X-Forwarded-For", "198.51.100.2").status())
			.as("a code or the mobile's last digits is needed").isEqualTo(400);

		// the case's own limit holds whatever addresses guess from
		long allowed = limits.limit("progress-per-case").capacity();
		int status = 0;
		for (int i = 0; i < allowed + 2 && status != 429; i++) {
			String guess = String.format("%04d", i).equals(world.mobile.substring(7)) ? "9999" : String.format("%04d", i);
			status = api.get("/api/v1/progress?number=" + number + "&mobileLast4=" + guess, null, null,
					"X-Forwarded-For", "198.51.100." + (10 + i)).status();
		}
		assertThat(status).isEqualTo(429);
		Response refused = api.get("/api/v1/progress?number=" + number + "&mobileLast4=" + world.mobile.substring(7), null, null, "X-Forwarded-For",
				"198.51.100.99");
		assertThat(refused.status()).as("even the right answer waits").isEqualTo(429);
		assertThat(refused.entity().getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(refused.contentType()).startsWith("application/problem+json");
	}
}
