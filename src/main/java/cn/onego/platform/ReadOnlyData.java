package cn.onego.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the reads that can be a moment behind go — supervision's dashboards and exports, rating statistics, the
 * warned tasks: a PostgreSQL streaming replica when {@code ONEGO_DB_REPLICA_URL} names one, as long as it is at
 * most {@code onego.db.replica-max-lag} behind the primary; otherwise, and whenever it lags more or cannot be
 * reached, the primary. What somebody reads right after acting (a case after a decision, a queue after a claim)
 * never comes from here. The lag is measured every second on the replica ({@link #check()}) and shown in
 * {@code /actuator/health} (component {@code replica}).
 */
public class ReadOnlyData implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadOnlyData.class);

	/** What is known of the replica: whether one is configured and used now, and how far behind it was. */
	public record Status(boolean configured, boolean serving, Duration lag, Instant checkedAt, String problem) {
	}

	private final JdbcClient primary;
	private final JdbcClient replica;
	private final DataSource replicaPool;
	private final Duration maxLag;
	private final Clock clock;
	private volatile Status status;

	/** Reads from the primary only. */
	public ReadOnlyData(JdbcClient primary) {
		this(primary, null, Duration.ZERO, Clock.systemUTC());
	}

	/** Reads from the replica's pool while it is at most {@code maxLag} behind. */
	public ReadOnlyData(JdbcClient primary, DataSource replica, Duration maxLag, Clock clock) {
		this.primary = primary;
		this.replica = replica == null ? null : JdbcClient.create(replica);
		this.replicaPool = replica;
		this.maxLag = maxLag;
		this.clock = clock;
		this.status = new Status(replica != null, false, null, null, replica == null ? null : "not checked yet");
	}

	/** The connection for reads that may be a moment behind: the replica while it keeps up, else the primary. */
	public JdbcClient jdbc() {
		return status.serving() ? replica : primary;
	}

	/** Closes the replica's pool. */
	@Override
	public void close() throws Exception {
		if (replicaPool instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	public Status status() {
		return status;
	}

	/**
	 * Measures the replica's lag: nothing when everything it received is replayed, otherwise the time since the last
	 * transaction it replayed. A replica that lags more than allowed, is not in recovery or cannot be reached is left
	 * until it keeps up again.
	 */
	public Status check() {
		if (replica == null) {
			return status;
		}
		Status before = status;
		Status now;
		try {
			Object[] row = replica.sql("""
					SELECT pg_is_in_recovery(),
					       CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
					            ELSE greatest(0, extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000) END""")
				.query((rs, n) -> new Object[] { rs.getBoolean(1), rs.getDouble(2) })
				.single();
			Duration lag = Duration.ofMillis((long) (double) (Double) row[1]);
			boolean standby = (Boolean) row[0];
			boolean keepsUp = standby && lag.compareTo(maxLag) <= 0;
			now = new Status(true, keepsUp, lag, clock.instant(), !standby ? "not a standby (not in recovery)"
					: keepsUp ? null : "lags " + lag.toMillis() + " ms, more than " + maxLag.toMillis() + " ms");
		}
		catch (RuntimeException unreachable) {
			now = new Status(true, false, null, clock.instant(), "unreachable: " + unreachable.getClass().getSimpleName());
		}
		if (before.serving() != now.serving()) {
			log.info(now.serving() ? "Reads go to the replica again ({} ms behind)" : "Reads go to the primary: the replica {}",
					now.serving() ? now.lag().toMillis() : now.problem());
		}
		status = now;
		return now;
	}
}
