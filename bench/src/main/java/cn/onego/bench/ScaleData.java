package cn.onego.bench;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.cases.Halls;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.demo.GeneratedCases;
import cn.onego.demo.HistoryShape;
import cn.onego.supervision.MeasuredSnapshot;

/**
 * Fills a database with N historical cases spread over the two years before today — their tasks,
 * history, ratings and the running tasks' open deadlines (V38) — and the supervision aggregates that count them, through COPY, with the indexes
 * built after the load. The cases come from the bundled catalogue's real matters, Hunan's counties and
 * their departments; the product's own generator ({@link GeneratedCases}, the one the demo history uses too) decides
 * what happened to each, on a Monday-to-Friday calendar over the two years before today.
 *
 * <pre>java -Xmx3g -cp target/classes:$(cat target/classpath.txt) cn.onego.bench.ScaleData 10000000 target/scale-pg</pre>
 */
public final class ScaleData {

	/** The tables loaded by COPY: their indexes and constraints are dropped before and rebuilt after. */
	private static final List<String> LOADED = List.of("case_file", "case_task", "case_history", "rating", "rectification", "open_deadline");
	private static final int BATCH = 5_000;

	public static void main(String[] args) throws Exception {
		long cases = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
		Path data = Path.of(args.length > 1 ? args[1] : "target/scale-pg").toAbsolutePath();
		int streams = Integer.getInteger("scale.streams", 2);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long started = System.nanoTime();
		try (ScaleDatabase db = ScaleDatabase.start(data, true)) {
			GeneratedCases model;
			try (ConfigurableApplicationContext context = db.application()) {
				cn.onego.platform.crypto.PersonalData sealing = context.getBean(cn.onego.platform.crypto.PersonalData.class);
				Catalogue catalogue = context.getBean(CatalogQueries.class).catalogue();
				Halls halls = context.getBean(Halls.class);
				model = GeneratedCases.of(catalogue, (matter, region) -> halls.competentHall(catalogue, matter, region).value(),
						shape(cases, today), sealing::index, sealing::seal);
			}
			log(started, "schema and catalogue ready; %d county/matter profiles", model.profileCount());
			List<String> rebuild;
			try (Connection c = db.connect()) {
				rebuild = dropIndexes(c);
			}
			load(db, model, cases, streams, started);
			try (Connection c = db.connect(); Statement s = c.createStatement()) {
				for (String ddl : rebuild) {
					long t = System.nanoTime();
					s.execute(ddl);
					log(started, "%s (%.0f s)", ddl.length() > 90 ? ddl.substring(0, 90) + "…" : ddl, (System.nanoTime() - t) / 1e9);
				}
				aggregate(s, started);
				// the reviewers' queues (V70), as the migration fills them for a database that has cases
				s.execute(GeneratedCases.QUEUED_TASKS);
				log(started, "queued_task filled");
				s.execute("SELECT setval('case_number_seq', " + (cases + 1) + ")");
				s.execute("VACUUM (ANALYZE)");
				log(started, "vacuumed and analysed");
			}
			// the measured figures' daily snapshot counts working days on the regions' calendars, which SQL does not
			// know: the application's own rebuild counts it, as it would every night
			try (ConfigurableApplicationContext context = db.application()) {
				MeasuredSnapshot.Rebuilt measured = context.getBean(MeasuredSnapshot.class).rebuild();
				log(started, "measured_outcome counted: %d issued cases, %d rows (%d ms)", measured.cases(), measured.rows(),
						measured.millis());
			}
			try (Connection c = db.connect(); Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("SELECT pg_size_pretty(pg_database_size('onego')), pg_database_size('onego')");
				rs.next();
				log(started, "done: %d cases, database %s (%d bytes)", cases, rs.getString(1), rs.getLong(2));
			}
		}
		System.exit(0);
	}

	/**
	 * Two years of cases in every hall, on a calendar of Mondays to Fridays (no holidays, which the SQL aggregates below
	 * count alike), by staff named after their hall or department, applicants u10000000 onwards. Supervision's
	 * facts are not generated: the aggregates are counted from the loaded rows at the end, much faster at this size.
	 */
	static HistoryShape shape(long cases, LocalDate today) {
		Set<Integer> years = Set.of(today.getYear() - 3, today.getYear() - 2, today.getYear() - 1, today.getYear(), today.getYear() + 1,
				today.getYear() + 2);
		HistoryShape.Staff staff = new HistoryShape.Staff() {

			@Override
			public String clerk(String hall) {
				return "clerk-" + hall;
			}

			@Override
			public String reviewer(String department) {
				return "rev-" + department;
			}
		};
		return new HistoryShape(cases, today, (int) (today.toEpochDay() - today.minusYears(2).toEpochDay()),
				new WorkingDayCalendar(years, Map.of()), hall -> true, staff, p -> "u" + (10_000_000L + p), Set.of(), 0x5CA1EL, 0, false);
	}

