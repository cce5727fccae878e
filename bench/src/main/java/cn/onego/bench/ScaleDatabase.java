package cn.onego.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.OneGo;
import cn.onego.platform.crypto.KeyFile;
import cn.onego.platform.crypto.PersonalData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL 17 of the scale benchmark, on a data directory that outlives the JVM (the
 * generator fills it, the query benchmark reads it later), and the OneGo application context on it.
 */
final class ScaleDatabase implements AutoCloseable {

	static final String DB = "onego";

	final EmbeddedPostgres pg;
	/** The keys of personal data, beside the data directory: the database is an external one to OneGo here. */
	private final Path keyFile;

	private ScaleDatabase(EmbeddedPostgres pg, Path keyFile) {
		this.pg = pg;
		this.keyFile = keyFile;
	}

	/**
	 * Starts the server. {@code fresh} wipes the directory first (the generator); otherwise the existing
	 * cluster is reused as it is (the query benchmark). The directory is kept on close. Autovacuum stays off while loading: the generator vacuums
	 * and analyses once at the end, rather than having autovacuum compete for the two cores mid-load.
	 */
	static ScaleDatabase start(Path dataDirectory, boolean fresh) throws IOException, SQLException {
		Path keyFile = dataDirectory.toAbsolutePath().resolveSibling(dataDirectory.getFileName() + "-keys.properties");
		if (fresh) {
			Files.deleteIfExists(keyFile);
		}
		if (fresh && Files.exists(dataDirectory)) {
			// wiped here, not by zonky: its "clean" option also deletes the directory on close
			try (var paths = Files.walk(dataDirectory)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		EmbeddedPostgres pg = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "2GB")
			.setServerConfig("maintenance_work_mem", "1GB")
			.setServerConfig("max_wal_size", "4GB")
			.setServerConfig("checkpoint_timeout", "30min")
			.setServerConfig("autovacuum", fresh ? "off" : "on")
			.setServerConfig("wal_level", "minimal")
			.setServerConfig("max_wal_senders", "0")
			.setServerConfig("timezone", "Asia/Shanghai")
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setRegisterShutdownHook(false)
			.start();
		ScaleDatabase db = new ScaleDatabase(pg, keyFile);
		if (fresh) {
			db.execute("postgres", "CREATE DATABASE " + DB);
		}
		return db;
	}

	Connection connect() throws SQLException {
		return pg.getDatabase("postgres", DB).getConnection();
	}

	/** The OneGo application context on the database: Flyway migrates it, the bundled catalogue is stored and mirrored. */
	ConfigurableApplicationContext application() {
		return new SpringApplicationBuilder(OneGo.class).run("--server.port=0",
				"--onego.db.url=" + pg.getJdbcUrl("postgres", DB), "--onego.db.user=postgres", "--onego.db.password=",
				"--onego.db.max-pool-size=10", "--onego.crypto.key-file=" + keyFile, "--onego.demo-data.enabled=false", "--logging.level.root=WARN",
				"--spring.main.banner-mode=off",
				// the scheduled scan would change colours under the benchmark; ScaleQueries calls it itself
				"--onego.clock.scan-interval=1000d");
	}

	/** The sealing of the application on this database, without starting it (the blind index of an applicant). */
	PersonalData personalData() {
		return new PersonalData(KeyFile.loadOrCreate(keyFile));
	}

	private void execute(String database, String sql) throws SQLException {
		try (Connection c = pg.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	@Override
	public void close() throws IOException {
		pg.close();
	}
}
