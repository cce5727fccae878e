package cn.onego.platform;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.Driver;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The database, {@code ONEGO_DB_URL} when set, otherwise an embedded server started here, and two ways in:
 * the connection pool every module, the event publication registry and {@code JdbcClient} use, logged in as
 * the least-privilege application role; and, for Flyway alone, the schema owner. The embedded server is
 * stopped right after the pool is closed (the pool depends on it), so the last writes of a closing context
 * still reach it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/** The placeholder a migration names the application's login with, e.g. {@code REVOKE … FROM ${app_role}}. */
	static final String APP_ROLE_PLACEHOLDER = "app_role";

	@Bean
	Database database(DatabaseProperties properties) {
		return Database.of(properties);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(Database database, DatabaseProperties properties) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("onego");
		pool.setJdbcUrl(database.url());
		pool.setUsername(database.application().user());
		pool.setPassword(database.application().password());
		pool.setMaximumPoolSize(properties.maxPoolSize());
		return pool;
	}

	/**
	 * Flyway's own way in, as the owner of the schema. Not pooled, so no owner's connection stays open once the
	 * migrations are done; not a default candidate, so that only Flyway (and whoever asks for it by its
	 * qualifier) gets it, while everything that asks for "the" DataSource gets the application's pool.
	 */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource migrationDataSource(Database database) {
		return new SimpleDriverDataSource(new Driver(), database.url(), database.migration().user(),
				database.migration().password());
	}

	/**
	 * The database's health as the application reaches it. Boot's own would also poll the migration login, opening
	 * an owner's connection at every health check.
	 */
	@Bean
	DataSourceHealthIndicator dbHealthIndicator(DataSource dataSource) {
		return new DataSourceHealthIndicator(dataSource);
	}

	@Bean
	FlywayConfigurationCustomizer appRolePlaceholder(Database database) {
		return configuration -> {
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.put(APP_ROLE_PLACEHOLDER, quoted(database.application().user()));
			configuration.placeholders(placeholders);
		};
	}

	/** A role name as an SQL identifier, whatever its case or characters. */
	static String quoted(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}
}
