package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
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
import cn.onego.Identities;
import cn.onego.TestRegions;

/**
 * What staff look for in their work over HTTP: the window's and the department's queues searched by case number,
 * applicant and day of submission within their own hall or department; the post-verifications and the
 * rectifications with what identifies them for people — the case's number, the applicant's name, the materials
 * and the rating's words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@SuppressWarnings("unchecked")
class StaffQueuesIT {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void theWindowSearchesItsOwnHallsQueueByNumberApplicantAndDayOfSubmission() {
		ApiClient api = new ApiClient(port);
		CaseWorld first = new CaseWorld(api);
		CaseWorld second = new CaseWorld(api);
		String one = first.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String two = second.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = first.clerkOf(one);
		String number = first.view(CaseWorld.OBSERVER, one).json("$.caseFile.number");
		String today = LocalDate.now(clock).toString();

		List<Map<String, Object>> exact = queue(first, clerk, "number=" + number);
		assertThat(exact).extracting(c -> c.get("id")).containsExactly(one);
		String applicant = (String) exact.get(0).get("applicantName");
		assertThat(ids(first, clerk, "number=" + number.substring(0, number.length() - 4))).contains(one);
		assertThat(ids(first, clerk, "applicant=" + applicant.substring(1))).contains(one, two);
		assertThat(ids(first, clerk, "applicant=" + applicant + "无此人")).doesNotContain(one, two);
		assertThat(ids(first, clerk, "applicant=" + applicant + "&number=" + number)).containsExactly(one);
		assertThat(ids(first, clerk, "from=" + today + "&to=" + today)).contains(one, two);
		assertThat(ids(first, clerk, "from=" + LocalDate.now(clock).plusDays(1))).doesNotContain(one, two);
		assertThat(first.as(clerk, "GET", "/api/v1/window/cases?applicant=%25", null).status()).as("no wildcard in a name")
			.isEqualTo(400);
		assertThat(ids(first, clerk, "number=" + number.substring(0, 6) + "_")).as("'_' is only itself").isEmpty();

		Response badDay = first.as(clerk, "GET", "/api/v1/window/cases?from=2026-13-01", null);
		assertThat(badDay.status()).isEqualTo(400);
		assertThat((List<String>) badDay.json("$.errors[*].field")).containsExactly("from");
		Response backwards = first.as(clerk, "GET", "/api/v1/window/cases?from=" + today + "&to=2020-01-01", null);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat((List<String>) backwards.json("$.errors[*].field")).containsExactly("to");
		assertThat(first.as(clerk, "GET", "/api/v1/window/cases?number=" + "x'--", null).status()).isEqualTo(400);

		CaseWorld elsewhere = new CaseWorld(api, TestRegions.EVALUATION);
		String otherClerk = elsewhere.clerkOf(elsewhere.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of()));
		assertThat(ids(elsewhere, otherClerk, "number=" + number)).as("another hall's case is not found by its number").isEmpty();
	}

	@Test
	void theDepartmentSearchesItsQueueAndSeesItsVerificationsByCaseApplicantAndMaterial() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");

		Map<String, Object> food = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		String department = (String) food.get("department");
		String reviewer = world.reviewerOf(department, "-search");
		String tasks = "/api/v1/departments/" + department + "/tasks?";
		List<String> found = world.as(reviewer, "GET", tasks + "number=" + number, null).json("$[*].task.id");
		assertThat(found).containsExactly((String) food.get("id"));
		List<Map<String, Object>> entries = world.as(reviewer, "GET", tasks + "number=" + number, null).json("$");
		String applicant = (String) entries.get(0).get("applicantName");
		assertThat((List<String>) world.as(reviewer, "GET", tasks + "applicant=" + applicant + "&from=" + LocalDate.now(clock), null)
			.json("$[*].task.caseId")).contains(caseId);
		assertThat((List<String>) world.as(reviewer, "GET", tasks + "number=" + number + "&to=2020-01-01", null).json("$"))
			.isEmpty();
		assertThat(world.as(reviewer, "GET", tasks + "to=not-a-day", null).status()).isEqualTo(400);

		String registration = (String) world.task(caseId, "HN-SCJG-ENT-REG").get("department");
		String registrar = world.reviewerOf(registration, "HN-SCJG-ENT-REG");
		List<Map<String, Object>> verifications = world.as(registrar, "GET", "/api/v1/departments/" + registration + "/verifications",
				null).json("$[?(@.caseId == '" + caseId + "')]");
		assertThat(verifications).singleElement().satisfies(v -> {
			assertThat(v.get("caseNumber")).isEqualTo(number);
			assertThat(v.get("applicantName")).isEqualTo(applicant);
			assertThat((List<Map<String, String>>) v.get("materials")).isNotEmpty()
				.allSatisfy(m -> assertThat(m.get("zh")).isNotBlank().doesNotContain("PREMISES_USE_PROOF"));
			assertThat(v.get("colour")).isIn("GREEN", "YELLOW");
			assertThat(((Map<String, String>) v.get("itemName")).get("zh")).isNotBlank();
		});
	}

	@Test
	void aRectificationShowsTheRatedCaseByNumberWithTheRatingAndItsComment() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version", world.caseVersion(caseId),
				"reason", "经营场所不符合要求", "legalBasis", "《中华人民共和国食品安全法》第三十三条")).status()).isEqualTo(200);
		assertThat(world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/rating",
				Map.of("level", 5, "channel", "MOBILE", "comment", "窗口让我跑了三次")).status()).isEqualTo(201);
		String hall = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.hall");
		List<Map<String, Object>> mine = world.as(clerk, "GET", "/api/v1/rectifications?responsible=" + hall, null)
			.json("$[?(@.caseId == '" + caseId + "')]");
		assertThat(mine).singleElement().satisfies(r -> {
			assertThat(r.get("caseNumber")).isEqualTo(world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number"));
			assertThat(r.get("level")).isEqualTo("VERY_DISSATISFIED");
			assertThat(r.get("comment")).isEqualTo("窗口让我跑了三次");
			assertThat(r.get("matter")).isEqualTo("HN-CATERING");
			assertThat(r.get("ratedAt")).isNotNull();
		});
	}

	private static List<Map<String, Object>> queue(CaseWorld world, String clerk, String query) {
		Response answer = world.as(clerk, "GET", "/api/v1/window/cases?" + query, null);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json("$");
	}

	private static List<Object> ids(CaseWorld world, String clerk, String query) {
		return queue(world, clerk, query).stream().map(c -> c.get("id")).toList();
	}
}
