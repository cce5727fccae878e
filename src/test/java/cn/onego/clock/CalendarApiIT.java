package cn.onego.clock;

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
import cn.onego.TestRegions;

/** The calendar as shipped and as administrators extend it, over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarApiIT {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void shipsTheOfficialYearsAndComputesAcrossNationalDay() {
		Response year = api.get("/api/v1/calendar/2026");
		assertThat((Integer) year.json("$.workingDays")).isEqualTo(248);
		assertThat((String) year.json("$.exceptions['2026-10-10']")).isEqualTo("WORK 国庆节调休上班");
		Response after = api.get("/api/v1/calendar/working-days/after?from=2026-09-30&days=5");
		assertThat((String) after.json("$.to")).isEqualTo("2026-10-13");
		Response between = api.get("/api/v1/calendar/working-days/between?from=2025-09-26&to=2025-10-13");
		assertThat((Integer) between.json("$.workingDays")).isEqualTo(7);
	}

	@Test
	void answersADateInAnUnloadedYearWithTheDocumentedError() {
		Response refused = api.get("/api/v1/calendar/working-days/after?from=2024-06-03&days=2");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat((String) refused.json("$.code")).isEqualTo("calendar-not-loaded");
		assertThat((String) refused.json("$.message.zh")).contains("2024年的节假日安排尚未导入");
	}

	@Test
	void appliesARegionalClosureToThatRegionAndBelowOnly() {
		Response added = api.send("POST", "/api/v1/admin/calendar/days", "admin", "onego-admin",
				Map.of("region", TestRegions.CALENDAR_CITY, "day", "2026-11-30", "kind", "OFF", "name", "测试：衡阳市地方假日"));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		String url = "/api/v1/calendar/working-days/after?from=2026-11-27&days=1";
		assertThat((String) api.get(url + "&region=" + TestRegions.CALENDAR_DISTRICT).json("$.to")).as("a district of 衡阳")
			.isEqualTo("2026-12-01");
		assertThat((String) api.get(url + "&region=430100").json("$.to")).as("长沙 is not affected").isEqualTo("2026-11-30");
		assertThat((String) api.get(url).json("$.to")).isEqualTo("2026-11-30");
		List<String> audit = api.get("/api/v1/admin/calendar/changes", "admin", "onego-admin").json("$[*].detail");
		assertThat(audit).anySatisfy(d -> assertThat(d).contains(TestRegions.CALENDAR_CITY + " 2026-11-30 OFF"));
	}

	@Test
	void loadsANewYearOnceAndRefusesAnInconsistentOne() {
		Map<String, Object> bad = Map.of("year", 2031, "source", "测试通知", "off",
				List.of(Map.of("from", "2031-02-01", "to", "2031-01-30", "name", "春节")), "work",
				List.of(Map.of("day", "2031-03-05", "name", "周三调休")));
		Response refused = api.send("POST", "/api/v1/admin/calendar/years", "admin", "onego-admin", bad);
		assertThat(refused.status()).isEqualTo(400);
		assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("off[0]", "work[0]");

		Map<String, Object> year = Map.of("year", 2030, "source", "测试：2030年部分节假日安排", "off",
				List.of(Map.of("from", "2030-01-01", "to", "2030-01-01", "name", "元旦")), "work", List.of());
		assertThat(api.send("POST", "/api/v1/admin/calendar/years", "reviewer.scjg.cs", "onego-reviewer", year).status())
			.isEqualTo(403);
		Response loaded = api.send("POST", "/api/v1/admin/calendar/years", "admin", "onego-admin", year);
		assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
		assertThat((String) api.get("/api/v1/calendar/working-days/after?from=2029-12-31&days=1").json("$.code"))
			.as("2029 is still unknown").isEqualTo("calendar-not-loaded");
		assertThat((String) api.get("/api/v1/calendar/working-days/after?from=2030-12-30&days=1").json("$.to"))
			.isEqualTo("2030-12-31");
		assertThat(api.send("POST", "/api/v1/admin/calendar/years", "admin", "onego-admin", year).status()).isEqualTo(409);
	}
}
