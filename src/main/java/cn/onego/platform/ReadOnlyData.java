package cn.onego.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Where the reads that may be a moment behind go — supervision's dashboard and exports, the statistics of
 * ratings: a PostgreSQL streaming standby when {@code ONEGO_DB_REPLICA_URL} names one, as long as it is at most
 * {@code onego.db.replica-max-lag} behind the primary; otherwise, and whenever it lags more or cannot be reached,
 * the primary. What somebody reads right after acting — a case after a decision, the progress look-up right after
 * an acceptance, a queue after a claim — never comes from here. The lag is measured every
 * {@code onego.db.replica-check-interval} ({@link #check()}) and shown in {@code /actuator/health} (component
 * {@code replica}) and as the metric {@code onego_db_replica_lag_seconds}.
 * <p>
 * The lag is the time since which the standby may be missing a commit of the primary, an upper bound taken as the
 * smaller of two: since the last transaction the standby replayed was committed (too high right after a quiet
 * spell of the primary), and since the primary's write-ahead log was, at one of the earlier checks, at a position
 * the standby has replayed (as coarse as the checks). A standby that has replayed all the primary had written when
 * the check began is not behind at all.
 */
public class ReadOnlyData implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ReadOnlyData.class);

	/**
	 * What is known of the replica.
	 *
	 * @param configured whether a replica is configured at all
	 * @param serving whether the reads go to it now
	 * @param lag how far behind the primary it was at the last check; {@code null} when unknown
	 * @param checkedAt when it was last checked
	 * @param problem why it is not read from, while it is not
	 */
	public record Status(boolean configured, boolean serving, Duration lag, Instant checkedAt, String problem) {
	}

	/** The primary's write-ahead log position at a check. */
	private record Sample(long nanos, long lsn) {
	}

	private final DataSource primaryPool;
	private final JdbcClient primary;
	private final HikariDataSource replicaPool;
	private final JdbcClient replica;
	private final JdbcClient probe;
	private final Duration maxLag;
	private final Clock clock = Clock.systemUTC();
	private final Deque<Sample> samples = new ArrayDeque<>();
	private volatile Status status;

	/** Reads from the primary only: no replica configured. */
	ReadOnlyData(DataSource primary) {
		this(primary, null, Duration.ZERO);
	}

	/** Reads from the replica's pool while it is at most {@code maxLag} behind. */
	ReadOnlyData(DataSource primary, HikariDataSource replica, Duration maxLag) {
		this.primaryPool = primary;
		this.primary = JdbcClient.create(primary);
		this.replicaPool = replica;
		this.maxLag = maxLag;
		if (replica == null) {
			this.replica = null;
			this.probe = null;
			this.status = new Status(false, false, null, null, null);
			return;
		}
		this.replica = JdbcClient.create(new ReplicaOrPrimary(replica));
		JdbcTemplate checks = new JdbcTemplate(replica);
		checks.setQueryTimeout(3);
		this.probe = JdbcClient.create(checks);
		this.status = new Status(true, false, null, null, "not checked yet");
	}

	/**
	 * The way in for reads that may be a moment behind: the replica while it keeps up, else the primary. Taken
	 * anew for each query, not kept: a reading that falls back from one to the other is no longer stale.
	 */
	public JdbcClient jdbc() {
		return status.serving() ? replica : primary;
	}

	/** What is known of the replica now. */
	public Status status() {
		return status;
	}

	/** The longest lag at which the replica is still read from. */
	public Duration maxLag() {
		return maxLag;
	}

	/**
	 * Measures the replica's lag and decides where the reads go until the next check: to the replica if it is a
	 * standby at most {@link #maxLag()} behind, otherwise to the primary. Said in the log when it changes.
	 */
	synchronized Status check() {
		if (replica == null) {
			return status;
		}
		Status now;
		try {
			now = measure();
		}
		catch (RuntimeException unreachable) {
			now = new Status(true, false, null, clock.instant(), "unreachable: " + describe(unreachable));
		}
		update(now);
		return now;
	}

	private Status measure() {
		Long written = null;
		try {
			written = lsn(primary.sql("SELECT pg_current_wal_lsn()::text").query(String.class).single());
		}
		catch (RuntimeException primaryAway) {
			// the replica may still be read from; its own measure has to do
		}
		long at = System.nanoTime();
		Object[] row = probe.sql("""
				SELECT pg_is_in_recovery(), pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text,
				       greatest(0, extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)""")
			.query((rs, n) -> new Object[] { rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getObject(4) })
			.single();
		Instant checkedAt = clock.instant();
		if (!(Boolean) row[0]) {
			return new Status(true, false, null, checkedAt, "not a standby (not in recovery)");
		}
		Long received = row[1] == null ? null : lsn((String) row[1]);
		Long replayed = row[2] == null ? null : lsn((String) row[2]);
		Duration sinceLastReplayed = row[3] == null ? null : Duration.ofMillis(((Number) row[3]).longValue());
		Duration lag = lag(written, at, received, replayed, sinceLastReplayed);
		if (lag == null) {
			return new Status(true, false, null, checkedAt, "lag unknown");
		}
		boolean keepsUp = lag.compareTo(maxLag) <= 0;
		return new Status(true, keepsUp, lag, checkedAt,
				keepsUp ? null : "lags " + lag.toMillis() + " ms, more than " + maxLag.toMillis() + " ms");
	}

	private Duration lag(Long written, long at, Long received, Long replayed, Duration sinceLastReplayed) {
		if (written == null) {
			// the primary is away: everything received is all that is known
			return received != null && received.equals(replayed) ? Duration.ZERO : sinceLastReplayed;
		}
		samples.addLast(new Sample(at, written));
		long keep = 2 * maxLag.toNanos() + Duration.ofSeconds(10).toNanos();
		while (samples.size() > 1 && at - samples.peekFirst().nanos() > keep) {
			samples.removeFirst();
		}
		if (replayed != null && Long.compareUnsigned(replayed, written) >= 0) {
			return Duration.ZERO;
		}
		Duration sinceSample = null;
		if (replayed != null) {
			for (Iterator<Sample> newestFirst = samples.descendingIterator(); newestFirst.hasNext();) {
				Sample s = newestFirst.next();
				if (Long.compareUnsigned(s.lsn(), replayed) <= 0) {
					sinceSample = Duration.ofNanos(at - s.nanos());
					break;
				}
			}
		}
		if (sinceSample == null && sinceLastReplayed == null) {
			// behind every position kept: at least as old as the oldest
			return samples.size() > 1 ? Duration.ofNanos(at - samples.peekFirst().nanos()) : null;
		}
		if (sinceSample == null) {
			return sinceLastReplayed;
		}
		return sinceLastReplayed == null || sinceSample.compareTo(sinceLastReplayed) < 0 ? sinceSample : sinceLastReplayed;
	}

	private void update(Status now) {
		Status before = status;
		status = now;
		if (before.serving() && !now.serving()) {
			log.warn("Reads that may be a moment behind go to the primary: the replica {}", now.problem());
		}
		else if (!before.serving() && now.serving()) {
			log.info("Reads that may be a moment behind go to the replica ({} ms behind)", now.lag().toMillis());
		}
	}

	/** A log sequence number as PostgreSQL writes it, {@code 16/B374D848}, as one number. */
	static long lsn(String text) {
		int slash = text.indexOf('/');
		return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32) | Long.parseUnsignedLong(text.substring(slash + 1), 16);
	}

	private static String describe(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + (cause instanceof SQLException sql ? " " + sql.getSQLState() : "");
	}

	/** Closes the replica's pool. */
	@Override
	public void close() {
		if (replicaPool != null) {
			replicaPool.close();
		}
	}

	/**
	 * The replica's pool, except that a connection it cannot give — the replica went away since the last check —
	 * turns the reads to the primary at once and is taken from the primary instead, so the request that ran into
	 * it is answered all the same.
	 */
	private final class ReplicaOrPrimary extends DelegatingDataSource {

		ReplicaOrPrimary(DataSource replica) {
			super(replica);
		}

		@Override
		public Connection getConnection() throws SQLException {
			try {
				return super.getConnection();
			}
			catch (SQLException e) {
				update(new Status(true, false, null, clock.instant(), "unreachable: " + describe(e)));
				return primaryPool.getConnection();
			}
		}
	}
}
