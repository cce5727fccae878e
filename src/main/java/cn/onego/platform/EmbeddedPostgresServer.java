package cn.onego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

	private volatile EmbeddedPostgres postgres;
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
			return start(root, ephemeral, properties.port());
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
		return start(root, ephemeral, null);
	}

	/**
	 * As {@link #start(Path, boolean)}, on a fixed port when one is given — a standby streaming from this server
	 * needs to find it again after a restart — which must be free: zonky would not notice another server there.
	 */
	static EmbeddedPostgresServer start(Path root, boolean ephemeral, Integer port) throws IOException {
		Path directory = root.resolve("postgres");
		Files.createDirectories(directory);
		stopOrphanPostmaster(directory); // which may hold the port itself
		if (port != null && !portFree(port)) {
			throw new IOException("port " + port + " for the embedded PostgreSQL (onego.db.port) is taken by another process");
		}
		Path passwordsFile = root.resolve(PASSWORDS_FILE);
		boolean existing = Files.exists(directory.resolve("PG_VERSION"));
		boolean secured = existing && HostBasedAuthentication.isOneGos(directory);
		if (secured && !Files.exists(passwordsFile)) {
			throw new IllegalStateException("The embedded PostgreSQL in " + directory + " asks for passwords, but "
					+ passwordsFile + " that holds them is missing; restore it from a backup");
		}
		GeneratedPasswords passwords = GeneratedPasswords.loadOrCreate(passwordsFile);
		EmbeddedPostgres.Builder builder = builder(directory, passwords);
		if (port != null) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
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

	private static EmbeddedPostgres.Builder builder(Path directory, GeneratedPasswords passwords) {
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.setServerConfig("listen_addresses", "127.0.0.1")
			// no Unix socket: OneGo connects over TCP only, and a socket's lock file in /tmp, left by a killed server
			// and naming a process number that lives on (a zombie, or reused), would stop the restart on that port
			.setServerConfig("unix_socket_directories", "")
			.setServerConfig("max_connections", "200")
			// zonky passes -F (fsync off) and synchronous_commit=off, fit for a throw-away test database; a
			// later -c wins over -F, so a commit acknowledged here is on disk as on a production server
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.setServerConfig("password_encryption", "scram-sha-256")
			// zonky checks the server is up by logging in as postgres; ignored while initdb's trust applies
			.setConnectConfig("password", passwords.superuser())
			.setPGStartupWait(Duration.ofSeconds(60));
	}

	/**
	 * Starts the server again on the same data directory and port after it died (or hung): whatever is left of
	 * the old one is stopped first, and PostgreSQL's crash recovery replays the write-ahead log, so every
	 * acknowledged commit is there again. The port stays the same, so the connection pool's URL stays valid; a
	 * port somebody else took in the meantime is refused rather than talked to (zonky would not notice).
	 */
	synchronized void restart() throws IOException {
		EmbeddedPostgres dead = postgres;
		int port = dead.getPort();
		Path directory = directory();
		boolean died = postmasterOf(directory).isEmpty();
		// zonky's close runs pg_ctl stop, which would signal whatever process has the dead postmaster's number now
		Path pidFile = directory.resolve("postmaster.pid");
		Path aside = directory.resolve("postmaster.pid.dead");
		if (died && Files.exists(pidFile)) {
			Files.move(pidFile, aside, StandardCopyOption.REPLACE_EXISTING);
		}
		try {
			dead.close(); // releases zonky's lock on the directory; pg_ctl stops whatever still runs there
		}
		catch (IOException | RuntimeException e) {
			log.debug("Closing the dead embedded PostgreSQL: {}", e.toString());
		}
		if (died) {
			// its backends leave once they notice; a new postmaster must not start beside one of them. The dead one's
			// postmaster.pid goes: the process it names may linger as a zombie (a container whose first process reaps
			// nothing), and PostgreSQL would take it for a running postmaster.
			awaitNoServerProcesses(directory);
			Files.deleteIfExists(aside);
			Files.deleteIfExists(pidFile);
		}
		else {
			stopOrphanPostmaster(directory);
		}
		if (!portFree(port)) {
			throw new IOException("port " + port + " of the embedded PostgreSQL is taken by another process");
		}
		try {
			postgres = builder(directory, passwords).setPort(port).start();
		}
		catch (IOException | RuntimeException e) {
			// zonky keeps its lock on the directory when a start fails, until the object is collected: let the next
			// attempt have it
			System.gc();
			throw e;
		}
		log.warn("Embedded PostgreSQL restarted on 127.0.0.1:{} with data in {}", port, directory);
	}

	/**
	 * Waits until no process works in the data directory any more — PostgreSQL's server processes make it their
	 * working directory — and kills what is left after 10 s. On systems without {@code /proc} it cannot look and
	 * waits a second.
	 */
	private static void awaitNoServerProcesses(Path directory) throws IOException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		List<ProcessHandle> left = serverProcesses(directory);
		while (!left.isEmpty() && System.nanoTime() < deadline) {
			sleep(50);
			left = serverProcesses(directory);
		}
		if (!left.isEmpty()) {
			log.warn("Killing {} processes of the dead embedded PostgreSQL still working in {}", left.size(), directory);
			left.forEach(ProcessHandle::destroyForcibly);
			sleep(200);
		}
		if (!Files.isDirectory(Path.of("/proc"))) {
			sleep(1000);
		}
	}

	private static List<ProcessHandle> serverProcesses(Path directory) throws IOException {
		Path proc = Path.of("/proc");
		if (!Files.isDirectory(proc)) {
			return List.of();
		}
		Path real = directory.toRealPath();
		try (Stream<Path> entries = Files.list(proc)) {
			return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter(p -> {
					try {
						return Files.readSymbolicLink(p.resolve("cwd")).equals(real);
					}
					catch (IOException | SecurityException | UnsupportedOperationException gone) {
						return false; // gone meanwhile, a zombie, or not ours to look at
					}
				})
				.map(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())))
				.flatMap(Optional::stream)
				.toList();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The postmaster serving the data directory, as {@code postmaster.pid} names it, if it is alive and a
	 * postgres; empty when it died.
	 */
	Optional<ProcessHandle> postmaster() {
		return postmasterOf(directory());
	}

	private Path directory() {
		return root.resolve("postgres");
	}

	private static Optional<ProcessHandle> postmasterOf(Path directory) {
		try {
			List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
			if (lines.isEmpty()) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
				.filter(ProcessHandle::isAlive)
				.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static boolean portFree(int port) {
		try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
			return true;
		}
		catch (IOException e) {
			return false;
		}
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
