package cn.onego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL started by OneGo itself, so that a fresh machine needs nothing but a JDK. Its data
 * directory survives restarts. Closed by Spring after the connection pool (which depends on it), not
 * by a JVM shutdown hook, so that pending work can still reach the database while the context closes.
 * <p>
 * zonky's defaults suit a throw-away test database, not a register of ID numbers: initdb trusts every
 * local connection and the server runs with fsync off. Here every connection needs a password (see
 * {@link HostBasedAuthentication}, {@link Roles}, {@link GeneratedPasswords}) and a write acknowledged is a
 * write on disk, as on any production PostgreSQL.
 */
class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/**
	 * Beside the server's directory, not in it: initdb wants an empty directory, and a copy of the server's
	 * files made for a backup should not carry the passwords along.
	 */
	static final String PASSWORDS_FILE = "onego-credentials.properties";

	private final EmbeddedPostgres postgres;
	private final Path root;
	private final GeneratedPasswords passwords;
	private final boolean ephemeral;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path root, GeneratedPasswords passwords, boolean ephemeral) {
		this.postgres = postgres;
		this.root = root;
		this.passwords = passwords;
		this.ephemeral = ephemeral;
	}

	static EmbeddedPostgresServer start(DatabaseProperties properties) {
		try {
			boolean ephemeral = properties.ephemeral();
			Path root = ephemeral ? Files.createTempDirectory("onego-pg-") : properties.dataDir().toAbsolutePath();
			return start(root, ephemeral);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
		}
	}

	/**
	 * Starts the server on {@code root/postgres}. A data directory whose {@code pg_hba.conf} is not yet
	 * OneGo's — new from initdb, or created by an OneGo of before the roles — is secured while initdb's
	 * {@code trust} still lets the superuser in without a password: roles, passwords, the existing tables
	 * handed to the owner, then the new {@code pg_hba.conf}.
	 */
	static EmbeddedPostgresServer start(Path root, boolean ephemeral) throws IOException {
		Path directory = root.resolve("postgres");
		Files.createDirectories(directory);
		stopOrphanPostmaster(directory);
		Path passwordsFile = root.resolve(PASSWORDS_FILE);
		boolean existing = Files.exists(directory.resolve("PG_VERSION"));
		boolean secured = existing && HostBasedAuthentication.isOneGos(directory);
		if (secured && !Files.exists(passwordsFile)) {
			throw new IllegalStateException("The embedded PostgreSQL in " + directory + " asks for passwords, but "
					+ passwordsFile + " that holds them is missing; restore it from a backup");
		}
		GeneratedPasswords passwords = GeneratedPasswords.loadOrCreate(passwordsFile);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("listen_addresses", "127.0.0.1")
			.setServerConfig("max_connections", "200")
			// zonky passes -F (fsync off) and synchronous_commit=off, fit for a throw-away test database; a
			// later -c wins over -F, so a commit acknowledged here is on disk as on a production server
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("password_encryption", "scram-sha-256")
			// zonky checks the server is up by logging in as postgres; ignored while initdb's trust applies
			.setConnectConfig("password", passwords.superuser())
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, root, passwords, ephemeral);
		try {
			if (!secured) {
				server.secure(directory, existing);
			}
		}
		catch (SQLException | IOException | RuntimeException e) {
			postgres.close();
			throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + directory, e);
		}
		log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}, passwords in {}", postgres.getPort(), directory,
				passwordsFile);
		return server;
	}

	private void secure(Path directory, boolean existing) throws SQLException, IOException {
		if (existing) {
			log.warn("The embedded PostgreSQL in {} lets every local process in as its superuser; securing it with roles "
					+ "and passwords (kept in {})", directory, passwordsFile());
		}
		try (Connection superuser = connect(Roles.SUPERUSER, passwords.superuser());
				Statement sql = superuser.createStatement()) {
			int adopted = Roles.secure(superuser, passwords);
			if (adopted > 0) {
				log.warn("Handed {} existing tables, sequences, views, functions and types to {}", adopted, Roles.OWNER);
			}
			Timestamp loaded = timestamp(sql, "SELECT pg_conf_load_time()");
			HostBasedAuthentication.write(directory);
			try (ResultSet rule = sql.executeQuery("SELECT line_number, error FROM pg_hba_file_rules WHERE error IS NOT NULL")) {
				if (rule.next()) {
					throw new IllegalStateException("pg_hba.conf line " + rule.getInt(1) + ": " + rule.getString(2));
				}
			}
			sql.execute("SELECT pg_reload_conf()");
			awaitReload(loaded);
		}
	}

	/**
	 * {@code pg_reload_conf()} only signals the postmaster. A session started after the postmaster re-read its
	 * files reports the new load time, and the postmaster re-reads pg_hba.conf before it starts another session:
	 * once a new session sees a later time, every new connection needs a password.
	 */
	private void awaitReload(Timestamp before) throws SQLException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try (Connection fresh = connect(Roles.SUPERUSER, passwords.superuser());
					Statement sql = fresh.createStatement()) {
				if (timestamp(sql, "SELECT pg_conf_load_time()").after(before)) {
					return;
				}
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while PostgreSQL re-read pg_hba.conf", e);
			}
		}
		throw new IllegalStateException("PostgreSQL did not re-read pg_hba.conf within 30 s");
	}

	private static Timestamp timestamp(Statement sql, String query) throws SQLException {
		try (ResultSet result = sql.executeQuery(query)) {
			result.next();
			return result.getTimestamp(1);
		}
	}

	/**
	 * After the JVM was killed, its postmaster may still hold the data directory. Stop it, but only if
	 * the process named in {@code postmaster.pid} really is a postgres.
	 */
	static void stopOrphanPostmaster(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.isEmpty()) {
			return;
		}
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).trim());
		}
		catch (NumberFormatException e) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid)
			.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
		if (process.isEmpty()) {
			return;
		}
		log.warn("Stopping orphan PostgreSQL (pid {}) left on {}", pid, directory);
		process.get().destroy();
		try {
			process.get().onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception e) {
			process.get().destroyForcibly();
		}
	}

	/** The loopback address, not "localhost", which may name ::1 first while the server listens on 127.0.0.1 only. */
	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + Roles.DATABASE;
	}

	/** A new connection, not from the pool. */
	Connection connect(String user, String password) throws SQLException {
		Properties login = new Properties();
		login.setProperty("user", user);
		login.setProperty("password", password);
		return new Driver().connect(jdbcUrl(), login);
	}

	int port() {
		return postgres.getPort();
	}

	/** The directory holding the server's files, the passwords and the keys of personal data. */
	Path root() {
		return root;
	}

	Path passwordsFile() {
		return root.resolve(PASSWORDS_FILE);
	}

	GeneratedPasswords passwords() {
		return passwords;
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		if (ephemeral) {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
