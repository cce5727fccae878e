package cn.onego.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.OneGo;
import cn.onego.bench.SideBySide.Latencies;
import cn.onego.bench.SideBySide.OneGoCase;
import cn.onego.evaluation.Ratings;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.ReadOnlyData;
import cn.onego.supervision.Dashboard;

/**
 * The read replica under load: the platform in-process on its own embedded primary, a streaming standby of it (as
 * {@code ReplicaIT} makes one), SideBySide's whole cases written by the workers, and supervisors' readers on the
 * province and city dashboards and the ratings statistics, which the platform serves from the standby while it keeps
 * up. Four phases: the writes alone; writes and reads; the standby's replay paused until the platform leaves it for
 * the primary; replay resumed until the standby serves again. Prints a Markdown report, also to
 * {@code target/replica-run.md}. Everything it starts — the platform, both PostgreSQL servers, the temporary
 * directory — it stops and removes, also on failure.
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) cn.onego.bench.ReplicaRun [seconds per phase] [workers] [readers] [max lag ms]</pre>
 */
public final class ReplicaRun implements AutoCloseable {

	/** SideBySide's cases are in 430102, a district of 长沙 (430100), in 湖南 (430000): both dashboards count them. */
	private static final String PROVINCE = "430000";
	private static final String CITY = "430100";
	/** A supervisor looks at a dashboard now and then, not in a tight loop: each reader pauses between rounds. */
	private static final long READER_PAUSE_MILLIS = 100;
	/** The platform's own lag check runs this often, so that the lag sampled as often is the platform's measure. */
	private static final long SAMPLE_MILLIS = 100;
	static final String STANDBY = "standby";
	static final String PRIMARY = "primary";

	private final Path directory;
	private final int seconds;
	private final int workers;
	private final int readers;
	private final Duration maxLag;
	private final AtomicBoolean closed = new AtomicBoolean();
	private final StringBuilder report = new StringBuilder();
	private OneGoCase cases;
	private ReadOnlyData readOnly;
	private Dashboard dashboard;
	private Ratings ratings;
	private Clock clock;
	private JdbcClient primary;
	private Standby standby;
	private long primaryPostmaster;