	/** COPY in parallel streams, each its own connection and its own share of the cases, in batches. */
	private static void load(ScaleDatabase db, GeneratedCases model, long cases, int streams, long started) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(streams);
		AtomicLong next = new AtomicLong();
		AtomicLong done = new AtomicLong();
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < streams; i++) {
			futures.add(pool.submit(() -> {
				try (Connection c = db.connect()) {
					c.createStatement().execute("SET synchronous_commit = off");
					CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
					long from;
					while ((from = next.getAndAdd(BATCH)) < cases) {
						GeneratedCases.Batch batch = model.batch(from, Math.min(cases, from + BATCH));
						copy.copyIn("COPY case_file (" + GeneratedCases.CASE_COLUMNS + ") FROM STDIN", new StringReader(batch.cases()));
						copy.copyIn("COPY case_task (" + GeneratedCases.TASK_COLUMNS + ") FROM STDIN", new StringReader(batch.tasks()));
						copy.copyIn("COPY case_history (" + GeneratedCases.HISTORY_COLUMNS + ") FROM STDIN",
								new StringReader(batch.history()));
						copy.copyIn("COPY rating (" + GeneratedCases.RATING_COLUMNS + ") FROM STDIN", new StringReader(batch.ratings()));
						copy.copyIn("COPY open_deadline (" + GeneratedCases.DEADLINE_COLUMNS + ") FROM STDIN",
								new StringReader(batch.deadlines()));
						copy.copyIn("COPY rectification (" + GeneratedCases.RECTIFICATION_COLUMNS + ") FROM STDIN",
								new StringReader(batch.rectifications()));
						long total = done.addAndGet(batch.size());
						if (total % 500_000 < BATCH) {
							log(started, "%,d cases loaded", total);
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		log(started, "COPY finished");
	}

	/**
	 * Drops the secondary indexes, the unique and primary keys and the foreign keys on or to the loaded
	 * tables (building an index once over sorted data is far cheaper than maintaining it row by row), and
	 * returns the statements that put them back: keys first, then indexes, then foreign keys.
	 */
	private static List<String> dropIndexes(Connection c) throws SQLException {
		List<String> keys = new ArrayList<>();
		List<String> indexes = new ArrayList<>();
		List<String> foreign = new ArrayList<>();
		List<String> drops = new ArrayList<>();
		String tables = "'" + String.join("','", LOADED) + "'";
		try (Statement s = c.createStatement()) {
			ResultSet fk = s.executeQuery("SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) FROM pg_constraint "
					+ "WHERE contype = 'f' AND (conrelid::regclass::text IN (" + tables + ") OR confrelid::regclass::text IN (" + tables + "))");
			while (fk.next()) {
				drops.add("ALTER TABLE " + fk.getString(1) + " DROP CONSTRAINT " + fk.getString(2));
				foreign.add("ALTER TABLE " + fk.getString(1) + " ADD CONSTRAINT " + fk.getString(2) + " " + fk.getString(3));
			}
			ResultSet pk = s.executeQuery("SELECT conrelid::regclass, conname, pg_get_constraintdef(oid) FROM pg_constraint "
					+ "WHERE contype IN ('p', 'u') AND conrelid::regclass::text IN (" + tables + ")");
			while (pk.next()) {
				drops.add("ALTER TABLE " + pk.getString(1) + " DROP CONSTRAINT " + pk.getString(2));
				keys.add("ALTER TABLE " + pk.getString(1) + " ADD CONSTRAINT " + pk.getString(2) + " " + pk.getString(3));
			}
			ResultSet ix = s.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename IN (" + tables + ") "
					+ "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)");
			while (ix.next()) {
				drops.add("DROP INDEX " + ix.getString(1));
				indexes.add(ix.getString(2));
			}
			for (String drop : drops) {
				s.execute(drop);
			}
		}
		List<String> rebuild = new ArrayList<>(keys);
		rebuild.addAll(indexes);
		rebuild.addAll(foreign);
		return rebuild;
	}

	/**
	 * The supervision aggregates, counted from the loaded rows as the Aggregates listener would have
	 * counted the events one by one: cases by the day they were submitted, accepted, refused at the
	 * window, issued or refused; decided tasks by the day of decision. Working days are counted Monday
	 * to Friday, as the generator's calendar does. "Late on the critical path" is approximated by the
	 * case's task with the latest due day (the end of the longest chain of limits). The rollups the dashboard reads
	 * without a hall, matter or channel filter (V13, V66) and the daily satisfaction (V67) are filled as their migrations
	 * fill them. Rows go in by day,
	 * as the listener's upserts put them in production, so that a month's rows lie together on disk.
	 */
	private static void aggregate(Statement s, long started) throws SQLException {
		s.execute("""
				INSERT INTO supervision_case_day (day, region, hall, matter, channel, accepting_region, submitted, accepted, not_accepted,
				    issued, refused)
				SELECT day, region, hall, matter, channel, accepting_region, sum(submitted), sum(accepted), sum(not_accepted), sum(issued),
				       sum(refused)
				FROM (
				  SELECT submitted_at::date AS day, region, hall, matter, channel, coalesce(accepting_region, region) AS accepting_region,
				         1 AS submitted, 0 AS accepted, 0 AS not_accepted, 0 AS issued, 0 AS refused FROM case_file
				  UNION ALL SELECT accepted_at::date, region, hall, matter, channel, coalesce(accepting_region, region), 0, 1, 0, 0, 0
				    FROM case_file WHERE accepted_at IS NOT NULL
				  UNION ALL SELECT closed_at::date, region, hall, matter, channel, coalesce(accepting_region, region), 0, 0, 1, 0, 0
				    FROM case_file WHERE state = 'NOT_ACCEPTED'
				  UNION ALL SELECT closed_at::date, region, hall, matter, channel, coalesce(accepting_region, region), 0, 0, 0, 1, 0
				    FROM case_file WHERE state = 'ISSUED'
				  UNION ALL SELECT closed_at::date, region, hall, matter, channel, coalesce(accepting_region, region), 0, 0, 0, 0, 1
				    FROM case_file WHERE state = 'REFUSED'
				) counted GROUP BY day, region, hall, matter, channel, accepting_region ORDER BY day""");
		log(started, "supervision_case_day counted");
		// weekdays(d): Monday-to-Friday days from a Monday epoch to d, so weekdays(b) - weekdays(a) counts those in (a, b]
		s.execute("""
				CREATE FUNCTION pg_temp.weekdays(d date) RETURNS int IMMUTABLE LANGUAGE sql AS
				$$ SELECT ((d - date '2001-01-01') / 7) * 5 + least((d - date '2001-01-01') % 7 + 1, 5) $$""");
		s.execute("""
				INSERT INTO supervision_task_day (day, region, hall, department, matter, channel, decided, on_time, late,
				    late_on_critical_path, handling_days, limit_days)
				SELECT t.decided_at::date, c.region, c.hall, t.department, c.matter, c.channel, count(*),
				       count(*) FILTER (WHERE t.decided_at::date <= t.due_on), count(*) FILTER (WHERE t.decided_at::date > t.due_on),
				       count(*) FILTER (WHERE t.decided_at::date > t.due_on AND t.due_on = t.last_due),
				       sum(greatest(0, pg_temp.weekdays(t.decided_at::date) - pg_temp.weekdays(t.started_on))), sum(t.limit_days)
				FROM (SELECT *, max(due_on) OVER (PARTITION BY case_id) AS last_due FROM case_task) t
				JOIN case_file c ON c.id = t.case_id
				WHERE t.state IN ('APPROVED', 'REFUSED') AND t.decided_at IS NOT NULL
				GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1""");
		log(started, "supervision_task_day counted");
		s.execute("""
				INSERT INTO supervision_department_day (day, region, department, decided, on_time, late, late_on_critical_path,
				    handling_days, limit_days)
				SELECT day, region, department, sum(decided), sum(on_time), sum(late), sum(late_on_critical_path), sum(handling_days),
				       sum(limit_days)
				FROM supervision_task_day GROUP BY 1, 2, 3 ORDER BY 1""");
		log(started, "supervision_department_day rolled up");
		// V66's fill: the volumes by day, county and accepting region
		s.execute("""
				INSERT INTO supervision_region_day (day, region, accepting_region, submitted, accepted, not_accepted, issued, refused)
				SELECT day, region, accepting_region, sum(submitted), sum(accepted), sum(not_accepted), sum(issued), sum(refused)
				FROM supervision_case_day GROUP BY 1, 2, 3 ORDER BY 1""");
		log(started, "supervision_region_day rolled up");
		// V67's fill: satisfaction by day (in China, as the application's clock), county and hall
		s.execute("""
				INSERT INTO rating_day (day, region, hall, level_1, level_2, level_3, level_4, level_5, rectifications,
				    rectifications_closed)
				SELECT (r.rated_at AT TIME ZONE 'Asia/Shanghai')::date, r.region, r.hall,
				       count(*) FILTER (WHERE r.level = 1), count(*) FILTER (WHERE r.level = 2), count(*) FILTER (WHERE r.level = 3),
				       count(*) FILTER (WHERE r.level = 4), count(*) FILTER (WHERE r.level = 5),
				       count(x.id), count(x.id) FILTER (WHERE x.state = 'CLOSED')
				FROM rating r LEFT JOIN rectification x ON x.rating_id = r.id
				GROUP BY 1, 2, 3 ORDER BY 1""");
		log(started, "rating_day counted");
	}

	static void log(long started, String format, Object... args) {
		System.err.printf("[%6.0f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(format, args));
	}

	private ScaleData() {
	}
}
