package cn.onego.platform;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;

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

	/**
	 * Hikari's pool, logged in as the application's role. Not a default candidate: everybody gets it through
	 * {@link ConnectionPool}, which fails at once while the database is known to be away.
	 */
	@Bean(destroyMethod = "close", defaultCandidate = false)
	HikariDataSource hikariPool(Database database, DatabaseProperties properties) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("onego");
		pool.setJdbcUrl(database.url());
		pool.setUsername(database.application().user());
		pool.setPassword(database.application().password());
		pool.setMaximumPoolSize(properties.maxPoolSize());
		pool.setConnectionTimeout(properties.connectionTimeout().toMillis());
		pool.setValidationTimeout(Math.min(2_000, Math.max(250, properties.connectionTimeout().toMillis() / 2)));
		pool.addDataSourceProperty("connectTimeout", "5");
		// the server's error details repeat the values of the statement (a key, a row): not into exceptions and logs
		pool.addDataSourceProperty("logServerErrorDetail", "false");
		return pool;
	}

	@Bean
	DatabaseWatch databaseWatch(Database database, @Qualifier("hikariPool") HikariDataSource pool,
			DatabaseProperties properties, ApplicationEventPublisher events,
			ObjectProvider<IncompleteEventPublications> publications, ObjectProvider<MeterRegistry> meters) {
		return new DatabaseWatch(database, pool, properties, events, publications, meters);
	}

	/** Which rows other transactions changed, for the modules that keep copies (LISTEN/NOTIFY). */
	@Bean
	ChangeSignals changeSignals(Database database, ObjectProvider<MeterRegistry> meters) {
		ChangeSignals signals = new ChangeSignals(database);
		meters.ifAvailable(registry -> io.micrometer.core.instrument.Gauge
			.builder("onego.change-signals.listening", signals, s -> s.listening() ? 1 : 0)
			.description("1 while this node hears the database's change signals and its modules may keep copies; 0 otherwise")
			.register(registry));
		return signals;
	}

	/** The connection pool every module, the event publication registry and {@code JdbcClient} use. */
	@Bean
	@Primary
	DataSource dataSource(@Qualifier("hikariPool") HikariDataSource pool, DatabaseWatch watch) {
		return new ConnectionPool(pool, watch);
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
	 * an owner's connection at every health check; and while the watch knows the database is away, it says so at
	 * once (since when, why, how often OneGo restarted it) instead of waiting for a connection.
	 */
	@Bean
	HealthIndicator dbHealthIndicator(DataSource dataSource, DatabaseWatch watch) {
		DataSourceHealthIndicator reachable = new DataSourceHealthIndicator(dataSource);
		return () -> {
			if (watch.available()) {
				Health health = reachable.health();
				return Health.status(health.getStatus()).withDetails(health.getDetails()).withDetail("restarts", watch.restarts())
					.build();
			}
			Health.Builder down = Health.down().withDetail("restarts", watch.restarts());
			watch.downSince().ifPresent(since -> down.withDetail("since", since.toString()));
			watch.lastFailure().ifPresent(why -> down.withDetail("error", why));
			return down.build();
		};
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
