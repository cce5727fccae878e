package cn.onego.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} OneGo starts its own PostgreSQL with its files under
 * {@code dataDir}; with a {@code url} it uses that server and starts nothing.
 *
 * @param url JDBC URL of an external PostgreSQL 14+ ({@code ONEGO_DB_URL}); empty for embedded
 * @param user the application's login on the external database ({@code ONEGO_DB_USER})
 * @param password its password ({@code ONEGO_DB_PASSWORD})
 * @param migrationUser the login that owns the schema and runs the migrations on the external database
 *        ({@code ONEGO_DB_MIGRATION_USER}); the application's when empty
 * @param migrationPassword its password ({@code ONEGO_DB_MIGRATION_PASSWORD}); the application's when empty
 * @param dataDir directory of the embedded server's files ({@code ONEGO_DATA_DIR}, default {@code ./data})
 * @param ephemeral whether the embedded server uses a throw-away directory (tests)
 * @param port the embedded server's port on 127.0.0.1 ({@code ONEGO_DB_PORT}); a free one at each start when
 *        empty, fixed when a standby streams from it
 * @param maxPoolSize connection pool size
 * @param connectionTimeout how long a request waits for a connection of the pool before it is answered 503
 *        (default 5 s; Hikari's 30 s kept every request hanging while the database was gone)
 * @param checkInterval how often {@link DatabaseWatch} checks that the server answers (default 500 ms)
 * @param restartAfter how long the embedded server may stay unresponsive, its postmaster alive, before OneGo
 *        restarts it (default 30 s; a postmaster that died is restarted at once)
 * @param giveUpAfter how long the embedded server may stay unavailable, restarts failing, before the liveness
 *        state turns {@code BROKEN} so that an orchestrator restarts the whole process (default 2 min)
 * @param replicaUrl JDBC URL of a streaming standby of the database ({@code ONEGO_DB_REPLICA_URL}), reached with
 *        the application's login, for the reads that may be a moment behind ({@link ReadOnlyData}); empty for none
 * @param replicaMaxLag how far the standby may be behind the primary and still be read from (default 5 s)
 * @param replicaCheckInterval how often its lag is measured (default 1 s)
 */
@ConfigurationProperties("onego.db")
public record DatabaseProperties(String url, String user, String password, String migrationUser,
		String migrationPassword, Path dataDir, boolean ephemeral, Integer port, Integer maxPoolSize, Duration connectionTimeout,
		Duration checkInterval, Duration restartAfter, Duration giveUpAfter, String replicaUrl, Duration replicaMaxLag,
		Duration replicaCheckInterval) {

	public DatabaseProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		maxPoolSize = maxPoolSize == null ? 16 : maxPoolSize;
		connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(5) : connectionTimeout;
		checkInterval = checkInterval == null ? Duration.ofMillis(500) : checkInterval;
		restartAfter = restartAfter == null ? Duration.ofSeconds(30) : restartAfter;
		giveUpAfter = giveUpAfter == null ? Duration.ofMinutes(2) : giveUpAfter;
		replicaMaxLag = replicaMaxLag == null ? Duration.ofSeconds(5) : replicaMaxLag;
		replicaCheckInterval = replicaCheckInterval == null ? Duration.ofSeconds(1) : replicaCheckInterval;
	}

	boolean external() {
		return url != null && !url.isBlank();
	}

	boolean replicated() {
		return !blank(replicaUrl);
	}

	Login application() {
		return new Login(user, password);
	}

	Login migration() {
		return new Login(blank(migrationUser) ? user : migrationUser, blank(migrationPassword) ? password : migrationPassword);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
