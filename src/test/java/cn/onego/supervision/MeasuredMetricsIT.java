package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import cn.onego.cases.CaseWorld;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.RegionCode;

/**
 * The measured figures beside the computed ones: two catering cases of a region of this test's own, handled to the
 * end through the API, then dated back to a weekend apart — one applied for online and mailed, one handed in at the
 * counter, with a supply at the window and collected there — give exactly their working days, trips and uploads in
 * the region's metrics and on the dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MeasuredMetricsIT {

	static final String REGION = TestRegions.MEASURED_METRICS;
	static final String CITY = RegionCode.of(REGION).value().substring(0, 4) + "00";
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Calendars calendars;

	/** The figures are a daily snapshot: counted again before each read, as the nightly run would. */
	@Autowired
	MeasuredSnapshot snapshot;

	@Test
	void servesWhatIssuedCasesReallyTookBesideTheComputedFigures() {
		ApiClient api = new ApiClient(port);
		snapshot.rebuild();
		Response none = api.get("/api/v1/metrics/regions/" + REGION, null, null);
		assertThat((Object) none.json("$.matters[?(@.code == 'HN-CATERING')].metrics.measured")).as(none.body())
			.isEqualTo(List.of());
		// the city is shared with WhatIfIT's district, whose generated cases may be counted there already
		snapshot.rebuild();
		int cityBefore = cases(api.get("/api/v1/metrics/regions/" + CITY, null, null));

		CaseWorld online = new CaseWorld(api, REGION);
		String mailed = online.issuedCatering();
		CaseWorld counter = new CaseWorld(api, REGION);
		String collected = counter.issuedCatering();
		int uploaded = jdbc.sql("""
				SELECT count(*) FROM application a, jsonb_object_keys(a.materials -> 'attachments')
				WHERE a.id = (SELECT application_id FROM case_file WHERE id = ?::uuid)""").param(mailed).query(Integer.class).single();
		assertThat(uploaded).as("every material to upload, the ID card and the premises proof among them").isGreaterThan(2);

		// a Friday well in the past whose weekend is off and whose Monday and Tuesday are worked
		WorkingDayCalendar calendar = calendars.of(RegionCode.of(REGION)).provisional();
		LocalDate friday = LocalDate.now(clock).minusDays(14);
		while (friday.getDayOfWeek() != DayOfWeek.FRIDAY || !calendar.isWorkingDay(friday.plusDays(3))
				|| !calendar.isWorkingDay(friday.plusDays(4)) || calendar.isWorkingDay(friday.plusDays(1))
				|| calendar.isWorkingDay(friday.plusDays(2))) {
			friday = friday.minusDays(1);
		}
		// online, mailed: Friday evening to Tuesday — two working days, no trip
		dated(mailed, friday.atTime(LocalTime.of(21, 30)), friday.plusDays(4).atTime(LocalTime.of(9, 0)));
		// at the counter, a supply handed in at the window on Monday and collected there that day — one working day, three trips
		dated(collected, friday.atTime(LocalTime.of(10, 0)), friday.plusDays(3).atTime(LocalTime.of(16, 0)));
		jdbc.sql("""
				UPDATE case_file SET channel = 'WINDOW', issue = jsonb_set(issue, '{method}', '"WINDOW_PICKUP"') WHERE id = ?::uuid""")
			.param(collected)
			.update();
		supplied(collected, "FOOD_SAFETY_RULES", "WINDOW_CLERK", friday.plusDays(3));
		// and a material the applicant supplied online that was not uploaded with the application
		supplied(collected, "STAFF_HEALTH_CERTIFICATES", "APPLICANT", friday.plusDays(3));

		snapshot.rebuild();
		Response region = api.get("/api/v1/metrics/regions/" + REGION, null, null);
		Map<String, Object> measured = ((List<Map<String, Object>>) region
			.json("$.matters[?(@.code == 'HN-CATERING')].metrics.measured")).get(0);
		assertThat(measured).as(region.body()).containsEntry("cases", 2);
		assertThat(((Number) measured.get("workingDaysMedian")).doubleValue()).isEqualTo(1.5);
		assertThat(((Number) measured.get("workingDaysMean")).doubleValue()).isEqualTo(1.5);
		assertThat(((Number) measured.get("tripsMean")).doubleValue()).as("(0 + 3) / 2").isEqualTo(1.5);
		assertThat(((Number) measured.get("materialsUploadedMean")).doubleValue())
			.as("the same uploads with each application, and one more supplied").isEqualTo(uploaded + 0.5);

		Map<String, Object> computed = ((List<Map<String, Object>>) region
			.json("$.matters[?(@.code == 'HN-CATERING')].metrics.workingDaysBefore")).get(0);
		assertThat((Integer) computed.get("legal")).isGreaterThan((Integer) computed.get("promised"));
		assertThat((Object) region.json("$.matters[?(@.code == 'HN-CATERING')].metrics.registries.allConnected"))
			.isEqualTo(region.json("$.matters[?(@.code == 'HN-CATERING')].metrics.after.materials"));

		snapshot.rebuild();
		assertThat(cases(api.get("/api/v1/metrics/regions/" + CITY, null, null)))
			.as("a city's figures take its districts' cases").isEqualTo(cityBefore + 2);
		snapshot.rebuild();
		Response elsewhere = api.get("/api/v1/metrics/regions/430500", null, null);
		assertThat((Object) elsewhere.json("$.matters[?(@.code == 'HN-CATERING')].metrics.measured"))
			.as("another city has none of them: no measured block").isEqualTo(List.of());
	}

	/** How many issued catering cases the region's measured figures rest on (0 with no measured block). */
	@SuppressWarnings("unchecked")
	private static int cases(Response region) {
		List<Integer> cases = (List<Integer>) (Object) region.json("$.matters[?(@.code == 'HN-CATERING')].metrics.measured.cases");
		return cases.isEmpty() ? 0 : cases.get(0);
	}

	private void dated(String caseId, java.time.LocalDateTime submitted, java.time.LocalDateTime issued) {
		jdbc.sql("UPDATE case_file SET submitted_at = ?, accepted_at = ?, closed_at = ? WHERE id = ?::uuid")
			.params(Timestamp.from(submitted.atZone(CHINA).toInstant()), Timestamp.from(submitted.atZone(CHINA).toInstant()),
					Timestamp.from(issued.atZone(CHINA).toInstant()), caseId)
			.update();
	}

	private void supplied(String caseId, String material, String by, LocalDate day) {
		jdbc.sql("""
				INSERT INTO case_supplied_file (case_id, material, hash, owner, supplied_by, supplied_at)
				VALUES (?::uuid, ?, md5(random()::text), 'measured-it', ?, ?)""")
			.params(caseId, material, by, Timestamp.from(day.atTime(11, 0).atZone(CHINA).toInstant()))
			.update();
	}
}
