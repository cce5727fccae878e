package cn.onego.demo;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.onego.cases.Halls;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.clock.Calendars;
import cn.onego.identity.Role;
import cn.onego.identity.StaffAdministration;
import cn.onego.identity.StaffAdministration.Listed;
import cn.onego.platform.CasesLoaded;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.shared.RegionCode;
import cn.onego.sharing.SyntheticRegistry;

/**
 * Gives a new demo installation weeks of work to show ({@code onego.demo-history.enabled}, {@code .cases},
 * {@code .weeks}): once the application is ready, in the background, and only while the database holds no case at
 * all, it generates the cases into the real tables in one transaction — so a second start, another node or a crash
 * half-way never leaves a second or a partial history.
 * <p>
 * The history runs in the halls that have a window clerk among the staff and is worked by the staff who exist
 * (a department without a reviewer has its decisions made by the system and its open tasks left unclaimed). Its
 * applicants are nobody who can sign in: their account names are outside the shape of a username and their ID
 * numbers avoid the synthetic population's, so no one finds a generated case under "my cases". Dates follow the
 * national working-day calendar (weekends alone where a year is not loaded). Supervision's facts go into its
 * ledger, which the application folds into the dashboard's aggregates as it does every fact. A few cases are received
 * in another prefecture's hall for items the whole province may handle (异地收件), so that the 跨域 volumes show too.
 */
@Component
class DemoHistory {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
	private static final long LOCK = 4242017;
	private static final long SEED = 0x5CA1EL;

	private final DataSource dataSource;
	private final CatalogQueries catalog;
	private final Halls halls;
	private final Calendars calendars;
	private final StaffAdministration staff;
	private final SyntheticRegistry registry;
	private final PersonalData personalData;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	private final boolean enabled;
	private final int cases;
	private final int weeks;

	DemoHistory(DataSource dataSource, CatalogQueries catalog, Halls halls, Calendars calendars, StaffAdministration staff,
			SyntheticRegistry registry, PersonalData personalData, Clock clock, ApplicationEventPublisher events,
			@Value("${onego.demo-data.enabled:true}") boolean demoData, @Value("${onego.demo-history.enabled:false}") boolean enabled,
			@Value("${onego.demo-history.cases:3000}") int cases,
			@Value("${onego.demo-history.weeks:8}") int weeks) {
		this.dataSource = dataSource;
		this.catalog = catalog;
		this.halls = halls;
		this.calendars = calendars;
		this.staff = staff;
		this.registry = registry;
		this.personalData = personalData;
		this.clock = clock;
		this.events = events;
		// no demo data, no demo history: the benchmarks and any installation without the demo's people switch both off
		this.enabled = demoData && enabled;
		this.cases = cases;
		this.weeks = weeks;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (enabled && cases > 0) {
			Thread loading = new Thread(() -> {
				try {
					int written = load();
					if (written > 0) {
						events.publishEvent(new CasesLoaded(written));
					}
				}
				catch (Exception e) {
					log.warn("Demo history not generated: {}", e.toString());
				}
			}, "demo-history");
			loading.setDaemon(true);
			loading.start();
		}
	}

