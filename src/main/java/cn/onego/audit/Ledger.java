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
	private final Clock clock;
	private final int shards;

	Ledger(JdbcClient jdbc, Clock clock, @Value("${onego.audit.shards:64}") int shards) {
		if (shards < 1 || shards > MAX_SHARDS) {
			throw new IllegalArgumentException("onego.audit.shards must be 1 to " + MAX_SHARDS + ": " + shards);
		}
		this.jdbc = jdbc;
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
		List<Chain.Link> links = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			seq++;
			Chain.Link link = new Chain.Link(day, shard, seq, e.at(), e.actor(), e.role(), e.scope(), e.action(), e.target(),
					e.reason(), e.requestId(), previous);
			links.add(link);
			previous = Chain.hash(link);
		}
		insert(links);
	}

	/** The records of one transaction in one statement, whatever their number (rows from arrays, in chain order). */
	private void insert(List<Chain.Link> links) {
		List<String> hashes = new ArrayList<>(links.size());
		for (int i = 1; i < links.size(); i++) {
			hashes.add(links.get(i).previousHash());
		}
		hashes.add(Chain.hash(links.get(links.size() - 1)));
		jdbc.sql("""
				INSERT INTO audit_record (day, shard, seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash)
				SELECT ?::date, ?::smallint, seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash
				FROM unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[]) AS r(seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash)""")
			.params(links.get(0).day(), links.get(0).shard(), links.stream().map(Chain.Link::seq).toArray(Long[]::new),
					links.stream().map(l -> java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(l.at(), ZoneOffset.UTC))).toArray(String[]::new),
					texts(links, Chain.Link::actor), texts(links, Chain.Link::role), texts(links, Chain.Link::scope),
					texts(links, Chain.Link::action), texts(links, Chain.Link::target), texts(links, Chain.Link::reason),
					texts(links, Chain.Link::requestId), texts(links, Chain.Link::previousHash), hashes.toArray(String[]::new))
			.update();
	}

	private static String[] texts(List<Chain.Link> links, java.util.function.Function<Chain.Link, String> value) {
		return links.stream().map(value).toArray(String[]::new);
	}

	/** The head of a chain: its last position and hash, and whether its day is anchored already. */
	record Head(long seq, String hash, boolean anchored) {
	}

	/**
	 * Takes the partition's lock and reads its head, in one statement (V39): the function reads the head in a query
	 * of its own after the lock is held, so it sees every record committed before.
	 */
	private Head lockedHead(LocalDate day, int shard) {
		return jdbc.sql("SELECT anchored, seq, hash FROM audit_locked_head(?, ?::smallint, ?, ?)")
			.params(day, shard, LOCK, key(day, shard))
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash") == null ? Chain.GENESIS : rs.getString("hash"),
					rs.getBoolean("anchored")))
			.single();
	}

	private static int key(LocalDate day, int shard) {
		return (int) (day.toEpochDay() * MAX_SHARDS + shard);
	}

	void lock(LocalDate day, int shard) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
			.params(LOCK, key(day, shard))
			.query((rs, n) -> 1)
			.single();
	}
}
