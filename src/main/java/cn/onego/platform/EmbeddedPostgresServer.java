package cn.onego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL started by OneGo itself, so that a fresh machine needs nothing but a JDK. Its data
 * directory survives restarts. Closed by Spring after the connection pool (which depends on it), not
 * by a JVM shutdown hook, so that pending work can still reach the database while the context closes.
 */
class EmbeddedPostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	private final EmbeddedPostgres postgres;
	private final Path directory;
	private final boolean ephemeral;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, boolean ephemeral) {
		this.postgres = postgres;
		this.directory = directory;
		this.ephemeral = ephemeral;
	}

	static EmbeddedPostgresServer start(DatabaseProperties properties) {
		try {
			boolean ephemeral = properties.ephemeral();
			Path directory = ephemeral ? Files.createTempDirectory("onego-pg-")
					: properties.dataDir().toAbsolutePath().resolve("postgres");
			Files.createDirectories(directory);
			stopOrphanPostmaster(directory);
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
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			log.info("Embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), directory);
			return new EmbeddedPostgresServer(postgres, directory, ephemeral);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
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

	String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		if (ephemeral) {
			try (Stream<Path> files = Files.walk(directory)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}
