package cn.onego.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.cases.CaseQueries;
import cn.onego.cases.DeadlineWarnings;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.Tables;
import cn.onego.supervision.Dashboard;

/**
 * The queries people run, at the size {@link ScaleData} generated, each through the product's own code
 * path (the beans the web controllers call), many times with parameters drawn from the data: random
 * departments, applicants and cases weighted by how often they occur, random cities of Hunan. Prints
 * p50/p95/p99 per query against its target, the database size, and EXPLAIN ANALYZE of the SQL behind
 * each query for one drawn parameter. The deadline scan runs last, because it changes colours.
 *
 * <pre>java -Xmx2g -cp target/classes:$(cat target/classpath.txt) cn.onego.bench.ScaleQueries target/scale-pg [repetitions]</pre>
 */
public final class ScaleQueries {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	record Result(String query, String target, double targetMs, int runs, double p50, double p95, double p99, String note) {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args.length > 0 ? args[0] : "target/scale-pg").toAbsolutePath();
		int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		LocalDate today = LocalDate.now(ZONE);
		long started = System.nanoTime();
		List<Result> results = new ArrayList<>();
		StringBuilder report = new StringBuilder();
		String explainOnly = System.getProperty("scale.explainOnly");
		if (explainOnly != null) {
			explainOnly(data, explainOnly, repetitions, today);
			return;
		}
		try (ScaleDatabase db = ScaleDatabase.start(data, false);
				ConfigurableApplicationContext context = db.application();
				Connection c = db.connect()) {
			ScaleData.log(started, "application started on %s", data);
			awaitMeasuredSnapshot(c, today, started);
			cn.onego.platform.crypto.PersonalData sealing = context.getBean(cn.onego.platform.crypto.PersonalData.class);
			Sample sample = Sample.draw(c, repetitions, sealing);
			ScaleData.log(started, "drew %d cases, %d departments, %d cities", sample.cases.size(), sample.departments.size(),
					sample.cities.size());
			statements = c;
			try (Statement s = c.createStatement()) {
				s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			}
			CaseQueries queries = context.getBean(CaseQueries.class);
			Dashboard dashboard = context.getBean(Dashboard.class);
			SplittableRandom random = new SplittableRandom(42);

			String only = System.getProperty("scale.only", "");
			if (only.isEmpty() || only.equals("reads")) {
				results.addAll(reads(queries, sample, random, repetitions));
			}
			if (only.isEmpty() || only.equals("dashboards")) {
				results.addAll(dashboards(dashboard, sample, random, repetitions, today));
				// the province's figures, to check that a change to the dashboard's queries keeps them
				Dashboard.Overview o = dashboard.overview(supervisor("430000"), month("430000", today));
				report.append(String.format("Province, last 30 days: %d tasks decided, %d late, on time %s %%, average %s of %s "
						+ "working days, %d yellow, %d red%n%n", o.tasksDecided(), o.tasksLate(), o.onTimeRate(), o.averageHandlingDays(),
						o.averageLimitDays(), o.yellow(), o.red()));
			}
			// the scan changes colours: a second run scans later days (scale.scanFrom) to find a day's work again
			int scanFrom = Integer.getInteger("scale.scanFrom", 1);
			if (only.isEmpty() || only.equals("scan")) {
				results.add(scans(context.getBean(DeadlineWarnings.class), today, scanFrom,
						Integer.getInteger("scale.scanDays", Math.max(5, Math.min(15, repetitions / 60)))));
			}
			Files.writeString(Path.of(System.getProperty("scale.explain", "target/scale-explain.txt")), Explain.all(c, sample, today, sealing::index),
					StandardCharsets.UTF_8);
			report.append(table(results)).append('\n').append(sizes(c));
		}
		System.out.println(report);
		Files.writeString(Path.of(System.getProperty("scale.out", "target/scale-queries.md")), report.toString(), StandardCharsets.UTF_8);
		System.exit(0);
	}

	/** The point reads: a reviewer's queue, an applicant's cases, a case. */
	private static List<Result> reads(CaseQueries queries, Sample sample, SplittableRandom random, int repetitions)
			throws Exception {
		List<Result> results = new ArrayList<>();
		results.add(measure("reviewer's queue (部门队列, 500 oldest due)", "p99 < 20 ms", 20, repetitions, () -> {
			String department = sample.departments.get(random.nextInt(sample.departments.size()));
			return queries.departmentQueue(reviewer(department), department, null, null, null, cn.onego.cases.QueueSearch.NONE).size();
		}));
		results.add(measure("applicant's cases (我的办件)", "p99 < 20 ms", 20, repetitions, () -> {
			Drawn d = sample.cases.get(random.nextInt(sample.cases.size()));
			return queries.mine(applicant(d)).size();
		}));
		results.add(measure("case view with tasks and timeline (办件详情)", "p99 < 20 ms", 20, repetitions, () -> {
			Drawn d = sample.cases.get(random.nextInt(sample.cases.size()));
			return queries.view(applicant(d), cn.onego.cases.CaseId.of(d.id())).history().size();
		}));
		return results;
	}

	/** The dashboards of a city and of the province, and the exports of a month. */
	private static List<Result> dashboards(Dashboard dashboard, Sample sample, SplittableRandom random, int repetitions,
			LocalDate today) throws Exception {
		List<Result> results = new ArrayList<>();
		int dashboards = Math.max(10, repetitions / 20);
		results.add(measure("city dashboard, last 30 days (市级看板)", "p99 < 200 ms", 200, dashboards, () -> {
			String city = sample.cities.get(random.nextInt(sample.cities.size()));
			return dashboard.overview(supervisor(city), month(city, today)).volumes().size();
		}));
		results.add(measure("province dashboard, last 30 days (省级看板)", "p99 < 300 ms", 300, dashboards, () -> dashboard
			.overview(supervisor("430000"), month("430000", today)).volumes().size()));
		results.add(measure("export a month, province, departments table, CSV", "–", 0, dashboards, () -> {
			Dashboard.Table t = dashboard.table(supervisor("430000"), "departments", month("430000", today));
			return Tables.csv(t.columns(), t.rows()).length;
		}));
		results.add(measure("export a month, province, volumes table, XLSX", "–", 0, dashboards, () -> {
			Dashboard.Table t = dashboard.table(supervisor("430000"), "volumes", month("430000", today));
			return Tables.xlsx("volumes", t.columns(), t.rows()).length;
		}));
		results.add(measure("export the warnings (yellow and red tasks), province, XLSX", "–", 0, dashboards, () -> {
			Dashboard.Table t = dashboard.table(supervisor("430000"), "warnings", month("430000", today));
			return Tables.xlsx("warnings", t.columns(), t.rows()).length;
		}));
		return results;
	}

	/**
	 * Only the query plans, without starting the application (so without migrating the schema): how
	 * the queries ran before a migration that a full run would apply first.
	 */
	private static void explainOnly(Path data, String file, int repetitions, LocalDate today) throws Exception {
		try (ScaleDatabase db = ScaleDatabase.start(data, false); Connection c = db.connect()) {
			Files.writeString(Path.of(file), Explain.all(c, Sample.draw(c, repetitions, db.personalData()), today, db.personalData()::index), StandardCharsets.UTF_8);
		}
		System.exit(0);
	}

	/** A department's reviewer, as the queue's permission check wants him. */
	private static Actor reviewer(String department) {
		return new Actor("rev-" + department, "审批员", EnumSet.of(Role.REVIEWER), null, department.substring(0, 6), null, department);
	}

	/** A supervisor of the region (the province's sees every city). */
	private static Actor supervisor(String region) {
		return new Actor("sup-" + region, "监察员", EnumSet.of(Role.SUPERVISOR), null, region, null, null);
	}

	private static Actor applicant(Drawn d) {
		return new Actor(d.username(), "申请人", EnumSet.of(Role.APPLICANT), d.applicantId(), null, null, null);
	}

	private static Dashboard.Filter month(String region, LocalDate today) {
		return new Dashboard.Filter(region, null, null, null, null, today.minusDays(29), today);
	}

	/**
	 * Waits for the measured figures' snapshot of today (V65): a database generated before it, or on an earlier day, has
	 * none, and the platform counts it in the background after start-up — the dashboards are measured once it is there,
	 * not while it is being counted. Its duration is in the platform's log ("Measured figures: …").
	 */
	private static void awaitMeasuredSnapshot(Connection c, LocalDate today, long started) throws Exception {
		long waiting = System.nanoTime();
		while (true) {
			try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT max(as_of), count(*) FROM measured_outcome")) {
				rs.next();
				java.sql.Date asOf = rs.getDate(1);
				if (asOf != null && !asOf.toLocalDate().isBefore(today)) {
					ScaleData.log(started, "measured snapshot of %s there (%d rows), waited %.0f s", asOf, rs.getLong(2),
							(System.nanoTime() - waiting) / 1e9);
					return;
				}
			}
			if (System.nanoTime() - waiting > java.time.Duration.ofHours(1).toNanos()) {
				throw new IllegalStateException("no measured snapshot of " + today + " after an hour");
			}
			Thread.sleep(1000);
		}
	}

	/**
	 * The scheduled scan for each of the next days in turn: each marks the tasks whose warning or due day
	 * that is (tomorrow's yellow and red), with their notifications and history rows — the day's work.
	 */
	private static Result scans(DeadlineWarnings warnings, LocalDate today, int from, int days) throws Exception {
		topStatements(1);
		long[] nanos = new long[days];
		long changed = 0;
		for (int d = 0; d < days; d++) {
			long t = System.nanoTime();
			int day = warnings.scan(today.plusDays(from + d));
			changed += day;
			nanos[d] = System.nanoTime() - t;
			System.err.printf("deadline scan of %s (+%d): %d colour changes in %.0f ms%n", today.plusDays(from + d), from + d, day,
					nanos[d] / 1e6);
		}
		Result r = result("deadline scan of a day (days +" + from + " to +" + (from + days - 1) + " in turn)", "< 1 s", 1000, nanos,
				String.format("%.0f tasks changed colour per day on average", changed / (double) days));
		System.err.println(r);
		System.err.print(topStatements(days));
		return r;
	}

	/** The connection that reads pg_stat_statements: where each measured query's time went, statement by statement. */
	private static Connection statements;

	/** The statements that took the most time since the last call, per call of the measured query; then resets. */
	private static String topStatements(int runs) throws SQLException {
		StringBuilder out = new StringBuilder();
		try (Statement s = statements.createStatement()) {
			ResultSet rs = s.executeQuery("""
					SELECT calls, total_exec_time, regexp_replace(left(query, 140), '\\s+', ' ', 'g') FROM pg_stat_statements
					WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 6""");
			while (rs.next()) {
				out.append(String.format("    %6.1f ms per call, %5.1f calls per call: %s%n", rs.getDouble(2) / runs,
						rs.getLong(1) / (double) runs, rs.getString(3)));
			}
			s.execute("SELECT pg_stat_statements_reset()");
		}
		return out.toString();
	}

	private static Result measure(String query, String target, double targetMs, int runs, Callable<Integer> work) throws Exception {
		for (int i = 0; i < Math.max(3, runs / 10); i++) {
			work.call(); // warm-up: JIT, connection pool, the catalogue's lazy parts
		}
		topStatements(1);
		long[] nanos = new long[runs];
		long rows = 0;
		for (int i = 0; i < runs; i++) {
			long t = System.nanoTime();
			rows += work.call();
			nanos[i] = System.nanoTime() - t;
		}
		Result r = result(query, target, targetMs, nanos, String.format("%.1f " + unit(query) + " per call", rows / (double) runs));
		System.err.println(r);
		System.err.print(topStatements(runs));
		return r;
	}

	/** What a call returns: bytes for the exports, days for the dashboards, rows or steps otherwise. */
	private static String unit(String query) {
		return query.startsWith("export") ? "bytes" : query.contains("dashboard") ? "days" : query.startsWith("case view") ? "history steps"
				: "rows";
	}

	private static Result result(String query, String target, double targetMs, long[] nanos, String note) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Result(query, target, targetMs, sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), note);
	}

	private static double at(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}

	private static String table(List<Result> results) {
		StringBuilder out = new StringBuilder("| query | runs | p50 ms | p95 ms | p99 ms | target | met | note |\n"
				+ "|---|---:|---:|---:|---:|---|---|---|\n");
		for (Result r : results) {
			String met = r.targetMs() == 0 ? "–" : r.p99() < r.targetMs() ? "met" : String.format("**missed** (×%.1f)", r.p99() / r.targetMs());
			out.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %s | %s | %s |%n", r.query(), r.runs(), r.p50(), r.p95(), r.p99(),
					r.target(), met, r.note()));
		}
		return out.toString();
	}

	private static String sizes(Connection c) throws SQLException {
		StringBuilder out = new StringBuilder();
		try (Statement s = c.createStatement()) {
			ResultSet db = s.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))");
			db.next();
			out.append("Database size: ").append(db.getString(1)).append("\n\n| table | rows | table + indexes |\n|---|---:|---:|\n");
			ResultSet rs = s.executeQuery("""
					SELECT relname, reltuples::bigint, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class
					WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY pg_total_relation_size(oid) DESC LIMIT 8""");
			while (rs.next()) {
				out.append(String.format("| %s | %,d | %s |%n", rs.getString(1), rs.getLong(2), rs.getString(3)));
			}
		}
		return out.toString();
	}

	record Drawn(UUID id, String applicantId, String username) {
	}

	/** Parameters drawn from the data: cases (and so applicants) at random, departments as often as they have tasks. */
	record Sample(List<Drawn> cases, List<String> departments, List<String> cities) {

		/** The applicants' numbers are read sealed and opened, as the product opens them (an applicant signs in with the plain number). */
		static Sample draw(Connection c, int n, cn.onego.platform.crypto.PersonalData sealing) throws SQLException {
			List<Drawn> cases = new ArrayList<>();
			List<String> departments = new ArrayList<>();
			List<String> cities = new ArrayList<>();
			try (Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("SELECT id, applicant_id, applicant_username FROM case_file TABLESAMPLE SYSTEM (1) LIMIT " + n);
				while (rs.next()) {
					cases.add(new Drawn(rs.getObject(1, UUID.class), sealing.open(rs.getString(2), "case_file.applicant_id"), rs.getString(3)));
				}
				rs = s.executeQuery("SELECT department FROM case_task TABLESAMPLE SYSTEM (1) LIMIT " + n);
				while (rs.next()) {
					departments.add(rs.getString(1));
				}
				rs = s.executeQuery("SELECT code FROM region WHERE level = 'PREFECTURE' AND code LIKE '43%' ORDER BY code");
				while (rs.next()) {
					cities.add(rs.getString(1));
				}
			}
			java.util.Collections.shuffle(cases, new java.util.Random(1));
			return new Sample(cases, departments, cities);
		}
	}

	/** EXPLAIN (ANALYZE, BUFFERS) of the SQL behind each query, as the product issues it, for one drawn parameter. */
	static final class Explain {

		static String all(Connection c, Sample sample, LocalDate today, java.util.function.UnaryOperator<String> index)
				throws SQLException {
			Drawn d = sample.cases().get(0);
			String department = mostFrequent(sample.departments());
			Map<String, String> sql = new LinkedHashMap<>();
			sql.put("reviewer's queue, department " + department, """
					SELECT * FROM queued_task WHERE department = '%s'
					ORDER BY due_on NULLS LAST, started_on, id LIMIT 500""".formatted(department));
			sql.put("applicant's cases", "SELECT * FROM case_file WHERE applicant_id_index = '%s' OR applicant_username = '%s' ORDER BY submitted_at DESC LIMIT 200"
				.formatted(index.apply(d.applicantId()), d.username()));
			sql.put("case history", "SELECT * FROM case_history WHERE case_id = '%s' ORDER BY id".formatted(d.id()));
			sql.put("case tasks", "SELECT * FROM case_task WHERE case_id = '%s' ORDER BY started_on NULLS LAST, item".formatted(d.id()));
			String from = today.minusDays(29).toString();
			String to = today.toString();
			sql.put("dashboard: departments, province, 30 days", """
					SELECT department, sum(decided), sum(on_time), sum(late), sum(late_on_critical_path), sum(handling_days), sum(limit_days)
					FROM supervision_department_day WHERE day BETWEEN '%s' AND '%s' AND region LIKE '43%%' GROUP BY department ORDER BY department"""
				.formatted(from, to));
			sql.put("dashboard: departments, a city, 30 days", """
					SELECT department, sum(decided), sum(on_time), sum(late), sum(late_on_critical_path), sum(handling_days), sum(limit_days)
					FROM supervision_department_day WHERE day BETWEEN '%s' AND '%s' AND region LIKE '4301%%' GROUP BY department ORDER BY department"""
				.formatted(from, to));
			sql.put("dashboard: volumes, province, 30 days", """
					SELECT day, sum(submitted), sum(accepted), sum(not_accepted), sum(issued), sum(refused) FROM supervision_region_day
					WHERE day BETWEEN '%s' AND '%s' AND region LIKE '43%%' GROUP BY day ORDER BY day""".formatted(from, to));
			sql.put("dashboard: volumes, a city, 30 days", """
					SELECT day, sum(submitted), sum(accepted), sum(not_accepted), sum(issued), sum(refused) FROM supervision_region_day
					WHERE day BETWEEN '%s' AND '%s' AND region LIKE '4301%%' GROUP BY day ORDER BY day""".formatted(from, to));
			// the warnings as OpenDeadlines reads them (V38: the running tasks' colours are in open_deadline)
			String warned = """
					SELECT * FROM ((SELECT task_id, case_id, case_number, item, department, colour, due_on FROM open_deadline
					  WHERE colour <> 'GREEN' AND region LIKE '%1$s%%' AND colour = 'RED' ORDER BY due_on LIMIT 200)
					UNION ALL (SELECT task_id, case_id, case_number, item, department, colour, due_on FROM open_deadline
					  WHERE colour <> 'GREEN' AND region LIKE '%1$s%%' AND colour = 'YELLOW' ORDER BY due_on LIMIT 200)) w
					ORDER BY w.colour = 'RED' DESC, w.due_on LIMIT 200""";
			sql.put("dashboard: warnings, province", warned.formatted("43"));
			sql.put("dashboard: yellow and red counts, a city",
					"SELECT colour, count(*) FROM open_deadline WHERE colour <> 'GREEN' AND region LIKE '4301%' GROUP BY colour");
			sql.put("dashboard: yellow and red counts, province",
					"SELECT colour, count(*) FROM open_deadline WHERE colour <> 'GREEN' AND region LIKE '43%' GROUP BY colour");
			sql.put("dashboard: satisfaction, province, 30 days", """
					SELECT region, sum(level_1), sum(level_2), sum(level_3), sum(level_4), sum(level_5), sum(rectifications),
					       sum(rectifications_closed)
					FROM rating_day WHERE day >= '%s' AND day < '%s' AND region LIKE '43%%' GROUP BY 1 ORDER BY 1"""
				.formatted(from, today.plusDays(1)));
			sql.put("dashboard: satisfaction, a city, 30 days", """
					SELECT region, sum(level_1), sum(level_2), sum(level_3), sum(level_4), sum(level_5), sum(rectifications),
					       sum(rectifications_closed)
					FROM rating_day WHERE day >= '%s' AND day < '%s' AND region LIKE '4301%%' GROUP BY 1 ORDER BY 1"""
				.formatted(from, today.plusDays(1)));
			sql.put("dashboard: warnings, a city", warned.formatted("4301"));
			sql.put("deadline scan: yellow candidates of tomorrow", """
					SELECT d.task_id, d.case_id, d.department, d.item, d.due_on, d.case_number, d.region FROM open_deadline d
					WHERE d.colour = 'GREEN' AND d.warn_on <= '%s'""".formatted(today.plusDays(1)));
			sql.put("deadline scan: red candidates of tomorrow", """
					SELECT d.task_id, d.case_id, d.department, d.item, d.due_on, d.case_number, d.region FROM open_deadline d
					WHERE d.colour <> 'RED' AND d.due_on < '%s'""".formatted(today.plusDays(1)));
			StringBuilder out = new StringBuilder();
			try (Statement s = c.createStatement()) {
				for (var e : sql.entrySet()) {
					out.append("### ").append(e.getKey()).append("\n\n").append(e.getValue()).append("\n\n");
					ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + e.getValue());
					while (rs.next()) {
						out.append(rs.getString(1)).append('\n');
					}
					out.append('\n');
				}
			}
			return out.toString();
		}

		private static String mostFrequent(List<String> values) {
			Map<String, Integer> counts = new LinkedHashMap<>();
			values.forEach(v -> counts.merge(v, 1, Integer::sum));
			return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
		}
	}

	private ScaleQueries() {
	}
}
