package cn.onego.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily anchors: after a day ends, the heads of its chains are signed with the platform's SM2 key
 * ({@link Anchor}). Runs on a schedule ({@code onego.audit.anchor-cron}, ten past midnight China time) and on
 * demand; either way every finished day after the last anchored one that holds records is anchored, oldest
 * first, and a day is anchored once (several nodes may run it at once).
 */
@Service
public class AuditAnchors {

	private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final AnchorKey key;
	private final TransactionTemplate transactions;

	AuditAnchors(JdbcClient jdbc, Ledger ledger, AnchorKey key, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.key = key;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Anchors every finished day after the last anchored one that holds records; returns the new anchors. A day
	 * before the last anchor without one is never anchored now: its anchor was removed, and signing what its
	 * chains hold today would bless whatever was changed with it (the verification reports it instead).
	 */
	public List<Anchor> anchorFinishedDays() {
		List<LocalDate> days = jdbc.sql("""
				WITH RECURSIVE d AS (
				    (SELECT day FROM audit_record
				     WHERE day > coalesce((SELECT max(day) FROM audit_anchor), '-infinity'::date) ORDER BY day LIMIT 1)
				    UNION ALL
				    SELECT (SELECT r.day FROM audit_record r WHERE r.day > d.day ORDER BY r.day LIMIT 1) FROM d WHERE d.day IS NOT NULL)
				SELECT day FROM d WHERE day IS NOT NULL AND day < ?
				  AND NOT EXISTS (SELECT 1 FROM audit_anchor a WHERE a.day = d.day) ORDER BY day""")
			.param(ledger.today())
			.query(LocalDate.class)
			.list();
		List<Anchor> made = new ArrayList<>();
		for (LocalDate day : days) {
			made.add(anchor(day));
		}
		if (!made.isEmpty()) {
			log.info("Anchored the audit trail of {} with key {}", days, key.id());
		}
		return made;
	}

	@Scheduled(cron = "${onego.audit.anchor-cron:0 10 0 * * *}", zone = "Asia/Shanghai")
	void anchorOnSchedule() {
		anchorFinishedDays();
	}

	/**
	 * Anchors a finished day, or returns its anchor if it has one. Holds the locks of all the day's chains while
	 * it reads their heads and signs them, so that no record joins the day between (a writer that reaches a
	 * chain of an anchored day moves on to the current day, see {@link Ledger#append}).
	 */
	Anchor anchor(LocalDate day) {
		if (!day.isBefore(ledger.today())) {
			throw new IllegalArgumentException("only a finished day can be anchored: " + day);
		}
		return transactions.execute(status -> {
			int highest = jdbc.sql("SELECT coalesce(max(shard), -1) FROM audit_record WHERE day = ?").param(day)
				.query(Integer.class)
				.single();
			for (int shard = 0; shard < Math.max(ledger.shards(), highest + 1); shard++) {
				ledger.lock(day, shard);
			}
			Optional<Anchor> existing = find(day);
			if (existing.isPresent()) {
				return existing.get();
			}
			List<Anchor.Head> heads = jdbc.sql("""
					SELECT DISTINCT ON (shard) shard, seq, hash FROM audit_record WHERE day = ? ORDER BY shard, seq DESC""")
				.param(day)
				.query((rs, n) -> new Anchor.Head(rs.getInt("shard"), rs.getLong("seq"), rs.getString("hash")))
				.list();
			Anchor unsigned = new Anchor(day, heads, ledger.now(), key.id(), "");
			Anchor signed = new Anchor(day, heads, unsigned.anchoredAt(), key.id(),
					Base64.getEncoder().encodeToString(key.sign(unsigned.message())));
			jdbc.sql("INSERT INTO audit_anchor (day, heads, anchored_at, key_id, signature) VALUES (?, ?, ?, ?, ?)")
				.params(day, signed.headsText(), OffsetDateTime.ofInstant(signed.anchoredAt(), ZoneOffset.UTC), signed.keyId(),
						signed.signature())
				.update();
			return signed;
		});
	}

	Optional<Anchor> find(LocalDate day) {
		return jdbc.sql("SELECT day, heads, anchored_at, key_id, signature FROM audit_anchor WHERE day = ?")
			.param(day)
			.query(AuditAnchors::anchor)
			.optional();
	}

	/** The public key anchors are signed with, as PEM (X.509 SubjectPublicKeyInfo), and its id. */
	public PublicKey publicKey() {
		return new PublicKey(key.id(), AnchorKey.ALGORITHM, key.publicPem());
	}

	public record PublicKey(String keyId, String algorithm, String pem) {
	}

	/** An anchor as stored; heads that no longer parse give no heads (and so a signature that fails). */
	static Anchor anchor(ResultSet rs, int n) throws SQLException {
		List<Anchor.Head> heads;
		try {
			heads = Anchor.parseHeads(rs.getString("heads"));
		}
		catch (IllegalArgumentException e) {
			heads = List.of();
		}
		return new Anchor(rs.getObject("day", LocalDate.class), heads, rs.getObject("anchored_at", OffsetDateTime.class).toInstant(),
				rs.getString("key_id"), rs.getString("signature"));
	}
}
