package cn.onego.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit records in PostgreSQL, appended to hash chains. A chain is a partition: one day (of the
 * platform's clock) × one shard. A transaction appends all its records to one shard it draws at random, so
 * that concurrent writers mostly work on different chains instead of queueing on one.
 * <p>
 * Appending holds the partition's head — a transaction-scoped advisory lock on (day, shard) — while it reads
 * the last record of the chain and inserts the new ones; PostgreSQL releases the lock when the transaction
 * ends, after its rows became visible, so the next writer reads them. {@link AuditTrail} appends at the very
 * end of a transaction (just before the commit), so the lock is held for a few statements and the commit.
 * An advisory lock and not {@code SELECT … FOR UPDATE} of a head row: a head row would have to be updated,
 * and the application's role may only insert and read the audit tables.
 */
@Repository
class Ledger {

	/** The first key of the advisory locks of audit partitions (the second is day × 64 + shard). */
	static final int LOCK = 4242010;

	/** At most this many shards; the lock key leaves room for 64 per day. */
	static final int MAX_SHARDS = 64;

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final Clock clock;
	private final int shards;

	Ledger(JdbcClient jdbc, JdbcTemplate batches, Clock clock, @Value("${onego.audit.shards:8}") int shards) {
		if (shards < 1 || shards > MAX_SHARDS) {
			throw new IllegalArgumentException("onego.audit.shards must be 1 to " + MAX_SHARDS + ": " + shards);
		}
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
		this.shards = shards;
	}

	int shards() {
		return shards;
	}

	/** Today on the platform's clock: the partition new records go to. */
	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), clock.getZone());
	}

	Instant now() {
		return Chain.stored(clock.instant());
	}

	/**
	 * Appends the entries, in their order, to one chain of today; must run inside a transaction (the lock is
	 * the transaction's). A day already anchored takes no more records: a transaction that reached the head of
	 * one after its anchor moves on to the current day.
	 */
	void append(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		int shard = ThreadLocalRandom.current().nextInt(shards);
		LocalDate day = today();
		Head head = lockedHead(day, shard);
		while (head.anchored()) {
			LocalDate now = today();
			day = now.isAfter(day) ? now : day.plusDays(1);
			head = lockedHead(day, shard);
		}
		long seq = head.seq();
		String previous = head.hash();
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			seq++;
			String hash = Chain.hash(new Chain.Link(day, shard, seq, e.at(), e.actor(), e.role(), e.scope(), e.action(),
					e.target(), e.reason(), e.requestId(), previous));
			rows.add(new Object[] { day, shard, seq, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.actor(), e.role(),
					e.scope(), e.action(), e.target(), e.reason(), e.requestId(), previous, hash });
			previous = hash;
		}
		batches.batchUpdate("""
				INSERT INTO audit_record (day, shard, seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	/** The head of a chain: its last position and hash, and whether its day is anchored already. */
	record Head(long seq, String hash, boolean anchored) {
	}

	/**
	 * Takes the partition's lock, then reads its head in a statement of its own: under READ COMMITTED a
	 * statement sees what was committed when it started, so it must start after the lock is held.
	 */
	private Head lockedHead(LocalDate day, int shard) {
		lock(day, shard);
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM audit_anchor WHERE day = :day) AS anchored, last.seq, last.hash
				FROM (SELECT 1) one
				LEFT JOIN LATERAL (SELECT seq, hash FROM audit_record WHERE day = :day AND shard = :shard
				    ORDER BY seq DESC LIMIT 1) last ON true""")
			.param("day", day)
			.param("shard", shard)
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash") == null ? Chain.GENESIS : rs.getString("hash"),
					rs.getBoolean("anchored")))
			.single();
	}

	void lock(LocalDate day, int shard) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
			.params(LOCK, (int) (day.toEpochDay() * MAX_SHARDS + shard))
			.query((rs, n) -> 1)
			.single();
	}
}
