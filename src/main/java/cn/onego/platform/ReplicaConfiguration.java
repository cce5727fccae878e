package cn.onego.platform;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The read replica: one environment variable, {@code ONEGO_DB_REPLICA_URL} (the JDBC URL of a streaming standby of
 * the database), turns it on; the application's login is used there too, since a physical standby has the
 * primary's roles and passwords. Without it, {@link ReadOnlyData} reads from the primary. How to make a standby:
 * docs/OPERATIONS.md, "Read replica".
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

	@Bean(destroyMethod = "close")
	ReadOnlyData readOnlyData(DataSource primary, Database database, DatabaseProperties properties) {
		if (!properties.replicated()) {
			return new ReadOnlyData(primary);
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("onego-replica");
		pool.setJdbcUrl(properties.replicaUrl());
		pool.setUsername(database.application().user());
		pool.setPassword(database.application().password());
		pool.setMaximumPoolSize(Math.max(2, properties.maxPoolSize() / 2));
		pool.setReadOnly(true);
		// a replica that is away is not waited for: its reads go to the primary
		pool.setConnectionTimeout(1_000);
		pool.setValidationTimeout(500);
		pool.addDataSourceProperty("connectTimeout", "2");
		pool.addDataSourceProperty("ApplicationName", "onego-replica-reads");
		pool.addDataSourceProperty("logServerErrorDetail", "false");
		// a replica that is down when OneGo starts must not stop it
		pool.setInitializationFailTimeout(-1);
		return new ReadOnlyData(primary, pool, properties.replicaMaxLag());
	}

	/** The health component {@code replica}: where the reads go, how far behind the replica is, why it is not read. */
	@Bean
	ReplicaWatch replicaHealthIndicator(ReadOnlyData reads, DatabaseProperties properties,
			ObjectProvider<MeterRegistry> meters) {
		if (reads.status().configured()) {
			meters.ifAvailable(registry -> {
				Gauge.builder("onego.db.replica.lag", reads,
						r -> r.status().lag() == null ? Double.NaN : r.status().lag().toMillis() / 1000.0)
					.description("How far the read replica is behind the primary (NaN while unknown)")
					.baseUnit("seconds")
					.register(registry);
				Gauge.builder("onego.db.replica.serving", reads, r -> r.status().serving() ? 1 : 0)
					.description("1 while the reads that may be a moment behind go to the replica, 0 while they go to the primary")
					.register(registry);
			});
		}
		return new ReplicaWatch(reads, properties.replicaCheckInterval());
	}

	/**
	 * Measures the replica's lag every {@code onego.db.replica-check-interval}, on a thread of its own: a replica that
	 * hangs holds up this check only, not the scheduled jobs. Shows it as a health component.
	 */
	static class ReplicaWatch implements HealthIndicator, AutoCloseable {

		private final ReadOnlyData reads;
		private final ScheduledExecutorService checks;

		ReplicaWatch(ReadOnlyData reads, Duration interval) {
			this.reads = reads;
			if (!reads.status().configured()) {
				this.checks = null;
				return;
			}
			this.checks = Executors.newSingleThreadScheduledExecutor(task -> {
				Thread thread = new Thread(task, "onego-replica-watch");
				thread.setDaemon(true);
				return thread;
			});
			checks.scheduleWithFixedDelay(reads::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
		}

		/** Stops measuring before the replica's pool is closed. */
		@Override
		public void close() {
			if (checks != null) {
				checks.shutdownNow();
			}
		}

		@Override
		public Health health() {
			ReadOnlyData.Status s = reads.status();
			if (!s.configured()) {
				return Health.up().withDetail("serving", "primary").withDetail("replica", "none configured").build();
			}
			// the primary answers the reads meanwhile: a replica that lags or is away is not the platform's outage
			Health.Builder health = Health.up()
				.withDetail("serving", s.serving() ? "replica" : "primary")
				.withDetail("maxLagMillis", reads.maxLag().toMillis());
			if (s.lag() != null) {
				health.withDetail("lagMillis", s.lag().toMillis());
			}
			if (s.checkedAt() != null) {
				health.withDetail("checkedAt", s.checkedAt().toString());
			}
			if (s.problem() != null) {
				health.withDetail("problem", s.problem());
			}
			return health.build();
		}
	}
}
