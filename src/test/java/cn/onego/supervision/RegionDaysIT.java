package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;

/**
 * The volumes without a hall, matter or channel filter come from the rollup by day, county and accepting region (V66),
 * which the fold keeps in the statement that keeps the detailed counts: both give the same figures, for a county, its
 * city and, table-wide, for every day and region.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegionDaysIT {

	static final String COUNTY = TestRegions.REGION_DAYS;
	static final String OTHER_COUNTY = TestRegions.REGION_DAYS_OTHER;
	static final String CITY = "431000";

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	Dashboard dashboard;

	@Autowired
	JdbcClient jdbc;

	@Test
	void readsTheSameVolumesFromTheRollupAsFromTheDetailedCounts() {
		ApiClient api = new ApiClient(port);
		String accepted = caseOf(api, COUNTY);
		CaseWorld world = new CaseWorld(api, COUNTY);
		String refused = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		Response notAccepted = world.as(world.clerkOf(refused), "POST", "/api/v1/cases/" + refused + "/refusal", Map.of("version",
				world.caseVersion(refused), "reason", "申请材料不齐全且不予补正", "legalBasis", "《中华人民共和国行政许可法》第三十二条"));
		assertThat(notAccepted.status()).as(notAccepted.body()).isEqualTo(200);
		caseOf(api, OTHER_COUNTY);
		String channel = world.view(CaseWorld.OBSERVER, accepted).json("$.caseFile.channel");

		LocalDate today = LocalDate.now(clock);
		Dashboard.Filter county = filter(COUNTY, null, null);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Dashboard.Volume> v = dashboard.volumes(county);
			return v.size() == 1 && v.get(0).submitted() == 2 && v.get(0).accepted() == 1 && v.get(0).notAccepted() == 1;
		});
		assertThat(dashboard.volumes(county)).containsExactly(new Dashboard.Volume(today, 2, 1, 1, 0, 0));
		assertThat(dashboard.volumes(filter(COUNTY, "HN-CATERING", null))).as("the detailed counts, by matter")
			.isEqualTo(dashboard.volumes(county));
		assertThat(dashboard.volumes(filter(COUNTY, null, channel))).as("the detailed counts, by channel")
			.isEqualTo(dashboard.volumes(county));
		Awaitility.await().atMost(Duration.ofSeconds(30))
			.until(() -> dashboard.volumes(filter(OTHER_COUNTY, null, null)).stream().mapToLong(Dashboard.Volume::submitted).sum() == 1);

		// the city: its counties' rows only, the same from either table
		Dashboard.Filter city = new Dashboard.Filter(CITY, null, null, null, null, today.minusDays(30), today);
		assertThat(dashboard.volumes(city)).isEqualTo(volumesOfDetailedCounts("4310%", today.minusDays(30), today));

		// every day, region and accepting region at once, in one statement (one snapshot of both tables): the 跨域 figures
		// read the same columns (CrossRegionCountsIT checks them through the dashboard)
		assertThat(jdbc.sql("""
				WITH detailed AS (
				    SELECT day, region, accepting_region, sum(submitted) AS submitted, sum(accepted) AS accepted,
				           sum(not_accepted) AS not_accepted, sum(issued) AS issued, sum(refused) AS refused
				    FROM supervision_case_day GROUP BY 1, 2, 3
				), rolled AS (
				    SELECT day, region, accepting_region, submitted::bigint, accepted::bigint, not_accepted::bigint, issued::bigint,
				           refused::bigint
				    FROM supervision_region_day
				)
				SELECT count(*) FROM ((SELECT * FROM detailed EXCEPT SELECT * FROM rolled) UNION ALL (SELECT * FROM rolled EXCEPT SELECT * FROM detailed)) d""")
			.query(Long.class)
			.single()).as("rows where the rollup and the detailed counts differ").isZero();
	}

	private Dashboard.Filter filter(String region, String matter, String channel) {
		LocalDate today = LocalDate.now(clock);
		return new Dashboard.Filter(region, null, null, matter, channel, today, today);
	}

	/** The volumes as the dashboard read them before V66: from the detailed counts. */
	private List<Dashboard.Volume> volumesOfDetailedCounts(String prefix, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT day, sum(submitted), sum(accepted), sum(not_accepted), sum(issued), sum(refused) FROM supervision_case_day
				WHERE day BETWEEN ? AND ? AND region LIKE ? GROUP BY day ORDER BY day""")
			.params(from, to, prefix)
			.query((rs, n) -> new Dashboard.Volume(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	/** A catering case of the county, accepted at the window. */
	private static String caseOf(ApiClient api, String region) {
		CaseWorld world = new CaseWorld(api, region);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		return caseId;
	}
}
