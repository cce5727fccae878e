package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.onego.EveryStaffScopeExists;
import cn.onego.ModuleAlone;
import cn.onego.NoHallsToChooseFrom;
import cn.onego.cases.CaseFact;
import cn.onego.cases.CaseFact.Kind;
import cn.onego.cases.CaseFacts;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.RealCaseFacts;
import cn.onego.cases.OpenDeadlines;
import cn.onego.cases.TaskId;
import cn.onego.clock.Deadline.Colour;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;

/**
 * Supervision with what its dashboard reads besides the case flow — the catalogue, the clock, identity, the audit
 * trail, application (the reduction metrics, with licences and sharing, which it needs) and evaluation (the
 * satisfaction) — on its own embedded PostgreSQL. Of the case flow it takes the real ledger of facts
 * ({@link CaseFacts}, the {@code case_fact} table, which the whole application's migrations create) and stubs the
 * open deadlines ({@link OpenDeadlines}), {@link CaseQueries} and the issued cases of the measured metrics: {@code cases} and its own dependencies would
 * bring in the whole application. Facts put in the ledger are folded into the daily aggregates by the scheduled
 * fold, and the overview of the region counts them: volumes, on-time rate, handling against the limits, the late
 * department, and the warnings named from the catalogue.
 * <p>
 * The ledger is not a Mockito stub: the scheduled fold calls it from its own thread from the start of the
 * context, and a stubbing made in the test while the fold calls the mock is taken by the fold's call
 * ({@code UnfinishedStubbingException}, CI on 15f65fd).
 */
@ApplicationModuleTest(extraIncludes = { "catalog", "clock", "identity", "audit", "application", "licences", "sharing",
		"evaluation" })
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class, NoHallsToChooseFrom.class, SupervisionModuleTests.Ledger.class })
@DirtiesContext
class SupervisionModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final String REGION = "430102";
	private static final String HALL = "430102-HALL";
	private static final String MATTER = "HN-CATERING";
	private static final String MARKET = "430102-MARKET_REGULATION";
	private static final String TAXATION = "430102-TAXATION";

	@MockitoBean
	OpenDeadlines deadlines;

	@MockitoBean
	CaseQueries cases;

	/** The measured reduction metrics' issued cases: none here (the metrics then carry no measured figures). */
	@MockitoBean
	cn.onego.cases.ClosedCases closedCases;

	@TestConfiguration(proxyBeanMethods = false)
	static class Ledger {

		@Bean
		CaseFacts caseFacts(JdbcClient jdbc) {
			return RealCaseFacts.on(jdbc);
		}
	}

	private final Dashboard dashboard;
	private final Clock clock;
	private final JdbcClient jdbc;

	SupervisionModuleTests(Dashboard dashboard, Clock clock, JdbcClient jdbc) {
		this.dashboard = dashboard;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Test
	void countsTheFoldedFactsAndTheOpenWarningsInTheOverviewOfTheRegion(Scenario scenario) {
		LocalDate today = LocalDate.now(clock);
		TaskId red = TaskId.of(UUID.randomUUID());
		when(deadlines.count(any())).thenReturn(Map.of(Colour.YELLOW, 2L, Colour.RED, 1L));
		when(deadlines.list(any(), anyInt())).thenReturn(List.of(new OpenDeadlines.Warned(red, CaseId.of(UUID.randomUUID()),
				"430102-20260302-000001", "HN-SCJG-FOOD-LICENCE", MARKET, Colour.RED, today.minusDays(1))));
		Actor supervisor = new Actor("supervisor-" + UUID.randomUUID().toString().substring(0, 8), "芙蓉区效能监察",
				EnumSet.of(Role.SUPERVISOR), null, REGION, null, null);
		Dashboard.Filter filter = new Dashboard.Filter(REGION, null, null, null, null, today, today);

		scenario.stimulate(() -> record(List.of(caseFact(Kind.SUBMITTED, today), caseFact(Kind.SUBMITTED, today),
				caseFact(Kind.SUBMITTED, today), caseFact(Kind.ACCEPTED, today), caseFact(Kind.ACCEPTED, today),
				caseFact(Kind.NOT_ACCEPTED, today),
				// the market regulator late on the critical path (5 working days of 3), the tax office in time
				decided(today, MARKET, true, 5, 3), decided(today, TAXATION, false, 2, 5))))
			.andWaitAtMost(Duration.ofSeconds(30))
			.andWaitForStateChange(() -> dashboard.overview(supervisor, filter), overview -> overview.tasksDecided() == 2)
			.andVerify(overview -> {
				assertThat(jdbc.sql("SELECT count(*) FROM case_fact").query(Long.class).single())
					.as("the fold took every fact out of the ledger").isZero();
				assertThat(overview.volumes()).containsExactly(new Dashboard.Volume(today, 3, 2, 1, 0, 0));
				assertThat(overview.tasksLate()).isEqualTo(1);
				assertThat(overview.onTimeRate()).isEqualByComparingTo("50");
				assertThat(overview.averageHandlingDays()).isEqualByComparingTo("3.5");
				assertThat(overview.averageLimitDays()).isEqualByComparingTo("4");
				assertThat(overview.bottlenecks()).singleElement().satisfies(late -> {
					assertThat(late.department()).isEqualTo(MARKET);
					assertThat(late.name()).as("named from the catalogue").isNotEqualTo(MARKET).isNotBlank();
					assertThat(late.lateOnCriticalPath()).isEqualTo(1);
					assertThat(late.onTimeRate()).isEqualByComparingTo(BigDecimal.ZERO);
				});
				assertThat(overview.yellow()).isEqualTo(2);
				assertThat(overview.red()).isEqualTo(1);
				assertThat(overview.warnings()).singleElement().satisfies(warning -> {
					assertThat(warning.taskId()).isEqualTo(red);
					assertThat(warning.itemName()).isEqualTo("食品经营许可（新办）");
					assertThat(warning.departmentName()).isNotEqualTo(MARKET);
				});
			});

		// a neighbour's region, or the day before, counts none of them
		assertThat(dashboard.overview(supervisor, new Dashboard.Filter(REGION, null, null, null, null, today.minusDays(1),
				today.minusDays(1))).tasksDecided()).isZero();
		assertThat(dashboard.volumes(new Dashboard.Filter("430103", null, null, null, null, today, today))).isEmpty();
	}

	/** Adds the facts to the ledger, as the case flow does when it saves a transition. */
	private void record(List<CaseFact> facts) {
		for (CaseFact fact : facts) {
			jdbc.sql("""
					INSERT INTO case_fact (kind, day, region, hall, department, matter, channel, late, late_on_critical_path,
					                       handling_days, limit_days)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(fact.kind().name().toLowerCase(), fact.day(), fact.region(), fact.hall(), fact.department(),
						fact.matter(), fact.channel(), fact.late(), fact.lateOnCriticalPath(), fact.handlingDays(),
						fact.limitDays())
				.update();
		}
	}

	private static CaseFact caseFact(Kind kind, LocalDate day) {
		return new CaseFact(kind, day, REGION, HALL, null, MATTER, "ONLINE", false, false, 0, 0);
	}

	private static CaseFact decided(LocalDate day, String department, boolean late, int handlingDays, int limitDays) {
		return new CaseFact(Kind.DECIDED, day, REGION, HALL, department, MATTER, "ONLINE", late, late, handlingDays, limitDays);
	}
}
