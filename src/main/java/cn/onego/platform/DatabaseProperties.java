package cn.onego.platform;

import java.nio.file.Path;

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
 * @param maxPoolSize connection pool size
 */
@ConfigurationProperties("onego.db")
public record DatabaseProperties(String url, String user, String password, String migrationUser,
		String migrationPassword, Path dataDir, boolean ephemeral, Integer maxPoolSize) {

	public DatabaseProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		maxPoolSize = maxPoolSize == null ? 16 : maxPoolSize;
	}

	boolean external() {
		return url != null && !url.isBlank();
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