	/** Generates the history if the database holds no case yet; returns how many cases it wrote (0: there were some). */
	int load() throws SQLException {
		long started = System.nanoTime();
		List<Listed> people = staff.list().stream().filter(p -> !p.disabled()).toList();
		Set<String> reserved = new HashSet<>();
		registry.population().people().forEach(p -> reserved.add(p.idNumber()));
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				int written = load(c, people, reserved, started);
				c.commit();
				return written;
			}
			catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			}
		}
	}

	private int load(Connection c, List<Listed> people, Set<String> reserved, long started) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
			try (ResultSet any = s.executeQuery("SELECT EXISTS (SELECT 1 FROM case_file)")) {
				any.next();
				if (any.getBoolean(1)) {
					log.info("Demo history: the database holds cases already, nothing generated");
					return 0;
				}
			}
		}
		Catalogue catalogue = catalog.catalogue();
		HistoryShape shape = new HistoryShape(cases, LocalDate.now(clock), weeks * 7, calendars.national().provisional(),
				hall -> clerk(people, hall) != null, new Staffing(people), DemoHistory::username, reserved, SEED, reserveSerials(c), true);
		// the open halls may receive cases of other prefectures' counties where the items allow it (异地收件)
		Map<String, RegionCode> open = halls.all().stream().filter(Halls.Hall::open)
			.collect(Collectors.toMap(Halls.Hall::code, Halls.Hall::region));
		GeneratedCases model = GeneratedCases.of(catalogue, (matter, region) -> halls.competentHall(catalogue, matter, region).value(), open,
				shape, personalData::index, personalData::seal);
		GeneratedCases.Batch rows = model.batch(0, cases);
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		copy(copy, "case_file", GeneratedCases.CASE_COLUMNS, rows.cases());
		copy(copy, "case_task", GeneratedCases.TASK_COLUMNS, rows.tasks());
		copy(copy, "case_history", GeneratedCases.HISTORY_COLUMNS, rows.history());
		copy(copy, "open_deadline", GeneratedCases.DEADLINE_COLUMNS, rows.deadlines());
		copy(copy, "rating", GeneratedCases.RATING_COLUMNS, rows.ratings());
		copy(copy, "rectification", GeneratedCases.RECTIFICATION_COLUMNS, rows.rectifications());
		copy(copy, "case_fact", GeneratedCases.FACT_COLUMNS, rows.facts());
		try (Statement s = c.createStatement()) {
			// the database held no case before: the queues are the generated tasks' in a queue state
			s.execute(GeneratedCases.QUEUED_TASKS);
		}
		countRatings(c);
		log.info("Demo history: {} cases over {} weeks in {} halls generated in {} ms", cases, weeks,
				model.receivingHalls(), (System.nanoTime() - started) / 1_000_000);
		return cases;
	}

	/**
	 * Adds the generated ratings to evaluation's daily rollup of satisfaction as rating them would have (V67's fill,
	 * Asia/Shanghai being the application's clock): supervision folds the generated facts itself, the rollup has no
	 * ledger. The database held no case before, so the ratings of its cases are the generated ones.
	 */
	private static void countRatings(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute("""
					INSERT INTO rating_day (day, region, hall, level_1, level_2, level_3, level_4, level_5, rectifications,
					    rectifications_closed)
					SELECT (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date, r.region, r.hall,
					       count(*) FILTER (WHERE r.level = 1), count(*) FILTER (WHERE r.level = 2), count(*) FILTER (WHERE r.level = 3),
					       count(*) FILTER (WHERE r.level = 4), count(*) FILTER (WHERE r.level = 5),
					       count(x.id), count(x.id) FILTER (WHERE x.state = 'CLOSED')
					FROM rating r LEFT JOIN rectification x ON x.rating_id = r.id
					WHERE r.case_id IN (SELECT id FROM case_file)
					GROUP BY 1, 2, 3
					ON CONFLICT (day, region, hall) DO UPDATE SET
					    level_1 = rating_day.level_1 + excluded.level_1, level_2 = rating_day.level_2 + excluded.level_2,
					    level_3 = rating_day.level_3 + excluded.level_3, level_4 = rating_day.level_4 + excluded.level_4,
					    level_5 = rating_day.level_5 + excluded.level_5, rectifications = rating_day.rectifications + excluded.rectifications,
					    rectifications_closed = rating_day.rectifications_closed + excluded.rectifications_closed""");
		}
	}

	/** Takes the cases' serial numbers from the sequence the product numbers its cases with, so that none is given twice. */
	private long reserveSerials(Connection c) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("SELECT max(nextval('case_number_seq')) FROM generate_series(1, ?)")) {
			p.setInt(1, cases);
			try (ResultSet rs = p.executeQuery()) {
				rs.next();
				return rs.getLong(1) - cases;
			}
		}
	}

	private static void copy(CopyManager copy, String table, String columns, String rows) throws SQLException {
		try {
			copy.copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(rows));
		}
		catch (java.io.IOException e) {
			throw new SQLException(e);
		}
	}

	/** Outside the shape of a username (no account can take it), so that a generated case is nobody's own. */
	static String username(long person) {
		return "~generated-" + person;
	}

	private static String clerk(List<Listed> people, String hall) {
		return people.stream().filter(p -> p.roles().contains(Role.WINDOW_CLERK) && hall.equals(p.hall())).map(Listed::username)
			.findFirst().orElse(null);
	}

	private record Staffing(List<Listed> people) implements HistoryShape.Staff {

		@Override
		public String clerk(String hall) {
			return DemoHistory.clerk(people, hall);
		}

		@Override
		public String reviewer(String department) {
			return people.stream().filter(p -> p.roles().contains(Role.REVIEWER) && department.equals(p.department()))
				.map(Listed::username).findFirst().orElse(null);
		}
	}
}
