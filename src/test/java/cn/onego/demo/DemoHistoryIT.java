package cn.onego.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.ModuleAlone;

/**
 * A new demo installation starts with weeks of work: the generated cases fill the dashboard, the queues of the demo
 * staff and the deadline colours, a few of its cases are received across regions, and a second start leaves them as
 * they are.
 * <p>
 * On a database of its own with the demo history switched on (300 cases over 4 weeks): every other test needs a
 * database without generated cases.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onego.demo-history.enabled=true", "onego.demo-history.cases=300", "onego.demo-history.weeks=4" })
@ActiveProfiles("test")
@DirtiesContext
class DemoHistoryIT {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DemoHistory history;

	@Test
	void aNewInstallationShowsWeeksOfWorkOnItsDashboardQueuesAndColoursAndASecondStartAddsNothing() throws Exception {
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT count(*) FROM case_file") == 300);
		LocalDate today = LocalDate.now(clock);
		assertThat(jdbc.sql("SELECT min(submitted_at)::date FROM case_file").query(LocalDate.class).single())
			.isAfterOrEqualTo(today.minusWeeks(4));
		assertThat(count("SELECT count(DISTINCT date_trunc('week', submitted_at)) FROM case_file")).as("cases in every week")
			.isGreaterThanOrEqualTo(4);
		assertThat(count("SELECT count(*) FROM case_file WHERE state = 'ISSUED'")).isPositive();
		assertThat(count("SELECT count(*) FROM case_file WHERE state = 'IN_PROGRESS'")).isPositive();

		// the measured figures' daily snapshot is counted again once the history is written: every issued case is in it
		long issued = count("SELECT count(*) FROM case_file WHERE state = 'ISSUED'");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> count("SELECT coalesce(sum(cases), 0) FROM measured_outcome WHERE region_prefix = ''") == issued);

		// supervision folds the generated facts like any other: the dashboard counts what the tables hold
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM case_fact") == 0);
		ApiClient api = new ApiClient(port);
		Response dashboard = api.send("GET", "/api/v1/supervision/dashboard?from=" + today.minusWeeks(6) + "&to=" + today, "supervisor",
				"onego-supervisor", null);
		assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
		assertThat(sum(dashboard.json("$.volumes[*].submitted"))).isEqualTo(300);
		assertThat(sum(dashboard.json("$.volumes[*].accepted"))).isEqualTo(count("SELECT count(*) FROM case_file WHERE accepted_at IS NOT NULL"));
		assertThat(sum(dashboard.json("$.volumes[*].issued"))).isEqualTo(count("SELECT count(*) FROM case_file WHERE state = 'ISSUED'"));
		assertThat(((Number) dashboard.json("$.tasksDecided")).longValue())
			.isEqualTo(count("SELECT count(*) FROM case_task WHERE state IN ('APPROVED', 'REFUSED')")).isPositive();
		long yellow = ((Number) dashboard.json("$.yellow")).longValue();
		long red = ((Number) dashboard.json("$.red")).longValue();
		assertThat(yellow).isEqualTo(count("SELECT count(*) FROM open_deadline WHERE colour = 'YELLOW'"));
		assertThat(red).isEqualTo(count("SELECT count(*) FROM open_deadline WHERE colour = 'RED'"));
		assertThat(yellow + red).as("some tasks yellow or red around today").isPositive();

		// a few cases of other prefectures were received in Changsha's halls (异地收件): Changsha's dashboard shows them
		long received = count("SELECT count(*) FROM case_file WHERE accepting_region LIKE '4301%' AND region NOT LIKE '4301%'");
		assertThat(received).as("cases received across regions: some of those a hall of another prefecture may take")
			.isPositive()
			.isLessThan(count("SELECT count(*) FROM case_file") * GeneratedCase.CROSS_REGION_PERCENT / 100);
		Response changsha = api.send("GET", "/api/v1/supervision/dashboard?region=430100&from=" + today.minusWeeks(6) + "&to=" + today,
				"supervisor", "onego-supervisor", null);
		assertThat(((Number) changsha.json("$.crossRegion.receivedForOthers.submitted")).longValue()).isEqualTo(received);
		assertThat((List<String>) changsha.json("$.crossRegion.receivedForOthers.partners[*].name.zh")).isNotEmpty()
			.allSatisfy(name -> assertThat(name).doesNotContainPattern("\\d"));

		assertThat(count("SELECT count(*) FROM rating")).isPositive();
		assertThat(((Number) dashboard.json("$.satisfaction.total")).longValue()).as("the generated ratings in the daily rollup (V67)")
			.isEqualTo(count("SELECT count(*) FROM rating"));
		assertThat(((Number) dashboard.json("$.satisfaction.rectifications")).longValue())
			.isEqualTo(count("SELECT count(*) FROM rectification"));
		assertThat(count("SELECT count(*) FROM rectification WHERE state = 'OPEN'")).as("every bad rating is being rectified")
			.isEqualTo(count("SELECT count(*) FROM rating WHERE level >= 4"));

		// the demo staff have work waiting
		List<String> hallQueue = api.send("GET", "/api/v1/window/cases", "window.frq", "onego-window", null).json("$[*].id");
		assertThat(hallQueue).isNotEmpty();
		Response generated = api.send("GET", "/api/v1/cases/" + hallQueue.get(0), "window.frq", "onego-window", null);
		assertThat(generated.status()).as("a generated case reads like any other").isEqualTo(200);
		assertThat((List<String>) generated.json("$.history[*].action")).contains("SUBMITTED");
		List<Object> departmentQueue = api.send("GET", "/api/v1/departments/430102-MARKET_REGULATION/tasks", "reviewer.scjg.frq",
				"onego-reviewer", null).json("$");
		assertThat(departmentQueue).isNotEmpty();

		// nobody who signs in owns a generated case
		assertThat(count("SELECT count(*) FROM case_file WHERE applicant_username NOT LIKE '~generated-%'")).isZero();
		List<Map<String, Object>> details = jdbc.sql("SELECT detail FROM case_history WHERE detail IS NOT NULL").query().listOfRows();
		assertThat(details).as("history rows carry states, never free text").isEmpty();

		assertThat(history.load()).as("a second start").isZero();
		assertThat(count("SELECT count(*) FROM case_file")).isEqualTo(300);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static long sum(List<Number> values) {
		return values.stream().mapToLong(Number::longValue).sum();
	}
}
