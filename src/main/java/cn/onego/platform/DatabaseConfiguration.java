package cn.onego.platform;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

/**
 * One connection pool, to {@code ONEGO_DB_URL} when set, otherwise to an embedded server started here.
 * The embedded server is stopped right after the pool is closed, so the last writes of a closing
 * context still reach it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	DataSource dataSource(DatabaseProperties properties) {
		if (properties.external()) {
			ClosingPool pool = new ClosingPool(null);
			pool.setJdbcUrl(properties.url());
			pool.setUsername(properties.user());
			pool.setPassword(properties.password());
			return configure(pool, properties);
		}
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
		ClosingPool pool = new ClosingPool(server);
		pool.setJdbcUrl(server.jdbcUrl());
		pool.setUsername("postgres");
		return configure(pool, properties);
	}

	private static HikariDataSource configure(HikariDataSource pool, DatabaseProperties properties) {
		pool.setPoolName("onego");
		pool.setMaximumPoolSize(properties.maxPoolSize());
		return pool;
	}

	static final class ClosingPool extends HikariDataSource {

		private static final Logger log = LoggerFactory.getLogger(ClosingPool.class);

		private final EmbeddedPostgresServer server;

		ClosingPool(EmbeddedPostgresServer server) {
			this.server = server;
		}

		@Override
		public void close() {
			super.close();
			if (server != null) {
				try {
					server.close();
				}
				catch (Exception e) {
					log.warn("Embedded PostgreSQL did not stop cleanly", e);
				}
			}
		}
	}
}
