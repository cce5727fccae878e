package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.OneGo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two local PostgreSQL servers from the same embedded binaries: the platform's own embedded primary, and a streaming
 * standby of it made as docs/OPERATIONS.md ("Read replica") says — a replication login and its pg_hba.conf line, a
 * replication slot, a base backup through the low-level API ({@code pg_backup_start}, a copy of the files,
 * {@code pg_backup_stop}'s {@code backup_label}: {@link Backups}), {@code standby.signal} and {@code primary_conninfo}.
 * The platform, given the standby's address in {@code onego.db.replica-url} before it exists, reads from the primary
 * until the standby is up, then serves the supervision dashboard from it; while the standby's replay is paused and it
 * lags more than allowed, from the primary again; once replay resumes, from the standby.
 */
class ReplicaIT {

	static final Duration MAX_LAG = Duration.ofSeconds(5);
	static final String REGION = "431202";
	static final String DASHBOARD = "/api/v1/supervision/dashboard?region=" + REGION + "&from=2020-01-01&to=2020-01-31";
	static final String REPLICATION_ROLE = "onego_replication";

	static Path directory;
	static int primaryPort;
	static int standbyPort;
	static ConfigurableApplicationContext platform;
	static EmbeddedPostgres standby;
	static long standbyPostmaster;

	@BeforeAll
	static void startThePlatformWithAReplicaThatIsNotThereYet() throws IOException {
		directory = Files.createTempDirectory("onego-replica-it-");
		primaryPort = freePort();
		standbyPort = freePort();
		// the primary on a fixed port, so that the standby finds it again after a restart
		platform = new SpringApplicationBuilder(OneGo.class).run("--server.port=0",
				"--onego.db.data-dir=" + directory.resolve("primary"), "--onego.db.port=" + primaryPort,
				"--onego.db.replica-url=jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + Roles.DATABASE,
				"--onego.db.replica-max-lag=" + MAX_LAG.toMillis() + "ms", "--onego.db.replica-check-interval=200ms");
	}

	@AfterAll
	static void stopEverythingStarted() throws Exception {
		try {
			if (platform != null) {
				platform.close();
			}
		}
		finally {
			try {
				if (standby != null) {
					standby.close();
				}
			}
			finally {
				if (standbyPostmaster > 0) {
					ProcessHandle.of(standbyPostmaster).ifPresent(ProcessHandle::destroyForcibly);
				}
				if (directory != null) {
					try (var files = Files.walk(directory)) {
						files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
					}
				}
			}
		}
	}

	@Test
	void servesTheDashboardFromTheStandbyFallsBackToThePrimaryWhileItLagsAndReturnsToIt() throws Exception {
		ApiClient api = new ApiClient(Integer.parseInt(platform.getEnvironment().getProperty("local.server.port")));
		Path primaryData = directory.resolve("primary");

		// configured but not there yet: everything is read from the primary, and the platform says why
		Map<String, Object> health = await(api, h -> h.get("problem") != null && h.get("problem").toString().startsWith("unreachable"),
				"the missing standby is noticed");
		assertThat(health).containsEntry("serving", "primary");
		volumes(7);
		assertThat(submitted(api)).as("read from the primary").isEqualTo(7);

		long making = System.nanoTime();
		makeStandby(primaryData, directory.resolve("standby"));
		long made = System.nanoTime();

		health = await(api, h -> "replica".equals(h.get("serving")), "the standby is read from once it is up");
		long readFromAfter = millisSince(made);
		assertThat(((Number) health.get("lagMillis")).longValue()).isLessThanOrEqualTo(MAX_LAG.toMillis());
		try (Connection sql = standbySuperuser(); Statement query = sql.createStatement()) {
			assertThat(single(query, "SELECT pg_is_in_recovery()")).isEqualTo(true);
			assertThat(single(query, "SELECT status FROM pg_stat_wal_receiver")).isEqualTo("streaming");
		}
		// written on the primary, replayed on the standby, shown from it
		volumes(8);
		awaitSubmitted(api, 8);
		long leftAfter;
		try (Connection sql = standbySuperuser(); Statement query = sql.createStatement()) {
			assertThat(((Number) single(query,
					"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'onego-replica-reads'")).intValue())
				.as("the dashboard's connections are the standby's").isPositive();

			// replay paused: what the primary writes now is not on the standby, and the dashboard, still served from it
			// while it is within the allowed lag, shows the figure of before
			query.execute("SELECT pg_wal_replay_pause()");
			long paused = System.nanoTime();
			volumes(9);
			int shown = submitted(api);
			assertThat(replicaHealth(api)).as("within the allowed lag").containsEntry("serving", "replica");
			assertThat(shown).as("served from the paused standby: the write is not there yet").isEqualTo(8);

			// lagging more than allowed: read from the primary, which has the write
			health = await(api, h -> "primary".equals(h.get("serving")), "the lagging standby is left for the primary");
			leftAfter = millisSince(paused);
			assertThat(((Number) health.get("lagMillis")).longValue()).isGreaterThan(MAX_LAG.toMillis());
			assertThat((String) health.get("problem")).startsWith("lags");
			assertThat(submitted(api)).as("fresh, from the primary").isEqualTo(9);
			assertThat(single(query, "SELECT pg_is_wal_replay_paused()")).isEqualTo(true);
			Response metrics = api.get("/actuator/prometheus", "admin", "onego-admin");
			assertThat(metrics.body()).contains("onego_db_replica_lag_seconds").contains("onego_db_replica_serving");

			// replay resumed: it catches up, and the standby is read from again
			query.execute("SELECT pg_wal_replay_resume()");
		}
		long resumed = System.nanoTime();
		health = await(api, h -> "replica".equals(h.get("serving")), "the standby is read from again once it caught up");
		System.out.printf("ReplicaIT: standby made (base backup, copy, start) in %d ms, read from %d ms after it started; "
				+ "replay paused: left for the primary after %d ms (max lag %d ms); resumed: read from again after %d ms%n",
				(made - making) / 1_000_000, readFromAfter, leftAfter, MAX_LAG.toMillis(), millisSince(resumed));
		assertThat(((Number) health.get("lagMillis")).longValue()).isLessThanOrEqualTo(MAX_LAG.toMillis());
		assertThat(submitted(api)).as("replayed on the standby").isEqualTo(9);
		assertThat(platform.getBean(ReadOnlyData.class).status().serving()).isTrue();
	}

	/**
	 * A streaming standby of the running primary, made from SQL and a file copy alone (the embedded binaries have no
	 * {@code pg_basebackup}), then started from the same binaries on its own port.
	 */
	private static void makeStandby(Path primaryData, Path standbyData) throws Exception {
		String replicationPassword = "replication-" + System.nanoTime();
		try (Connection sql = primarySuperuser(primaryData); Statement query = sql.createStatement()) {
			// the primary's defaults already allow streaming: wal_level replica, ten WAL senders
			assertThat(single(query, "SHOW wal_level")).isEqualTo("replica");
			assertThat(Integer.parseInt((String) single(query, "SHOW max_wal_senders"))).isPositive();
			query.execute("CREATE ROLE " + REPLICATION_ROLE + " WITH REPLICATION LOGIN");
			sql.unwrap(PGConnection.class).alterUserPassword(REPLICATION_ROLE, replicationPassword.toCharArray(), "scram-sha-256");
			// OneGo's pg_hba.conf has no replication line; one for the standby, below OneGo's, is kept across restarts
			Files.writeString(primaryData.resolve("postgres/pg_hba.conf"),
					"host    replication  " + REPLICATION_ROLE + "  127.0.0.1/32  scram-sha-256\n", StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
			query.execute("SELECT pg_reload_conf()");
			// the slot keeps the write-ahead log the standby has not received yet, from before the backup on
			query.execute("SELECT pg_create_physical_replication_slot('onego_standby', true)");
		}
		Backups.Made made = Backups.backup(primaryData, standbyData);
		assertThat(made.online()).isTrue();
		Path data = standbyData.resolve("postgres");
		assertThat(data.resolve("backup_label")).exists();
		assertThat(data.resolve("postmaster.pid")).doesNotExist();
		Files.writeString(data.resolve("standby.signal"), "", StandardCharsets.UTF_8);
		assertThat(Integer.parseInt(Files.readAllLines(primaryData.resolve("postgres/postmaster.pid")).get(3).trim()))
			.as("onego.db.port").isEqualTo(primaryPort);
		Files.writeString(data.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=127.0.0.1 port=%d user=%s password=%s application_name=onego_standby'
				primary_slot_name = 'onego_standby'
				""".formatted(primaryPort, REPLICATION_ROLE, replicationPassword), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		standby = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(standbyPort)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			// a hot standby needs at least the primary's number of connections
			.setServerConfig("max_connections", "200")
			.setConnectConfig("password", superuserPassword(primaryData))
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		standbyPostmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
	}

	/**
	 * Sets the figure of submitted cases of the test's day, on the primary, as the application's login: in the detailed
	 * counts and in the rollup by region the dashboard reads without a hall, matter or channel filter (V66), as the fold
	 * keeps them.
	 */
	private static void volumes(int submitted) throws Exception {
		Database database = platform.getBean(Database.class);
		try (Connection sql = DriverManager.getConnection(database.url(), database.application().user(),
				database.application().password()); Statement query = sql.createStatement()) {
			query.execute("""
					INSERT INTO supervision_case_day (day, region, hall, matter, channel, accepting_region, submitted)
					VALUES ('2020-01-15', '%1$s', 'REPLICA-HALL', 'HN-CATERING', 'ONLINE', '%1$s', %2$d)
					ON CONFLICT (day, region, hall, matter, channel, accepting_region) DO UPDATE SET submitted = excluded.submitted;
					INSERT INTO supervision_region_day (day, region, accepting_region, submitted)
					VALUES ('2020-01-15', '%1$s', '%1$s', %2$d)
					ON CONFLICT (day, region, accepting_region) DO UPDATE SET submitted = excluded.submitted"""
				.formatted(REGION, submitted));
		}
	}

	private static int submitted(ApiClient api) {
		Response dashboard = api.get(DASHBOARD, "supervisor", "onego-supervisor");
		assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
		List<Map<String, Object>> volumes = dashboard.json("$.volumes");
		return volumes.isEmpty() ? 0 : ((Number) volumes.get(0).get("submitted")).intValue();
	}

	private static void awaitSubmitted(ApiClient api, int expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (submitted(api) != expected && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(submitted(api)).isEqualTo(expected);
	}

	private static Map<String, Object> replicaHealth(ApiClient api) {
		Response health = api.get("/actuator/health", "admin", "onego-admin");
		return health.json("$.components.replica.details");
	}

	private static Map<String, Object> await(ApiClient api, Predicate<Map<String, Object>> condition, String what)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Map<String, Object> health = replicaHealth(api);
		while (!condition.test(health) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			health = replicaHealth(api);
		}
		assertThat(condition.test(health)).as(what + ": " + health).isTrue();
		return health;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	private static Object single(Statement query, String sql) throws Exception {
		try (ResultSet row = query.executeQuery(sql)) {
			row.next();
			return row.getObject(1);
		}
	}

	private static String superuserPassword(Path dataDir) throws IOException {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE))) {
			credentials.load(in);
		}
		return credentials.getProperty(Roles.SUPERUSER + ".password");
	}

	private static Connection primarySuperuser(Path dataDir) throws Exception {
		int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + Roles.DATABASE, Roles.SUPERUSER,
				superuserPassword(dataDir));
	}

	/** The standby has the primary's logins and passwords: it is a copy of its files. */
	private static Connection standbySuperuser() throws Exception {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + standbyPort + "/" + Roles.DATABASE, Roles.SUPERUSER,
				superuserPassword(directory.resolve("primary")));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			int port = socket.getLocalPort();
			return port == primaryPort ? freePort() : port;
		}
	}
}
