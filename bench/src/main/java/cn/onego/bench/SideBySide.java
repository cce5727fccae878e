package cn.onego.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.onego.OneGo;
import cn.onego.application.ApplicationInput;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseEvents;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseHandling;
import cn.onego.cases.CaseQueries;
import cn.onego.catalog.CatalogueAdministration;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.shared.IdNumber;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * OneGo, Flowable and PostgreSQL's own limit on the same 6-department case, in the same run on the same
 * PostgreSQL (fsync and synchronous_commit on), at several worker counts. Prints a Markdown table.
 *
 * <pre>java -cp target/benchmarks.jar cn.onego.bench.SideBySide [seconds per run] [workers, e.g. 1,4,16]</pre>
 */
public final class SideBySide {

	private static final String REGION = "430102";

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
		int[] workerCounts = Arrays.stream((args.length > 1 ? args[1] : "1,4,16").split(",")).mapToInt(Integer::parseInt).toArray();
		try (EmbeddedPostgres pg = startPostgres("onego-bench-pg")) {
			try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				for (String db : List.of("onego", "flowable", "pglimit")) {
					s.execute("CREATE DATABASE " + db);
				}
			}
			String only = System.getProperty("bench.only", "");
			List<Row> rows = new ArrayList<>();
			if (only.isEmpty() || only.equals("onego")) {
				try (OneGoCase onego = new OneGoCase(pg)) {
					rows.addAll(run("OneGo (in-process)", onego, pg, "onego", seconds, workerCounts));
					System.out.println(writesByTable(pg, "onego"));
					System.out.println(statementsByCalls(pg, "onego", onego.cases()));
					System.out.println(onego.rememberedFootprint());
				}
			}
			if (only.isEmpty() || only.equals("http")) {
				try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
					s.execute("CREATE DATABASE onegohttp");
				}
				OneGoOverHttp http = new OneGoOverHttp(pg, "onegohttp", 1, 18181);
				http.prepare(Arrays.stream(workerCounts).max().orElse(1));
				List<Row> httpRows = run("OneGo (HTTP, jar)", http, pg, "onegohttp", seconds, workerCounts);
				rows.addAll(httpRows);
				// the latency a user sees when the platform is not saturated: half the best rate, same workers
				Row best = httpRows.stream().max(java.util.Comparator.comparingDouble(Row::casesPerSecond)).orElseThrow();
				http.heapMb();
				Latencies paced = new Latencies();
				long[] before = stats(pg, "onegohttp");
				long cases = measure(http, best.workers(), seconds, paced, best.casesPerSecond() / 2);
				long[] after = stats(pg, "onegohttp");
				rows.add(Row.of("OneGo (HTTP, jar) at half the peak rate", best.workers(), cases, seconds, paced.percentiles(), before,
						after, http.heapMb()));
				http.close();
				// the node's statements per case over HTTP (the virtual users' set-up and sign-in included)
				System.out.println(statementsByCalls(pg, "onegohttp", http.cases()));
			}
			if (only.isEmpty() || only.equals("flowable")) {
				try (FlowableCase flowable = new FlowableCase(pg)) {
					rows.addAll(run("Flowable 7.2", flowable, pg, "flowable", seconds, workerCounts));
				}
				System.out.println(writesByTable(pg, "flowable"));
			}
			if (only.isEmpty() || only.equals("pgbench")) {
				rows.addAll(pgbench(pg, seconds, workerCounts));
			}
			String table = table(rows);
			System.out.println(table);
			Files.writeString(Path.of(only.isEmpty() ? "target/side-by-side.md" : "target/side-by-side-" + only + ".md"), table,
					StandardCharsets.UTF_8);
		}
		System.exit(0);
	}

	/** A new embedded PostgreSQL 17 in a temporary directory, with durable settings (fsync, synchronous commit). */
	static EmbeddedPostgres startPostgres(String name) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
		if (Boolean.getBoolean("bench.explain")) { // the plans of a sample of the statements, with their timings, in the log
			builder.setServerConfig("session_preload_libraries", "auto_explain")
				.setServerConfig("auto_explain.log_min_duration", "0")
				.setServerConfig("auto_explain.log_analyze", "on")
				.setServerConfig("auto_explain.log_buffers", "on")
				.setServerConfig("auto_explain.log_nested_statements", "on")
				.setServerConfig("auto_explain.sample_rate", System.getProperty("bench.explain.rate", "0.002"))
				.setServerConfig("logging_collector", "on")
				.setServerConfig("log_directory", Path.of("target").toAbsolutePath().toString())
				.setServerConfig("log_filename", "explain-postgres.log");
		}
		return builder
			.setDataDirectory(Files.createTempDirectory(name))
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("max_connections", "300")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setServerConfig("pg_stat_statements.track_utility", "off")
			// the planning time apart from the execution's: the save statements are large
			.setServerConfig("pg_stat_statements.track_planning", "on")
			.setRegisterShutdownHook(false)
			.start();
	}

	/** One contestant's way of running one whole case; it records each operation's latency. */
	interface Contestant extends AutoCloseable {

		void runCase(Latencies latencies) throws Exception;

		/** The heap used by the contestant's own JVM(s) since the last call, in MB, or -1: this JVM's heap counts. */
		default long heapMb() {
			return -1;
		}

		@Override
		default void close() {
		}
	}

	record Row(String contestant, int workers, double casesPerSecond, Map<String, long[]> percentiles, double rowsPerCase,
			double walBytesPerCase, double commitsPerCase, double statementsPerCase, long heapMb) {

		/** A measured point from the database's counters before and after it ({@link #stats}). */
		static Row of(String contestant, int workers, long cases, int seconds, Map<String, long[]> percentiles, long[] before,
				long[] after, long heapMb) {
			double n = Math.max(1, cases);
			return new Row(contestant, workers, cases / (double) seconds, percentiles, (after[0] - before[0]) / n,
					(after[1] - before[1]) / n, (after[2] - before[2]) / n, (after[3] - before[3]) / n, heapMb);
		}
	}

	static final class Latencies {

		final Map<String, ConcurrentLinkedQueue<Long>> byOperation = new ConcurrentHashMap<>();

		<T> T time(String operation, java.util.concurrent.Callable<T> work) throws Exception {
			long start = System.nanoTime();
			T result = work.call();
			byOperation.computeIfAbsent(operation, o -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
			return result;
		}

		Map<String, long[]> percentiles() {
			Map<String, long[]> out = new LinkedHashMap<>();
			byOperation.forEach((op, values) -> {
				long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
				out.put(op, new long[] { at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99) });
			});
			return out;
		}

		private static long at(long[] sorted, double q) {
			return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1000;
		}
	}

	static List<Row> run(String name, Contestant contestant, EmbeddedPostgres pg, String db, int seconds, int[] workerCounts)
			throws Exception {
		List<Row> rows = new ArrayList<>();
		{ // the caller closes the contestant
			measure(contestant, 2, Math.max(2, seconds / 3), new Latencies()); // warm up
			for (int workers : workerCounts) {
				long[] before = stats(pg, db);
				Effort effortBefore = Effort.now(pg);
				Latencies latencies = new Latencies();
				long cases = measure(contestant, workers, seconds, latencies);
				Effort effortAfter = Effort.now(pg);
				long[] after = stats(pg, db);
				System.out.println(effortAfter.since(pg, effortBefore, name, workers, cases));
				System.gc();
				long contestantHeap = contestant.heapMb();
				long heap = contestantHeap >= 0 ? contestantHeap
						: (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
				rows.add(Row.of(name, workers, cases, seconds, latencies.percentiles(), before, after, heap));
				System.err.printf("%s, %d workers: %d cases in %d s%n", name, workers, cases, seconds);
			}
		}
		return rows;
	}

	static long measure(Contestant contestant, int workers, int seconds, Latencies latencies) throws Exception {
		return measure(contestant, workers, seconds, latencies, 0);
	}

	/** Runs cases on the workers for the seconds; with a rate (cases/s over all workers) each worker paces its starts. */
	static long measure(Contestant contestant, int workers, int seconds, Latencies latencies, double rate) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(workers);
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		AtomicLong done = new AtomicLong();
		List<Future<?>> futures = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			int worker = w;
			futures.add(pool.submit(() -> {
				long interval = rate > 0 ? (long) (workers * 1e9 / rate) : 0;
				long next = start + (rate > 0 ? interval * worker / workers : 0);
				while (System.nanoTime() < end) {
					if (rate > 0) {
						long wait = next - System.nanoTime();
						if (wait > 0) {
							Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
						}
						next += interval;
					}
					contestant.runCase(latencies);
					done.incrementAndGet();
				}
				return null;
			}));
		}
		for (Future<?> f : futures) {
			f.get();
		}
		pool.shutdown();
		return done.get();
	}

	/**
	 * Rows written (inserted + updated + deleted) in the database, WAL bytes of the whole server, commits in the
	 * database, and statements other than BEGIN and COMMIT run in it (pg_stat_statements).
	 */
	static long[] stats(EmbeddedPostgres pg, String db) throws Exception {
		Thread.sleep(600); // let the statistics collector catch up
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			s.execute("SELECT pg_stat_clear_snapshot()");
			ResultSet rs = s.executeQuery("SELECT tup_inserted + tup_updated + tup_deleted, "
					+ "pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint, xact_commit, "
					+ "(SELECT coalesce(sum(calls), 0) FROM pg_stat_statements p WHERE p.dbid = d.datid)::bigint "
					+ "FROM pg_stat_database d WHERE datname = '" + db + "'");
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) };
		}
	}

	/**
	 * What a run cost the machine, beyond what the database counts per database: CPU time of the PostgreSQL server
	 * (the postmaster with every backend, live or reaped), CPU time of the whole machine, and the server's WAL records
	 * and full-page images (pg_stat_wal).
	 */
	record Effort(long postgresTicks, long machineTicks, long walRecords, long walFullPages, long walBytes, String lsn) {

		private static final double MS_PER_TICK = 10; // USER_HZ = 100 on Linux

		static Effort now(EmbeddedPostgres pg) throws Exception {
			long walRecords, walFullPages, walBytes;
			String lsn;
			try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("SELECT wal_records, wal_fpi, wal_bytes::bigint, pg_current_wal_lsn()::text FROM pg_stat_wal");
				rs.next();
				walRecords = rs.getLong(1);
				walFullPages = rs.getLong(2);
				walBytes = rs.getLong(3);
				lsn = rs.getString(4);
			}
			return new Effort(readPostgresTicks(), readMachineTicks(), walRecords, walFullPages, walBytes, lsn);
		}

		/** The effort since {@code before}, per case: CPU and WAL in a line, then the WAL by kind of record. */
		String since(EmbeddedPostgres pg, Effort before, String contestant, int workers, long cases) throws Exception {
			double n = Math.max(1, cases);
			double postgresMs = (postgresTicks - before.postgresTicks) * MS_PER_TICK / n;
			double machineMs = (machineTicks - before.machineTicks) * MS_PER_TICK / n;
			return String.format("effort of %s, %d workers, per case: CPU ms PostgreSQL %.1f, rest of the machine %.1f; "
					+ "WAL records %.1f, full-page images %.1f, WAL KB %.1f%n", contestant, workers, postgresMs,
					machineMs - postgresMs, (walRecords - before.walRecords) / n, (walFullPages - before.walFullPages) / n,
					(walBytes - before.walBytes) / n / 1024) + walByRecord(pg, before, cases);
		}

		/** The WAL written since {@code before}, per case, by kind of record (pg_walinspect), the largest first. */
		private String walByRecord(EmbeddedPostgres pg, Effort before, long cases) throws Exception {
			double n = Math.max(1, cases);
			StringBuilder out = new StringBuilder("\nWAL per case by record (pg_walinspect):\n\n| record | count | KB |\n|---|---:|---:|\n");
			try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
				ResultSet rs = s.executeQuery("SELECT \"resource_manager/record_type\", count, combined_size FROM pg_get_wal_stats('"
						+ before.lsn + "', '" + lsn + "', true) WHERE count > 0 ORDER BY combined_size DESC LIMIT 14");
				while (rs.next()) {
					out.append(String.format("| %s | %.1f | %.1f |%n", rs.getString(1), rs.getLong(2) / n, rs.getLong(3) / n / 1024));
				}
			}
			return out.toString();
		}

		/** user + system time of every process named postgres, and of the children each has reaped. */
		private static long readPostgresTicks() throws IOException {
			long ticks = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
					String stat;
					try {
						stat = Files.readString(process.resolve("stat"));
					}
					catch (IOException gone) {
						continue;
					}
					int close = stat.lastIndexOf(')');
					String name = stat.substring(stat.indexOf('(') + 1, close);
					if (!name.equals("postgres")) {
						continue;
					}
					String[] fields = stat.substring(close + 2).split(" ");
					// fields[0] is the state (field 3 of proc(5)); utime, stime, cutime, cstime are fields 14-17
					boolean postmaster = !parentIsPostgres(fields[1]);
					ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					if (postmaster) {
						ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
					}
				}
			}
			return ticks;
		}

		private static boolean parentIsPostgres(String parent) {
			try {
				String stat = Files.readString(Path.of("/proc", parent, "stat"));
				return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).equals("postgres");
			}
			catch (IOException gone) {
				return false;
			}
		}

		private static long readMachineTicks() throws IOException {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			long busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) { // user nice system irq softirq steal
				busy += Long.parseLong(cpu[i]);
			}
			return busy;
		}
	}

	/** The statements run most often in the database, per case. */
	static String statementsByCalls(EmbeddedPostgres pg, String db, long cases) throws Exception {
		StringBuilder out = new StringBuilder("\nStatements in " + db + " per case (pg_stat_statements, all runs, " + cases + " cases):\n\n"
				+ "| calls/case | ms/case | planning ms/case | statement |\n|---:|---:|---:|---|\n");
		try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, regexp_replace(left(query, 110), '\\s+', ' ', 'g'), total_plan_time FROM pg_stat_statements p "
					+ "JOIN pg_database d ON d.oid = p.dbid WHERE d.datname = '" + db + "' ORDER BY calls DESC LIMIT 30");
			while (rs.next()) {
				out.append(String.format("| %.2f | %.2f | %.2f | `%s` |%n", rs.getLong(1) / (double) Math.max(1, cases),
						rs.getDouble(2) / Math.max(1, cases), rs.getDouble(4) / Math.max(1, cases), rs.getString(3).replace("|", "\\|")));
			}
		}
		return out.toString();
	}

	/** Where the writes went: rows written per table, as a share of all rows written in the database. */
	static String writesByTable(EmbeddedPostgres pg, String db) throws Exception {
		Thread.sleep(2000); // listeners finish, statistics catch up
		StringBuilder out = new StringBuilder("\nRows written per table in " + db + " (inserted + updated + deleted, all runs):\n\n"
				+ "| table | rows | share | updates | of them HOT |\n|---|---:|---:|---:|---:|\n");
		try (Connection c = pg.getDatabase("postgres", db).getConnection(); Statement s = c.createStatement()) {
			s.execute("SELECT pg_stat_clear_snapshot()");
			ResultSet rs = s.executeQuery("""
					SELECT relname, n_tup_ins + n_tup_upd + n_tup_del AS w, sum(n_tup_ins + n_tup_upd + n_tup_del) OVER () AS total,
					       n_tup_upd, n_tup_hot_upd
					FROM pg_stat_user_tables WHERE n_tup_ins + n_tup_upd + n_tup_del > 0 ORDER BY w DESC LIMIT 15""");
			while (rs.next()) {
				out.append(String.format("| %s | %d | %.1f %% | %d | %.0f %% |%n", rs.getString(1), rs.getLong(2), 100.0 * rs.getLong(2) / rs.getLong(3),
						rs.getLong(4), 100.0 * rs.getLong(5) / Math.max(1, rs.getLong(4))));
			}
		}
		return out.toString();
	}

	// ------------------------------------------------------------------ OneGo

	/**
	 * The real code paths, through the module APIs: submit, the opening by the platform's own listener (as over HTTP:
	 * the harness waits for the case to be opened, it does not open it a second time), accept, six claims and
	 * approvals, issue.
	 */
	static final class OneGoCase implements Contestant {

		private final ConfigurableApplicationContext context;
		private final Submissions submissions;
		private final CaseHandling handling;
		private final CaseQueries queries;
		private final Actor clerk;
		private final AtomicInteger sequence = new AtomicInteger();
		/** The case opened for each application, once its opening has committed. */
		private final Map<UUID, CompletableFuture<CaseId>> openings = new ConcurrentHashMap<>();

		OneGoCase(EmbeddedPostgres pg) throws IOException {
			this(new SpringApplicationBuilder(OneGo.class).run("--server.port=0",
					"--onego.db.url=" + pg.getJdbcUrl("postgres", "onego"), "--onego.db.user=postgres", "--onego.db.password=",
					"--onego.db.max-pool-size=40", "--onego.demo-data.enabled=false", "--logging.level.root=WARN",
					"--onego.crypto.key-file=" + java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "onego-bench-keys.properties"),
					"--spring.main.banner-mode=off"));
		}

		/**
		 * The same case on a platform started elsewhere (ReplicaRun starts it on its own embedded primary); closing
		 * this closes the platform.
		 */
		OneGoCase(ConfigurableApplicationContext context) throws IOException {
			this.context = context;
			submissions = context.getBean(Submissions.class);
			handling = context.getBean(CaseHandling.class);
			queries = context.getBean(CaseQueries.class);
			Map<String, String> files = new LinkedHashMap<>();
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
			String base = resolver.getResource("classpath:bench-catalog/").getURL().toString();
			for (Resource r : resolver.getResources("classpath:bench-catalog/**/*.yaml")) {
				files.put(r.getURL().toString().substring(base.length()), r.getContentAsString(StandardCharsets.UTF_8));
			}
			context.getBean(CatalogueAdministration.class)
				.importFiles(files, List.of(), CatalogueAdministration.ImportMode.MERGE, "bench", "benchmark matter");
			clerk = new Actor("bench-clerk", "基准窗口", EnumSet.of(Role.WINDOW_CLERK), null, REGION, REGION + "-HALL", null);
			context.addApplicationListener(event -> {
				if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof CaseEvents.CaseOpened opened) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void afterCommit() {
							opening(opened.application()).complete(opened.caseId());
						}
					});
				}
			});
		}

		private CompletableFuture<CaseId> opening(UUID application) {
			return openings.computeIfAbsent(application, a -> new CompletableFuture<>());
		}

		long cases() {
			return sequence.get();
		}

		/** How many cases the node remembers (RememberedCases, ADR 0013) and the heap they take, measured with JOL. */
		String rememberedFootprint() throws ReflectiveOperationException {
			Object remembered = context.getBean("rememberedCases");
			java.lang.reflect.Field field = remembered.getClass().getDeclaredField("cases");
			field.setAccessible(true);
			Map<?, ?> cases = ((com.github.benmanes.caffeine.cache.Cache<?, ?>) field.get(remembered)).asMap();
			Object[] values = cases.values().toArray();
			long bytes = org.openjdk.jol.info.GraphLayout.parseInstance(values).totalSize();
			return "Remembered cases: %d, %.1f MB, %.1f KB each (JOL, the cases with their tasks)%n".formatted(values.length,
					bytes / 1048576.0, values.length == 0 ? 0 : bytes / 1024.0 / values.length);
		}

		@Override
		public void runCase(Latencies l) throws Exception {
			int n = sequence.incrementAndGet();
			String body = "430102" + (1950 + n % 50) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d", n % 1000);
			String id = body + IdNumber.checkCharacter(body);
			Actor applicant = new Actor("bench-" + n, "申请人" + n, EnumSet.of(Role.APPLICANT), id, null, null, null);
			ApplicationInput input = new ApplicationInput("BENCH-SIX", REGION, new ApplicationInput.Applicant(ApplicantType.PERSON, id,
					"申请人" + n), Map.of(), Map.of("APPLICANT_NAME", "申请人" + n, "APPLICANT_ID_NUMBER", id, "CONTACT_MOBILE",
							"13800138000"), Map.of(), java.util.Set.of(), Map.of(),
					new ApplicationInput.Delivery(ApplicationInput.Delivery.Method.WINDOW_PICKUP, null, null, null), null,
					ApplicationInput.Channel.ONLINE, null, null);
			UUID application = l.time("submit", () -> submissions.submit(applicant, UUID.randomUUID().toString(), null, input))
				.application()
				.id();
			CaseId opened = l.time("open", () -> opening(application).get(30, TimeUnit.SECONDS));
			openings.remove(application);
			// a case is opened at version 0 (CaseFile.open)
			CaseFile accepted = l.time("accept", () -> handling.accept(clerk, opened, 0,
					new CaseHandling.Acceptance(List.of(), null, List.of())));
			for (var task : queries.tasksOf(accepted.id())) {
				Actor reviewer = new Actor("rev-" + task.department(), "审批员", EnumSet.of(Role.REVIEWER), null, REGION, null,
						task.department());
				var claimed = l.time("claim", () -> handling.claim(reviewer, task.id(), task.version()));
				l.time("approve", () -> handling.approve(reviewer, task.id(), claimed.version(), null, "准予"));
			}
			CaseFile ready = queries.caseFile(accepted.id());
			l.time("issue", () -> handling.issue(clerk, ready.id(), ready.version(), null));
		}

		@Override
		public void close() {
			context.close();
		}
	}

	// ------------------------------------------------------------------ Flowable

	/** The same case as a BPMN process: start → 6 parallel user tasks (claimed and completed) → end. */
	static final class FlowableCase implements Contestant {

		private final ProcessEngine engine;

		FlowableCase(EmbeddedPostgres pg) {
			engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
				.setJdbcUrl(pg.getJdbcUrl("postgres", "flowable"))
				.setJdbcUsername("postgres")
				.setJdbcPassword("")
				.setJdbcDriver("org.postgresql.Driver")
				.setJdbcMaxActiveConnections(40)
				.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
				.setAsyncExecutorActivate(false)
				.buildProcessEngine();
			StringBuilder tasks = new StringBuilder();
			StringBuilder flows = new StringBuilder();
			for (int i = 1; i <= 6; i++) {
				tasks.append("<userTask id=\"d").append(i).append("\" name=\"department ").append(i).append("\"/>");
				flows.append("<sequenceFlow id=\"f").append(i).append("\" sourceRef=\"fork\" targetRef=\"d").append(i).append("\"/>")
					.append("<sequenceFlow id=\"j").append(i).append("\" sourceRef=\"d").append(i).append("\" targetRef=\"join\"/>");
			}
			String bpmn = """
					<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="onego">
					  <process id="sixDepartments" isExecutable="true">
					    <startEvent id="start"/><sequenceFlow id="s" sourceRef="start" targetRef="fork"/>
					    <parallelGateway id="fork"/>%s<parallelGateway id="join"/>%s
					    <sequenceFlow id="e" sourceRef="join" targetRef="end"/><endEvent id="end"/>
					  </process>
					</definitions>""".formatted(tasks, flows);
			engine.getRepositoryService().createDeployment().addString("six.bpmn20.xml", bpmn).deploy();
		}

		@Override
		public void runCase(Latencies l) throws Exception {
			Map<String, Object> form = Map.of("APPLICANT_NAME", "申请人", "APPLICANT_ID_NUMBER", "11010519491231002X", "CONTACT_MOBILE",
					"13800138000", "PAD", "x".repeat(900));
			String process = l.time("start", () -> engine.getRuntimeService().startProcessInstanceByKey("sixDepartments", form).getId());
			List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(process).list();
			for (Task task : tasks) {
				l.time("claim", () -> {
					engine.getTaskService().claim(task.getId(), "reviewer-" + task.getTaskDefinitionKey());
					return null;
				});
				l.time("complete", () -> {
					engine.getTaskService().complete(task.getId());
					return null;
				});
			}
		}

		@Override
		public void close() {
			engine.close();
		}
	}

	// ------------------------------------------------------------------ pgbench

	static List<Row> pgbench(EmbeddedPostgres pg, int seconds, int[] workerCounts) throws Exception {
		DataSource db = pg.getDatabase("postgres", "pglimit");
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE b_application (id bigserial PRIMARY KEY, form jsonb NOT NULL)");
			s.execute("CREATE TABLE b_case (id bigserial PRIMARY KEY, application_id bigint NOT NULL, state text NOT NULL)");
			s.execute("CREATE TABLE b_task (id bigserial PRIMARY KEY, case_id bigint NOT NULL, item int NOT NULL, state text NOT NULL)");
			s.execute("CREATE INDEX ON b_task (case_id, item)");
			s.execute("CREATE TABLE b_event (id bigserial PRIMARY KEY, case_id bigint NOT NULL, payload jsonb NOT NULL)");
		}
		Path script = Files.createTempFile("pglimit", ".sql");
		try (InputStream in = SideBySide.class.getResourceAsStream("/pglimit.sql")) {
			Files.write(script, in.readAllBytes());
		}
		List<Row> rows = new ArrayList<>();
		for (int workers : workerCounts) {
			long[] before = stats(pg, "pglimit");
			Effort effortBefore = Effort.now(pg);
			Process p = new ProcessBuilder("pgbench", "-n", "-c", String.valueOf(workers), "-j", String.valueOf(Math.min(workers, 2)), "-T",
					String.valueOf(seconds), "-f", script.toString(), "-h", "127.0.0.1", "-p", String.valueOf(pg.getPort()), "-U",
					"postgres", "pglimit").redirectErrorStream(true).start();
			String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			p.waitFor();
			Effort effortAfter = Effort.now(pg);
			long[] after = stats(pg, "pglimit");
			long cases = output.lines().filter(l -> l.startsWith("number of transactions actually processed"))
				.map(l -> Long.parseLong(l.replaceAll(".*: (\\d+).*", "$1"))).findFirst().orElseThrow(() -> new IllegalStateException(output));
			System.out.println(effortAfter.since(pg, effortBefore, "pgbench", workers, cases));
			String latency = output.lines().filter(l -> l.startsWith("latency average")).findFirst().orElse("");
			long averageMicros = latency.isEmpty() ? 0 : (long) (Double.parseDouble(latency.replaceAll(".*= ([\\d.]+) ms.*", "$1")) * 1000);
			rows.add(Row.of("PostgreSQL limit (pgbench)", workers, cases, seconds,
					Map.of("whole case (average)", new long[] { averageMicros, 0, 0 }), before, after, 0));
			System.err.printf("pgbench, %d workers: %d cases%n", workers, cases);
		}
		return rows;
	}

	// ------------------------------------------------------------------ report

	static String table(List<Row> rows) {
		StringBuilder out = new StringBuilder(
				"| contestant | workers | cases/s | vs Flowable | vs pgbench | rows/case | WAL KB/case | commits/case | statements/case | heap MB |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Row r : rows) {
			Row flowable = rows.stream().filter(x -> x.contestant().startsWith("Flowable") && x.workers() == r.workers()).findFirst().orElse(r);
			Row limit = rows.stream().filter(x -> x.contestant().startsWith("PostgreSQL") && x.workers() == r.workers()).findFirst().orElse(r);
			out.append(String.format("| %s | %d | %.1f | %.2f× | %.0f %% | %.1f | %.1f | %.1f | %.1f | %s |%n", r.contestant(), r.workers(),
					r.casesPerSecond(), r.casesPerSecond() / flowable.casesPerSecond(), 100 * r.casesPerSecond() / limit.casesPerSecond(),
					r.rowsPerCase(), r.walBytesPerCase() / 1024, r.commitsPerCase(), r.statementsPerCase(),
					r.heapMb() == 0 ? "–" : String.valueOf(r.heapMb())));
		}
		out.append("\nLatency per operation, µs (p50 / p95 / p99):\n\n| contestant | workers | operation | p50 | p95 | p99 |\n|---|---:|---|---:|---:|---:|\n");
		for (Row r : rows) {
			r.percentiles().forEach((op, p) -> out.append(String.format("| %s | %d | %s | %d | %d | %d |%n", r.contestant(), r.workers(), op,
					p[0], p[1], p[2])));
		}
		return out.toString();
	}
}
