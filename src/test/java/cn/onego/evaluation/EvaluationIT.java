package cn.onego.evaluation;

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
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;

/** 好差评 over HTTP on cases that were closed at the window. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EvaluationIT {

	static final Map<String, List<String>> SHOP = CaseWorld.SMALL_SHOP;

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void takesOneRatingPerCaseFromItsApplicantOnlyAndOnlyOnceTheCaseIsClosed() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", SHOP, Set.of(), Set.of());
		Response early = rate(world, world.applicant, caseId, 1, null);
		assertThat(early.status()).isEqualTo(409);
		assertThat((String) early.json("$.code")).isEqualTo("rating-window");
		close(world, caseId);

		CaseWorld stranger = new CaseWorld(api);
		assertThat(rate(stranger, stranger.applicant, caseId, 5, "乱评").status()).as("another's case does not exist for them")
			.isEqualTo(404);
		assertThat(rate(world, world.applicant, caseId, 7, null).status()).isEqualTo(400);
		Response rated = rate(world, world.applicant, caseId, 2, "窗口一次告知清楚");
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
		assertThat((String) rated.json("$.level")).isEqualTo("SATISFIED");
		Response again = rate(world, world.applicant, caseId, 1, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("already-rated");
	}

	@Test
	void opensARectificationForABadRatingDueInFifteenWorkingDaysAndFollowsItToTheCallback() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", SHOP, Set.of(), Set.of());
		String clerk = close(world, caseId);
		assertThat(rate(world, world.applicant, caseId, 5, null).status()).as("a bad rating says why").isEqualTo(400);
		assertThat(rate(world, world.applicant, caseId, 5, "窗口让我跑了三次").status()).isEqualTo(201);

		String hall = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.hall");
		List<Map<String, Object>> open = world.as(clerk, "GET", "/api/v1/rectifications?responsible=" + hall + "&state=OPEN", null)
			.json("$[?(@.caseId == '" + caseId + "')]");
		assertThat(open).hasSize(1);
		String today = LocalDate.now(clock).toString();
		String expectedDue = api.get("/api/v1/calendar/working-days/after?from=" + today + "&days=15&region=" + world.region)
			.json("$.to");
		assertThat(open.get(0).get("dueOn")).isEqualTo(expectedDue);
		assertThat(open.get(0).get("colour")).isEqualTo("GREEN");

		String id = (String) open.get(0).get("id");
		Response wrongStep = world.as(clerk, "POST", "/api/v1/rectifications/" + id + "/callback",
				Map.of("version", 0, "result", "SATISFIED"));
		assertThat(wrongStep.status()).isEqualTo(409);
		Response verified = world.as(clerk, "POST", "/api/v1/rectifications/" + id + "/verification",
				Map.of("version", 0, "finding", "核实属实：未一次性告知材料要求", "justified", true));
		assertThat((String) verified.json("$.state")).isEqualTo("VERIFIED");
		Response rectified = world.as(clerk, "POST", "/api/v1/rectifications/" + id + "/rectification",
				Map.of("version", 1, "measures", "对窗口人员开展一次性告知培训，修订办事指南"));
		assertThat((String) rectified.json("$.state")).isEqualTo("RECTIFIED");
		Response closed = world.as(clerk, "POST", "/api/v1/rectifications/" + id + "/callback",
				Map.of("version", 2, "result", "SATISFIED", "note", "电话回访，申请人表示满意"));
		assertThat((String) closed.json("$.state")).isEqualTo("CLOSED");
		assertThat((String) closed.json("$.callback")).isEqualTo("SATISFIED");
		assertThat(world.as(world.applicant, "GET", "/api/v1/rectifications?responsible=" + hall, null).status()).isEqualTo(403);
	}

	@Test
	void reportsStatisticsThatMatchHandComputedValues() {
		ApiClient api = new ApiClient(port);
		String region = TestRegions.EVALUATION;
		int[] levels = { 1, 2, 3, 4, 5 };
		String hall = null;
		String clerk = null;
		String firstBad = null;
		for (int level : levels) {
			CaseWorld world = new CaseWorld(api, region);
			String caseId = world.apply("HN-CATERING", SHOP, Set.of(), Set.of());
			clerk = close(world, caseId);
			hall = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.hall");
			Response rated = rate(world, world.applicant, caseId, level, level >= 4 ? "等候时间过长" : null);
			assertThat(rated.status()).as(rated.body()).isEqualTo(201);
			if (level == 4) {
				firstBad = caseId;
			}
		}
		String rectification = (String) ((List<Map<String, Object>>) new CaseWorld(api).as(clerk, "GET",
				"/api/v1/rectifications?responsible=" + hall, null).json("$[?(@.caseId == '" + firstBad + "')]")).get(0).get("id");
		CaseWorld any = new CaseWorld(api);
		any.as(clerk, "POST", "/api/v1/rectifications/" + rectification + "/verification",
				Map.of("version", 0, "finding", "不实：当日排队系统故障已公告", "justified", false));
		assertThat((String) any.as(clerk, "POST", "/api/v1/rectifications/" + rectification + "/callback",
				Map.of("version", 1, "result", "BASICALLY_SATISFIED")).json("$.state")).isEqualTo("CLOSED");

		LocalDate today = LocalDate.now(clock);
		Response stats = api.send("GET", "/api/v1/evaluation/statistics?groupBy=REGION&region=" + region + "&from=" + today + "&to="
				+ today.plusDays(1), "supervisor", "onego-supervisor", null);
		assertThat(stats.status()).as(stats.body()).isEqualTo(200);
		Map<String, Object> row = ((List<Map<String, Object>>) stats.json("$")).get(0);
		assertThat(row.get("name")).isEqualTo("桂阳县");
		assertThat(row.get("counts")).isEqualTo(List.of(1, 1, 1, 1, 1));
		assertThat(row.get("total")).isEqualTo(5);
		assertThat(row.get("satisfactionRate")).isEqualTo(60.0);
		assertThat(row.get("goodRate")).isEqualTo(40.0);
		assertThat(row.get("badRate")).isEqualTo(40.0);
		assertThat(row.get("rectifications")).isEqualTo(2);
		assertThat(row.get("rectificationRate")).isEqualTo(50.0);
		assertThat(api.send("GET", "/api/v1/evaluation/statistics?from=" + today + "&to=" + today.plusDays(1), any.applicant,
				CaseWorld.PASSWORD, null).status()).isEqualTo(403);
	}

	/** Closes the case at the window by refusing it; returns the clerk. */
	private static String close(CaseWorld world, String caseId) {
		String clerk = world.clerkOf(caseId);
		Response refused = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version", world.caseVersion(caseId),
				"reason", "申请材料不齐全且不予补正", "legalBasis", "《中华人民共和国行政许可法》第三十二条"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		return clerk;
	}

	private static Response rate(CaseWorld world, String user, String caseId, int level, String comment) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("level", level, "channel", "MOBILE"));
		if (comment != null) {
			body.put("comment", comment);
		}
		return world.as(user, "POST", "/api/v1/cases/" + caseId + "/rating", body);
	}
}
