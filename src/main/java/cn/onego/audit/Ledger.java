package cn.onego.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.StatementPart;

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
	private final AtomicReferenceArray<Tip> tips = new AtomicReferenceArray<>(MAX_SHARDS);

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
	 * <p>
	 * Where this node wrote the chain last, it expects the head it left there and appends in one statement, which
	 * takes the lock, reads the head and inserts only if the head is the one expected. Another node's records, or
	 * a transaction of this node that rolled back, leave a different head: the statement then inserts nothing and
	 * returns the real head, read under the lock it now holds, and the records follow it in a second statement.
	 * So the guarantees are those of the lock and the read; the expectation saves a round trip.
	 */
	void append(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		append(entries, ThreadLocalRandom.current().nextInt(shards));
	}

	private void append(List<Entry> entries, int shard) {
		LocalDate day = today();
		Head head;
		Tip tip = tips.get(shard);
		if (tip != null && tip.day().equals(day)) {
			List<Chain.Link> links = links(day, shard, tip.seq(), tip.hash(), entries);
			head = appendAfter(tip, links);
			if (head == null) {
				remember(links);
				return;
			}
		}
		else {
			head = lockedHead(day, shard);
		}
		while (head.anchored()) {
			LocalDate now = today();
			day = now.isAfter(day) ? now : day.plusDays(1);
			head = lockedHead(day, shard);
		}
		List<Chain.Link> links = links(day, shard, head.seq(), head.hash(), entries);
		insert(links);
		remember(links);
	}

	/**
	 * The entries as the parts of another module's statement ({@link AuditTrail.InStatement}): the append of
	 * {@link #appendAfter}, on a chain whose head this node left, taken after the part {@code after} has been written
	 * (so the chain's lock is taken after that part's row locks, as when the append comes at the end of the
	 * transaction). Empty where this node has no head to expect on the chain drawn: the entries then go the usual way.
	 */
	java.util.Optional<InStatement> inStatement(List<Entry> entries) {
		int shard = ThreadLocalRandom.current().nextInt(shards);
		LocalDate day = today();
		Tip tip = tips.get(shard);
		if (entries.isEmpty() || tip == null || !tip.day().equals(day)) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new InStatement(entries, links(day, shard, tip.seq(), tip.hash(), entries)));
	}

	/** An append written by another module's statement, finished once that statement has run. */
	final class InStatement implements AuditTrail.InStatement {

		private final List<Entry> entries;
		private final List<Chain.Link> links;

		private InStatement(List<Entry> entries, List<Chain.Link> links) {
			this.entries = entries;
			this.links = links;
		}

		@Override
		public List<StatementPart> parts(String after) {
			Chain.Link first = links.get(0);
			List<Object> written = new ArrayList<>(List.of(rows(links)));
			written.add(first.seq() - 1); // the head expected: the tip the links follow
			written.add(first.previousHash());
			return List.of(
					new StatementPart("audit_head", "SELECT anchored, seq, hash FROM audit_locked_head(?, ?::smallint, ?, ?) WHERE EXISTS (SELECT 1 FROM "
							+ after + ")", List.of(first.day(), first.shard(), LOCK, key(first.day(), first.shard()))),
					new StatementPart(WRITTEN, "INSERT INTO " + COLUMNS + "\n" + ROWS + ", audit_head h\n"
							+ "    WHERE NOT h.anchored AND h.seq = ? AND h.hash = ? RETURNING 1", written));
		}

		@Override
		public String written() {
			return WRITTEN;
		}

		@Override
		public void finish(long written) {
			if (written == links.size()) {
				remember(links);
			}
			else { // another node's records or a rollback left another head: under the lock now held, after it
				append(entries, links.get(0).shard());
			}
		}
	}

	private static final String WRITTEN = "audit_written";

	/** The entries as links of a chain after the given position and hash. */
	private static List<Chain.Link> links(LocalDate day, int shard, long after, String previousHash, List<Entry> entries) {
		long seq = after;
		String previous = previousHash;
		List<Chain.Link> links = new ArrayList<>(entries.size());
		for (Entry e : entries) {
			seq++;
			Chain.Link link = new Chain.Link(day, shard, seq, e.at(), e.actor(), e.role(), e.scope(), e.action(), e.target(),
					e.reason(), e.requestId(), previous);
			links.add(link);
			previous = Chain.hash(link);
		}
		return links;
	}

	/**
	 * The head this node's last append on a chain left, as it expects to find it there. Set before the commit: a
	 * writer of this node that comes next waits on the lock until that commit, and a rollback only makes the next
	 * expectation miss.
	 */
	private record Tip(LocalDate day, long seq, String hash) {
	}

	private void remember(List<Chain.Link> links) {
		Chain.Link last = links.get(links.size() - 1);
		tips.set(last.shard(), new Tip(last.day(), last.seq(), Chain.hash(last)));
	}

	private static final String ROWS = """
			SELECT ?::date, ?::smallint, r.seq, r.at, r.actor, r.role, r.scope, r.action, r.target, r.reason, r.request_id,
			    r.prev_hash, r.hash
			FROM unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
			    ?::text[], ?::text[]) AS r(seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash)""";

	private static final String COLUMNS = "audit_record (day, shard, seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash)";

	/** The records of one transaction in one statement, whatever their number (rows from arrays, in chain order). */
	private void insert(List<Chain.Link> links) {
		jdbc.sql("INSERT INTO " + COLUMNS + "\n" + ROWS).params(rows(links)).update();
	}

	/**
	 * Locks the chain, reads its head and inserts the records if the head is the tip expected, in one statement;
	 * null if they were inserted, else the head found (the lock stays held).
	 */
	private Head appendAfter(Tip tip, List<Chain.Link> links) {
		Chain.Link first = links.get(0);
		List<Object> params = new ArrayList<>(List.of(first.day(), first.shard(), LOCK, key(first.day(), first.shard())));
		params.addAll(List.of(rows(links)));
		params.add(tip.seq());
		params.add(tip.hash());
		return jdbc.sql("WITH head AS (SELECT anchored, seq, hash FROM audit_locked_head(?, ?::smallint, ?, ?)),\n"
				+ "written AS (INSERT INTO " + COLUMNS + "\n" + ROWS + ", head h\n"
				+ "    WHERE NOT h.anchored AND h.seq = ? AND h.hash = ? RETURNING 1)\n"
				+ "SELECT h.anchored, h.seq, h.hash, (SELECT count(*) FROM written) AS written FROM head h")
			.params(params)
			.query((rs, n) -> rs.getLong("written") > 0 ? null : head(rs))
			.optional()
			.orElse(null);
	}

	private static Object[] rows(List<Chain.Link> links) {
		List<String> hashes = new ArrayList<>(links.size());
		for (int i = 1; i < links.size(); i++) {
			hashes.add(links.get(i).previousHash());
		}
		hashes.add(Chain.hash(links.get(links.size() - 1)));
		return new Object[] { links.get(0).day(), links.get(0).shard(), links.stream().map(Chain.Link::seq).toArray(Long[]::new),
				links.stream().map(l -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(l.at(), ZoneOffset.UTC))).toArray(String[]::new),
				texts(links, Chain.Link::actor), texts(links, Chain.Link::role), texts(links, Chain.Link::scope),
				texts(links, Chain.Link::action), texts(links, Chain.Link::target), texts(links, Chain.Link::reason),
				texts(links, Chain.Link::requestId), texts(links, Chain.Link::previousHash), hashes.toArray(String[]::new) };
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
			.query((rs, n) -> head(rs))
			.single();
	}

	private static Head head(ResultSet rs) throws SQLException {
		return new Head(rs.getLong("seq"), rs.getString("hash") == null ? Chain.GENESIS : rs.getString("hash"), rs.getBoolean("anchored"));
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
