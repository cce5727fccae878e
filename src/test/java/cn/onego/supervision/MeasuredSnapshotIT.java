package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.TestRegions;
import cn.onego.application.Measured;
import cn.onego.cases.CaseWorld;
import cn.onego.cases.ClosedCases;
import cn.onego.clock.Calendars;
import cn.onego.shared.RegionCode;

/**
 * The daily snapshot gives the figures the old computation gives on the same cases: four catering cases of a county
 * of this test's own, issued through the API and dated back — three in the last year, taking different working days,
 * one issued more than a year ago — counted by a rebuild, then read for the county, its city, the province and all
 * regions, and compared with {@link MeasuredOutcomes#measure} over the cases {@link ClosedCases} reads for each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MeasuredSnapshotIT {

	static final String REGION = TestRegions.MEASURED_SNAPSHOT;
	static final String MATTER = "HN-CATERING";
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Calendars calendars;

	@Autowired
	ClosedCases closed;

	@Autowired
	MeasuredSnapshot snapshot;

	@Autowired
	MeasuredOutcomes outcomes;

	@Test
	void readsFromTheSnapshotWhatTheCasesThemselvesGive() {
		ApiClient api = new ApiClient(port);
		LocalDate today = LocalDate.now(clock);
		List<String> cases = List.of(new CaseWorld(api, REGION).issuedCatering(), new CaseWorld(api, REGION).issuedCatering(),
				new CaseWorld(api, REGION).issuedCatering(), new CaseWorld(api, REGION).issuedCatering());
		dated(cases.get(0), today.minusDays(40), today.minusDays(33));
		dated(cases.get(1), today.minusDays(100), today.minusDays(98));
		dated(cases.get(2), today.minusDays(200), today.minusDays(170));
		dated(cases.get(3), today.minusDays(420), today.minusDays(400));
		jdbc.sql("UPDATE case_file SET channel = 'WINDOW' WHERE id = ?::uuid").param(cases.get(1)).update();

		MeasuredSnapshot.Rebuilt rebuilt = snapshot.rebuild();

		assertThat(rebuilt.asOf()).isEqualTo(today);
		assertThat(rebuilt.cases()).isGreaterThanOrEqualTo(3);
		LocalDate since = today.minusDays(MeasuredOutcomes.PERIOD_DAYS);
		Measured county = outcomes.of(MATTER, RegionCode.of(REGION)).orElseThrow();
		assertThat(county.cases()).as("the case issued more than a year ago is left out").isEqualTo(3);
		assertThat(county.asOf()).isEqualTo(today);
		for (RegionCode region : Arrays.asList(RegionCode.of(REGION), RegionCode.of("430700"), RegionCode.of("430000"), null)) {
			Measured expected = MeasuredOutcomes
				.measure(closed.issued(MATTER, region, since), MeasuredOutcomes.calendarsOf(calendars), today)
				.orElseThrow();
			assertThat(outcomes.of(MATTER, region)).as("in " + region).contains(expected);
			assertThat(outcomes.ofEachMatter(region)).as("every matter in " + region).containsEntry(MATTER, expected);
		}

		Response metrics = api.get("/api/v1/metrics/regions/" + REGION, null, null);
		Map<String, Object> measured = ((List<Map<String, Object>>) metrics
			.json("$.matters[?(@.code == '" + MATTER + "')].metrics.measured")).get(0);
		assertThat(measured).as(metrics.body()).containsEntry("cases", 3).containsEntry("asOf", today.toString());
	}

	private void dated(String caseId, LocalDate submitted, LocalDate issued) {
		jdbc.sql("UPDATE case_file SET submitted_at = ?, accepted_at = ?, closed_at = ? WHERE id = ?::uuid")
			.params(Timestamp.from(submitted.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant()),
					Timestamp.from(submitted.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant()),
					Timestamp.from(issued.atTime(LocalTime.of(15, 0)).atZone(CHINA).toInstant()), caseId)
			.update();
	}
}
