package cn.onego.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.audit.AuditReport.Finding;
import cn.onego.audit.AuditReport.Kind;

/**
 * Checks the audit trail against itself and its anchors: every record's hash over its content, every link to
 * the record before it, the positions of each chain without gaps or doubles, and for anchored days the
 * anchor's signature and the heads it signed. Reads only (SELECT), a chain at a time and a page at a time, so
 * it runs as the application's role and as a read-only auditor alike — the endpoint and the command run this
 * same code.
 */
final class Verifier {

	static final int MOST_FINDINGS = 1000;
	private static final int PAGE = 5000;

	private final JdbcClient jdbc;
	private final Map<String, java.security.PublicKey> trusted;
	private final LocalDate today;

	/**
	 * @param trusted the public keys anchors may be signed with, by key id
	 * @param today the current day: earlier days with records should be anchored
	 */
	Verifier(JdbcClient jdbc, Map<String, java.security.PublicKey> trusted, LocalDate today) {
		this.jdbc = jdbc;
		this.trusted = Map.copyOf(trusted);
		this.today = today;
	}

	/** The first day that holds records, if any. */
	LocalDate firstDay() {
		return jdbc.sql("SELECT min(day) FROM audit_record").query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
	}

	AuditReport verify(LocalDate from, LocalDate to) {
		Findings findings = new Findings();
		Map<LocalDate, Anchor> anchors = anchors(from, to);
		for (Anchor anchor : anchors.values()) {
			checkSignature(anchor, findings);
		}
		long records = 0;
		int chains = 0;
		Map<LocalDate, Set<Integer>> seen = new HashMap<>();
		Set<LocalDate> unanchored = new TreeSet<>();
		for (Partition p : partitions(from, to)) {
			chains++;
			Anchor anchor = anchors.get(p.day());
			Anchor.Head head = anchor == null ? null
					: anchor.heads().stream().filter(h -> h.shard() == p.shard()).findFirst().orElse(null);
			records += scan(p, anchor != null, head, findings);
			seen.computeIfAbsent(p.day(), d -> new HashSet<>()).add(p.shard());
			if (anchor == null && p.day().isBefore(today)) {
				unanchored.add(p.day());
			}
		}
		LocalDate lastAnchored = anchors.keySet().stream().max(Comparator.naturalOrder()).orElse(null);
		for (java.util.Iterator<LocalDate> days = unanchored.iterator(); days.hasNext();) {
			LocalDate day = days.next();
			if (lastAnchored != null && day.isBefore(lastAnchored)) {
				findings.add(new Finding(Kind.ANCHOR_MISSING, day, null, null, null,
						"the day holds records but no anchor, though " + lastAnchored + " is anchored: its anchor was removed"));
				days.remove();
			}
		}
		for (Anchor anchor : anchors.values()) {
			for (Anchor.Head head : anchor.heads()) {
				if (!seen.getOrDefault(anchor.day(), Set.of()).contains(head.shard())) {
					findings.add(new Finding(Kind.DELETED, anchor.day(), head.shard(), 1L, null,
							"all " + head.records() + " records of the chain the anchor signed are missing"));
				}
			}
		}
		findings.sort(Comparator.comparing(Finding::day)
			.thenComparing(f -> f.shard() == null ? -1 : f.shard())
			.thenComparing(f -> f.seq() == null ? -1L : f.seq()));
		boolean complete = findings.total <= MOST_FINDINGS;
		List<Finding> reported = complete ? List.copyOf(findings) : List.copyOf(findings.subList(0, MOST_FINDINGS));
		Finding first = findings.stream().filter(f -> f.kind().ofAChain()).findFirst().orElse(null);
		return new AuditReport(from, to, records, chains, anchors.size(), findings.isEmpty(), first, reported,
				List.copyOf(unanchored), complete);
	}

