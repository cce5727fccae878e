package cn.onego.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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

/**
 * Satisfaction by region and hall comes from the daily rollup (V67), which rating a case and closing a rectification
 * keep: its figures are the ones counted from the ratings themselves, for a county, its city and the province, and the
 * dashboard shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RatingDaysIT {

	static final String COUNTY = TestRegions.RATING_DAYS;
	static final String OTHER_COUNTY = TestRegions.RATING_DAYS_OTHER;
	static final String CITY = "431000";

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	Ratings ratings;

	@Test
	void countsEachRatingAndEachClosedRectificationOnItsDayAsTheRatingsThemselvesGiveThem() {
		ApiClient api = new ApiClient(port);
		Map<Integer, Rated> county = new HashMap<>();
		for (int level : new int[] { 1, 4, 5 }) {
			county.put(level, rateClosedCase(api, COUNTY, level));
		}
		rateClosedCase(api, OTHER_COUNTY, 2);
		rateClosedCase(api, OTHER_COUNTY, 3);
		// the rectification of the 非常不满意 is found unjustified and closed after the callback; the other stays open
		Rated closedOne = county.get(5);
		String rectification = (String) ((List<Map<String, Object>>) closedOne.world().as(closedOne.clerk(), "GET",
				"/api/v1/rectifications?responsible=" + closedOne.hall(), null).json("$[?(@.caseId == '" + closedOne.caseId() + "')]"))
			.get(0)
			.get("id");
		closedOne.world().as(closedOne.clerk(), "POST", "/api/v1/rectifications/" + rectification + "/verification",
				Map.of("version", 0, "finding", "不实：当日系统故障已公告", "justified", false));
		Response closed = closedOne.world().as(closedOne.clerk(), "POST", "/api/v1/rectifications/" + rectification + "/callback",
				Map.of("version", 1, "result", "BASICALLY_SATISFIED"));
		assertThat((String) closed.json("$.state")).as(closed.body()).isEqualTo("CLOSED");

		LocalDate today = LocalDate.now(clock);
		LocalDate tomorrow = today.plusDays(1);
		List<RatingStatistics> ofCounty = ratings.statistics(Ratings.GroupBy.REGION, today, tomorrow, COUNTY);
		assertThat(ofCounty).hasSize(1);
		assertThat(ofCounty.get(0).counts()).containsExactly(1, 0, 0, 1, 1);
		assertThat(ofCounty.get(0).rectifications()).isEqualTo(2);
		assertThat(ofCounty.get(0).rectificationsClosed()).isEqualTo(1);
		assertThat(ofCounty).usingRecursiveComparison()
			.isEqualTo(ratings.statisticsOfRatings(Ratings.GroupBy.REGION, today, tomorrow, COUNTY));

		for (Ratings.GroupBy group : List.of(Ratings.GroupBy.REGION, Ratings.GroupBy.HALL)) {
			assertThat(ratings.statistics(group, today, tomorrow, CITY)).as("the city by " + group)
				.usingRecursiveComparison()
				.isEqualTo(ratings.statisticsOfRatings(group, today, tomorrow, CITY));
			assertThat(ratings.statistics(group, today.minusDays(30), today, CITY)).as("a period that ends before today's ratings")
				.usingRecursiveComparison()
				.isEqualTo(ratings.statisticsOfRatings(group, today.minusDays(30), today, CITY));
		}
		// the province's rows of these counties: other tests' ratings lie elsewhere in the province
		assertThat(ours(ratings.statistics(Ratings.GroupBy.REGION, today, tomorrow, "430000"))).as("the province")
			.hasSize(2)
			.usingRecursiveComparison()
			.isEqualTo(ours(ratings.statisticsOfRatings(Ratings.GroupBy.REGION, today, tomorrow, "430000")));

		Response dashboard = api.send("GET", "/api/v1/supervision/dashboard?region=" + COUNTY + "&from=" + today + "&to=" + today,
				"supervisor", "onego-supervisor", null);
		assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
		assertThat((List<Integer>) dashboard.json("$.satisfaction.counts")).containsExactly(1, 0, 0, 1, 1);
		assertThat((Integer) dashboard.json("$.satisfaction.rectificationsClosed")).isEqualTo(1);
		assertThat((Double) dashboard.json("$.satisfaction.rectificationRate")).isEqualTo(50.0);
	}

	private static List<RatingStatistics> ours(List<RatingStatistics> province) {
		return province.stream().filter(s -> s.key().equals(COUNTY) || s.key().equals(OTHER_COUNTY)).toList();
	}

	private record Rated(CaseWorld world, String caseId, String clerk, String hall) {
	}

	/** A case of the county closed at the window (refused there), rated by its applicant. */
	private static Rated rateClosedCase(ApiClient api, String region, int level) {
		CaseWorld world = new CaseWorld(api, region);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response refused = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version", world.caseVersion(caseId),
				"reason", "申请材料不齐全且不予补正", "legalBasis", "《中华人民共和国行政许可法》第三十二条"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		Map<String, Object> body = new HashMap<>(Map.of("level", level, "channel", "MOBILE"));
		if (level >= 4) {
			body.put("comment", "等候时间过长");
		}
		Response rated = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/rating", body);
		assertThat(rated.status()).as(rated.body()).isEqualTo(201);
		return new Rated(world, caseId, clerk, world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.hall"));
	}
}
