package cn.onego.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The application's connection pool as every module, the event publication registry and the transactions see it:
 * Hikari's, except that while {@link DatabaseWatch} knows the database is not answering, asking for a connection
 * fails at once instead of waiting for the pool's timeout, and a connection that cannot be had makes the watch
 * look at once. A request that asked just before — the idle connections went down with the server, and it waits
 * in Hikari for a new one — is let go the moment the watch finds the database away, instead of waiting for the
 * restart or the pool's timeout.
 */
class ConnectionPool extends DelegatingDataSource {

	private final DatabaseWatch watch;

	/** The threads asking Hikari for a connection, and whether the outage let them go. */
	private final Map<Thread, Boolean> asking = new ConcurrentHashMap<>();

	ConnectionPool(HikariDataSource pool, DatabaseWatch watch) {
		super(pool);
		this.watch = watch;
		watch.whenDown(this::letAskingGo);
	}

	@Override
	public Connection getConnection() throws SQLException {
		Thread caller = Thread.currentThread();
		asking.put(caller, Boolean.FALSE);
		try {
			// among the asking first: an outage found from now on lets this thread go
			if (!watch.available()) {
				throw unavailable(null);
			}
			try {
				return super.getConnection();
			}
			catch (SQLException e) {
				if (asking.get(caller)) {
					throw unavailable(e);
				}
				watch.suspect();
				throw e;
			}
		}
		finally {
			boolean letGo;
			synchronized (asking) {
				letGo = asking.remove(caller);
			}
			if (letGo) {
				Thread.interrupted(); // the interrupt was for the wait in the pool only
			}
		}
	}

	/** The database was found away: whoever waits in Hikari for a connection stops (Hikari gives up when interrupted). */
	private void letAskingGo() {
		Thread finder = Thread.currentThread(); // a request whose failure made the watch look: not waiting in the pool
		synchronized (asking) {
			for (Thread thread : asking.keySet()) {
				asking.put(thread, Boolean.TRUE); // before the interrupt, which it explains
				if (thread != finder) {
					thread.interrupt();
				}
			}
		}
	}

	private static SQLTransientConnectionException unavailable(Throwable cause) {
		return new SQLTransientConnectionException("The database is not answering; OneGo is bringing it back", "08001", cause);
	}
}