	private ReplicaRun(Path directory, int seconds, int workers, int readers, Duration maxLag) {
		this.directory = directory;
		this.seconds = seconds;
		this.workers = workers;
		this.readers = readers;
		this.maxLag = maxLag;
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int workers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
		int readers = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		Duration maxLag = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 5000);
		int status = 1;
		try (ReplicaRun run = new ReplicaRun(Files.createTempDirectory("onego-replica-run-"), seconds, workers, readers, maxLag)) {
			// an interrupted run (Ctrl-C) stops its servers too
			Runtime.getRuntime().addShutdownHook(new Thread(run::close));
			String report = run.run();
			System.out.println(report);
			Files.createDirectories(Path.of("target"));
			Files.writeString(Path.of("target/replica-run.md"), report, StandardCharsets.UTF_8);
			status = 0;
		}
		catch (Exception e) {
			e.printStackTrace();
		}
		// the platform's scheduler and pools leave threads behind
		System.exit(status);
	}

	private String run() throws Exception {
		int primaryPort = freePort(-1);
		int standbyPort = freePort(primaryPort);
		Path primaryData = directory.resolve("primary");
		long starting = System.nanoTime();
		// the primary on a fixed port, so that the standby finds it; the standby named before it exists, as in ReplicaIT
		ConfigurableApplicationContext platform = new SpringApplicationBuilder(OneGo.class).run("--server.port=0",
				"--onego.db.data-dir=" + primaryData, "--onego.db.port=" + primaryPort,
				"--onego.db.replica-url=jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + Standby.DATABASE,
				"--onego.db.replica-max-lag=" + maxLag.toMillis() + "ms", "--onego.db.replica-check-interval=" + SAMPLE_MILLIS + "ms",
				"--onego.demo-data.enabled=false", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
		try {
			cases = new OneGoCase(platform);
		}
		catch (Exception | Error e) {
			platform.close();
			throw e;
		}
		primaryPostmaster = Standby.postmasterLine(primaryData.resolve("postgres"), 0);
		readOnly = platform.getBean(ReadOnlyData.class);
		dashboard = platform.getBean(Dashboard.class);
		ratings = platform.getBean(Ratings.class);
		clock = platform.getBean(Clock.class);
		primary = JdbcClient.create(platform.getBean(DataSource.class));
		System.err.printf("platform up in %d ms%n", millisSince(starting));

		long making = System.nanoTime();
		standby = Standby.make(primaryData, directory.resolve("standby"), standbyPort);
		long made = System.nanoTime();
		long servedAfter = awaitServing(true, Duration.ofMinutes(2));
		report.append("""
				## Replica run: %s, %d s per phase, %d workers, %d readers, max lag %d ms, lag checked every %d ms

				Standby made (replication login, slot, low-level base backup, file copy, start) in %d ms; the platform read \
				from it %d ms after it started.

				""".formatted(Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", seconds, workers, readers,
				maxLag.toMillis(), SAMPLE_MILLIS, (made - making) / 1_000_000, servedAfter));

		// the writes and the reads compiled by the JIT before anything is measured
		phase("warm-up", Math.max(5, seconds / 3), readers, () -> "");
		List<ReplicaPhase> phases = new ArrayList<>();
		phases.add(phase("1. writes alone", seconds, 0, () -> ""));
		phases.add(phase("2. writes and reads", seconds, readers, () -> ""));
		phases.add(phase("3. replay paused", seconds, readers, this::pauseReplayUntilLeft));
		phases.add(phase("4. replay resumed", seconds, readers, this::resumeReplayUntilServed));
		report.append(ReplicaPhase.table(phases)).append('\n').append(ReplicaPhase.latencies(phases));
		phases.stream().filter(p -> !p.events().isEmpty()).forEach(p -> report.append('\n').append(p.name()).append(": ").append(p.events()).append('\n'));
		awaitListeners(Duration.ofSeconds(60));
		return report.toString();
	}

	// ------------------------------------------------------------------ phases

	/** What the main thread does while a phase's load runs; it returns what happened, for the report. */
	private interface During {

		String run() throws Exception;
	}

	/** The write load on the workers, the readers (none in phase 1) and the lag sampler, for the phase's seconds. */
	private ReplicaPhase phase(String name, int seconds, int readerCount, During during) throws Exception {
		System.err.println(name);
		long standbyBefore = standbyTransactions();
		Latencies reads = new Latencies();
		ReplicaPhase.LagSamples lag = new ReplicaPhase.LagSamples();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		ExecutorService load = Executors.newFixedThreadPool(readerCount + 2);
		try {
			Future<Long> written = load.submit(() -> SideBySide.measure(cases, workers, seconds, new Latencies()));
			List<Future<?>> others = new ArrayList<>();
			for (int r = 0; r < readerCount; r++) {
				others.add(load.submit(() -> {
					while (System.nanoTime() < end) {
						readRound(reads);
						Thread.sleep(READER_PAUSE_MILLIS);
					}
					return null;
				}));
			}
			others.add(load.submit(() -> sampleLag(lag, end)));
			String events = during.run();
			long done = written.get();
			for (Future<?> other : others) {
				other.get();
			}
			return new ReplicaPhase(name, seconds, done, reads, lag, standbyTransactions() - standbyBefore, events);
		}
		finally {
			load.shutdownNow();
		}
	}

	/** Phase 3: the standby stops replaying; how long the platform keeps reading from it (about the max lag). */
	private String pauseReplayUntilLeft() throws Exception {
		try (Connection sql = standby.superuser(); Statement query = sql.createStatement()) {
			query.execute("SELECT pg_wal_replay_pause()");
		}
		long leftAfter = awaitServing(false, Duration.ofSeconds(seconds));
		return leftAfter < 0 ? "the platform still read from the paused standby at the end of the phase"
				: "the platform left the paused standby for the primary %d ms after replay was paused (max lag %d ms, checked every %d ms)"
					.formatted(leftAfter, maxLag.toMillis(), SAMPLE_MILLIS);
	}

	/** Phase 4: replay resumes; when the standby has replayed what the primary had written then, and when it is read again. */
	private String resumeReplayUntilServed() throws Exception {
		long caughtUp = -1;
		long served = -1;
		try (Connection onPrimary = Standby.primary(directory.resolve("primary")); Statement written = onPrimary.createStatement();
				Connection sql = standby.superuser(); Statement query = sql.createStatement()) {
			String behind = (String) Standby.single(written,
					"SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) FROM pg_stat_replication");
			String target = (String) Standby.single(written, "SELECT pg_current_wal_lsn()::text");
			query.execute("SELECT pg_wal_replay_resume()");
			long resumed = System.nanoTime();
			long until = resumed + Duration.ofSeconds(seconds).toNanos();
			try (PreparedStatement replayed = sql.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
				replayed.setString(1, target);
				while ((caughtUp < 0 || served < 0) && System.nanoTime() < until) {
					if (caughtUp < 0) {
						try (ResultSet row = replayed.executeQuery()) {
							row.next();
							caughtUp = row.getBoolean(1) ? millisSince(resumed) : -1;
						}
					}
					if (served < 0 && readOnly.status().serving()) {
						served = millisSince(resumed);
					}
					Thread.sleep(10);
				}
			}
			return "replay resumed %s behind the primary; caught up with what the primary had written at the resume %s, read from again %s"
				.formatted(behind, caughtUp < 0 ? "not within the phase" : "after " + caughtUp + " ms",
						served < 0 ? "not within the phase" : "after " + served + " ms");
		}
	}

	// ------------------------------------------------------------------ reads and samples

	/** One supervisor's round: the province's and the city's dashboard and the ratings statistics, as the controllers call them. */
	private void readRound(Latencies reads) throws Exception {
		Actor supervisor = new Actor("bench-supervisor", "基准监管", EnumSet.of(Role.SUPERVISOR), null, PROVINCE, null, null);
		LocalDate today = LocalDate.now(clock);
		timed(reads, "province dashboard", () -> dashboard.overview(supervisor, lastThirtyDays(PROVINCE, today)));
		timed(reads, "city dashboard", () -> dashboard.overview(supervisor, lastThirtyDays(CITY, today)));
		timed(reads, "ratings statistics",
				() -> ratings.statistics(supervisor, Ratings.GroupBy.DEPARTMENT, today.minusDays(29), today.plusDays(1), PROVINCE));
	}

	/** The controller's default period: the last 30 days, today included. */
	private static Dashboard.Filter lastThirtyDays(String region, LocalDate today) {
		return new Dashboard.Filter(region, null, null, null, null, today.minusDays(29), today);
	}

	/** Times a read under the name of the server the platform sent it to when it began. */
	private void timed(Latencies reads, String what, Callable<?> read) throws Exception {
		reads.time(what + " · " + (readOnly.status().serving() ? STANDBY : PRIMARY), read);
	}

	/** The platform's measure of the lag, where it sends the reads, and the bytes the standby has not replayed yet. */
	private Void sampleLag(ReplicaPhase.LagSamples samples, long end) throws Exception {
		try (Connection onPrimary = Standby.primary(directory.resolve("primary"));
				PreparedStatement behind = onPrimary.prepareStatement(
						"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint FROM pg_stat_replication")) {
			while (System.nanoTime() < end) {
				ReadOnlyData.Status status = readOnly.status();
				long bytes = -1;
				try (ResultSet row = behind.executeQuery()) {
					if (row.next()) {
						bytes = row.getLong(1);
					}
				}
				samples.add(status.lag() == null ? -1 : status.lag().toMillis(), status.serving(), bytes);
				Thread.sleep(SAMPLE_MILLIS);
			}
		}
		return null;
	}

	/**
	 * Transactions run on the standby's database: the readers' queries there and the platform's lag checks (as the
	 * sessions report them, at most some seconds late).
	 */
	private long standbyTransactions() throws Exception {
		try (Connection sql = standby.superuser(); Statement query = sql.createStatement()) {
			return ((Number) Standby.single(query, "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '"
					+ Standby.DATABASE + "'")).longValue();
		}
	}

	/** Waits until the platform reads from the standby ({@code true}) or leaves it; the milliseconds waited, or -1. */
	private long awaitServing(boolean serving, Duration atMost) throws InterruptedException {
		long start = System.nanoTime();
		long until = start + atMost.toNanos();
		while (readOnly.status().serving() != serving) {
			if (System.nanoTime() > until) {
				return -1;
			}
			Thread.sleep(10);
		}
		return millisSince(start);
	}

	/**
	 * Waits until the asynchronous listeners (documents, notifications, the fold of the case facts) have handled the
	 * last cases' events: closing the platform under them fills the log with their failures.
	 */
	private void awaitListeners(Duration atMost) throws InterruptedException {
		long until = System.nanoTime() + atMost.toNanos();
		while (primary.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() > 0
				&& System.nanoTime() < until) {
			Thread.sleep(200);
		}
	}

	// ------------------------------------------------------------------ the rest

	/** Stops the platform (and with it the embedded primary), the standby, and removes the directory; once. */
	@Override
	public void close() {
		if (!closed.compareAndSet(false, true)) {
			return;
		}
		try {
			if (cases != null) {
				cases.close();
			}
		}
		catch (RuntimeException e) {
			System.err.println("closing the platform: " + e);
		}
		if (primaryPostmaster > 0) {
			ProcessHandle.of(primaryPostmaster).ifPresent(ProcessHandle::destroyForcibly);
		}
		try {
			if (standby != null) {
				standby.close();
			}
		}
		catch (IOException | RuntimeException e) {
			System.err.println("stopping the standby: " + e);
		}
		try (var files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			System.err.println("removing " + directory + ": " + e);
		}
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static int freePort(int not) throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = socket.getLocalPort();
			return port == not ? freePort(not) : port;
		}
	}
}