	private void checkSignature(Anchor anchor, List<Finding> findings) {
		java.security.PublicKey key = trusted.get(anchor.keyId());
		if (key == null) {
			findings.add(new Finding(Kind.ANCHOR_UNKNOWN_KEY, anchor.day(), null, null, null,
					"the anchor names key " + anchor.keyId() + ", not one of " + new TreeSet<>(trusted.keySet())));
			return;
		}
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(anchor.signature());
		}
		catch (IllegalArgumentException e) {
			signature = new byte[0];
		}
		if (!AnchorKey.verify(key, anchor.message(), signature)) {
			findings.add(new Finding(Kind.ANCHOR_SIGNATURE, anchor.day(), null, null, null,
					"the anchor's SM3withSM2 signature does not verify with key " + anchor.keyId()));
		}
	}

	/** One chain, page by page; returns how many records it holds. */
	private long scan(Partition p, boolean anchored, Anchor.Head head, List<Finding> findings) {
		long expected = 1;
		String previous = Chain.GENESIS;
		long lastSeq = 0;
		long lastId = 0;
		long count = 0;
		boolean headSeen = false;
		while (true) {
			List<Row> page = jdbc.sql("""
					SELECT id, seq, at, actor, role, scope, action, target, reason, request_id, prev_hash, hash FROM audit_record
					WHERE day = ? AND shard = ? AND (seq, id) > (?, ?) ORDER BY seq, id LIMIT ?""")
				.params(p.day(), p.shard(), lastSeq, lastId, PAGE)
				.query(Verifier::row)
				.list();
			for (Row r : page) {
				count++;
				String recomputed = Chain.hash(new Chain.Link(p.day(), p.shard(), r.seq(), r.at(), r.actor(), r.role(), r.scope(),
						r.action(), r.target(), r.reason(), r.requestId(), r.previousHash()));
				if (r.seq() < expected) {
					findings.add(finding(Kind.INSERTED, p, r, "a second record at position " + r.seq() + " of the chain"));
				}
				else {
					if (r.seq() > expected) {
						findings.add(new Finding(Kind.DELETED, p.day(), p.shard(), expected, null,
								(r.seq() - expected == 1 ? "position " + expected : "positions " + expected + " to " + (r.seq() - 1))
										+ " of the chain missing"));
					}
					else if (!r.previousHash().equals(previous)) {
						findings.add(finding(Kind.BROKEN_LINK, p, r, "does not carry the hash of position " + (r.seq() - 1)
								+ ": that record was changed and rehashed, or this one replaced"));
					}
					previous = r.hash();
					expected = r.seq() + 1;
				}
				if (!recomputed.equals(r.hash())) {
					findings.add(finding(Kind.ALTERED, p, r, "its content no longer gives its hash"));
				}
				if (anchored) {
					if (head == null) {
						findings.add(finding(Kind.INSERTED, p, r, "in a chain the day's anchor does not know"));
					}
					else if (r.seq() == head.records()) {
						headSeen = true;
						if (!r.hash().equals(head.hash())) {
							findings.add(finding(Kind.ANCHOR_MISMATCH, p, r,
									"the chain no longer ends, at position " + head.records() + ", in the head the anchor signed"));
						}
					}
					else if (r.seq() > head.records()) {
						findings.add(finding(Kind.INSERTED, p, r, "after the " + head.records() + " records the anchor signed"));
					}
				}
				lastSeq = r.seq();
				lastId = r.id();
			}
			if (page.size() < PAGE) {
				break;
			}
		}
		if (head != null && !headSeen) {
			long from = Math.min(expected, head.records());
			findings.add(new Finding(Kind.DELETED, p.day(), p.shard(), from, null,
					"the anchor signed " + head.records() + " records; position " + head.records() + " is missing"));
		}
		return count;
	}

	/** What was found, kept up to ten times what is reported (a table rewritten whole must not fill the memory). */
	private static final class Findings extends ArrayList<Finding> {

		private long total;

		@Override
		public boolean add(Finding finding) {
			total++;
			return size() < 10 * MOST_FINDINGS && super.add(finding);
		}
	}

	private static Finding finding(Kind kind, Partition p, Row r, String detail) {
		return new Finding(kind, p.day(), p.shard(), r.seq(), r.id(), "record " + r.id() + " (" + r.action() + " " + r.target()
				+ "): " + detail);
	}

	record Partition(LocalDate day, int shard) {
	}

	/** The chains between the days, found through the index one after the other (a loose index scan). */
	private List<Partition> partitions(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				WITH RECURSIVE p AS (
				    (SELECT day, shard FROM audit_record WHERE day >= :from AND day <= :to ORDER BY day, shard LIMIT 1)
				    UNION ALL
				    SELECT n.day, n.shard FROM p, LATERAL (SELECT r.day, r.shard FROM audit_record r
				        WHERE (r.day, r.shard) > (p.day, p.shard) AND r.day <= :to ORDER BY r.day, r.shard LIMIT 1) n)
				SELECT day, shard FROM p""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Partition(rs.getObject("day", LocalDate.class), rs.getInt("shard")))
			.list();
	}

	private Map<LocalDate, Anchor> anchors(LocalDate from, LocalDate to) {
		Map<LocalDate, Anchor> anchors = new LinkedHashMap<>();
		jdbc.sql("SELECT day, heads, anchored_at, key_id, signature FROM audit_anchor WHERE day BETWEEN ? AND ? ORDER BY day")
			.params(from, to)
			.query(AuditAnchors::anchor)
			.list()
			.forEach(a -> anchors.put(a.day(), a));
		return anchors;
	}

	record Row(long id, long seq, java.time.Instant at, String actor, String role, String scope, String action, String target,
			String reason, String requestId, String previousHash, String hash) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("role"), rs.getString("scope"), rs.getString("action"), rs.getString("target"),
				rs.getString("reason"), rs.getString("request_id"), rs.getString("prev_hash"), rs.getString("hash"));
	}
}
