package cn.onego.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The application's connection pool as every module, the event publication registry and the transactions see it:
 * Hikari's, except that while {@link DatabaseWatch} knows the database is not answering, asking for a connection
 * fails at once instead of waiting for the pool's timeout, and a connection that cannot be had makes the watch
 * look at once.
 */
class ConnectionPool extends DelegatingDataSource {

	private final DatabaseWatch watch;

	ConnectionPool(HikariDataSource pool, DatabaseWatch watch) {
		super(pool);
		this.watch = watch;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (!watch.available()) {
			throw unavailable();
		}
		try {
			return super.getConnection();
		}
		catch (SQLException e) {
			watch.suspect();
			throw e;
		}
	}

	private static SQLTransientConnectionException unavailable() {
		return new SQLTransientConnectionException("The database is not answering; OneGo is bringing it back", "08001");
	}
}
