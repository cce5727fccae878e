package cn.onego.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.postgresql.PGConnection;

import cn.onego.platform.Backups;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A streaming standby of the platform's running embedded primary, made the way docs/OPERATIONS.md ("Read replica")
 * and {@code ReplicaIT} make it — a replication login and its pg_hba.conf line, a replication slot, a base backup
 * through the low-level API ({@link Backups}), {@code standby.signal} and {@code primary_conninfo} — and started from
 * the same embedded binaries on its own port. The bench may not use the test's classes, hence these steps once more.
 */
final class Standby implements AutoCloseable {

	/** The platform's superuser, its database and its file of generated passwords (package-private in the product). */
	static final String SUPERUSER = "postgres";
	static final String DATABASE = "postgres";
	private static final String PASSWORDS_FILE = "onego-credentials.properties";
	private static final String REPLICATION_ROLE = "onego_replication";

	private final Path primaryData;
	private final int port;
	private final EmbeddedPostgres server;
	private final long postmaster;

	private Standby(Path primaryData, int port, EmbeddedPostgres server, long postmaster) {
		this.primaryData = primaryData;
		this.port = port;
		this.server = server;
		this.postmaster = postmaster;
	}

	/**
	 * Makes the standby of the primary whose OneGo data directory is {@code primaryData} in {@code standbyData},
	 * and starts it on {@code port}.
	 */
	static Standby make(Path primaryData, Path standbyData, int port) throws IOException, SQLException {
		String replicationPassword = "replication-" + System.nanoTime();
		int primaryPort = postmasterLine(primaryData.resolve("postgres"), 3);
		try (Connection sql = primary(primaryData); Statement query = sql.createStatement()) {
			query.execute("CREATE ROLE " + REPLICATION_ROLE + " WITH REPLICATION LOGIN");
			sql.unwrap(PGConnection.class).alterUserPassword(REPLICATION_ROLE, replicationPassword.toCharArray(), "scram-sha-256");
			// OneGo's pg_hba.conf has no replication line; the standby's goes below OneGo's own
			Files.writeString(primaryData.resolve("postgres/pg_hba.conf"),
					"host    replication  " + REPLICATION_ROLE + "  127.0.0.1/32  scram-sha-256\n", StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
			query.execute("SELECT pg_reload_conf()");
			// the slot keeps the write-ahead log the standby has not received yet, from before the backup on
			query.execute("SELECT pg_create_physical_replication_slot('onego_standby', true)");
		}
		Backups.Made made = Backups.backup(primaryData, standbyData);
		if (!made.online()) {
			throw new IllegalStateException("the primary was not running: no online base backup");
		}
		Path data = standbyData.resolve("postgres");
		Files.writeString(data.resolve("standby.signal"), "", StandardCharsets.UTF_8);
		Files.writeString(data.resolve("postgresql.auto.conf"), """
				primary_conninfo = 'host=127.0.0.1 port=%d user=%s password=%s application_name=onego_standby'
				primary_slot_name = 'onego_standby'
				""".formatted(primaryPort, REPLICATION_ROLE, replicationPassword), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		EmbeddedPostgres server = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("unix_socket_directories", "")
			// a hot standby needs at least the primary's number of connections
			.setServerConfig("max_connections", "200")
			.setConnectConfig("password", superuserPassword(primaryData))
			.setPGStartupWait(Duration.ofSeconds(120))
			.start();
		return new Standby(primaryData, port, server, postmasterLine(data, 0));
	}

	/** A superuser connection to the standby: it has the primary's logins and passwords, being a copy of its files. */
	Connection superuser() throws IOException, SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, SUPERUSER,
				superuserPassword(primaryData));
	}

	/** A superuser connection to the running primary of a OneGo data directory. */
	static Connection primary(Path primaryData) throws IOException, SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postmasterLine(primaryData.resolve("postgres"), 3) + "/"
				+ DATABASE, SUPERUSER, superuserPassword(primaryData));
	}

	/** The first column of the first row of a query. */
	static Object single(Statement query, String sql) throws SQLException {
		try (ResultSet row = query.executeQuery(sql)) {
			row.next();
			return row.getObject(1);
		}
	}

	/** Stops the standby; its postmaster is killed should the orderly stop fail. */
	@Override
	public void close() throws IOException {
		try {
			server.close();
		}
		finally {
			ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

	/** A line of postmaster.pid: 0 is the postmaster's process id, 3 its port. */
	static int postmasterLine(Path postgresData, int line) throws IOException {
		List<String> lines = Files.readAllLines(postgresData.resolve("postmaster.pid"));
		return Integer.parseInt(lines.get(line).trim());
	}

	private static String superuserPassword(Path dataDir) throws IOException {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(dataDir.resolve(PASSWORDS_FILE))) {
			credentials.load(in);
		}
		return credentials.getProperty(SUPERUSER + ".password");
	}
}
