package cn.onego.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The read replica: one environment variable, {@code ONEGO_DB_REPLICA_URL} (JDBC URL of a streaming standby of the
 * database), turns it on; the application's login is used there too (a physical standby has the primary's roles).
 * Without it, {@link ReadOnlyData} reads from the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaConfiguration {

	@Bean
	ReadOnlyData readOnlyData(JdbcClient primary, Database database, DatabaseProperties properties,
			@Value("${onego.db.replica-url:}") String replicaUrl, @Value("${onego.db.replica-max-lag:5s}") Duration maxLag,
			Clock clock) {
		if (replicaUrl == null || replicaUrl.isBlank()) {
			return new ReadOnlyData(primary);
		}
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("onego-replica");
		pool.setJdbcUrl(replicaUrl);
		pool.setUsername(database.application().user());
		pool.setPassword(database.application().password());
		pool.setMaximumPoolSize(Math.max(2, properties.maxPoolSize() / 2));
		pool.setReadOnly(true);
		pool.setInitializationFailTimeout(-1); // a replica that is down at start-up must not stop the platform
		ReadOnlyData reads = new ReadOnlyData(primary, pool, maxLag, clock);
		reads.check();
		return reads;
	}

	@Bean
	ReplicaLag replicaLag(ReadOnlyData reads) {
		return new ReplicaLag(reads);
	}

	/** Measures the replica's lag every second, and shows it as the health component {@code replica}. */
	static class ReplicaLag implements HealthIndicator {

		private final ReadOnlyData reads;

		ReplicaLag(ReadOnlyData reads) {
			this.reads = reads;
		}

		@Scheduled(fixedDelayString = "${onego.db.replica-check-interval:1s}")
		void check() {
			reads.check();
		}

		@Override
		public Health health() {
			ReadOnlyData.Status s = reads.status();
			if (!s.configured()) {
				return Health.up().withDetail("serving", "primary (no replica configured)").build();
			}
			Health.Builder health = Health.up().withDetail("serving", s.serving() ? "replica" : "primary");
			if (s.lag() != null) {
				health.withDetail("lagMillis", s.lag().toMillis());
			}
			if (s.problem() != null) {
				health.withDetail("problem", s.problem());
			}
			return health.build();
		}
	}
}
