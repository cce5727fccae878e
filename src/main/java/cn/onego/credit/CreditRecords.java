package cn.onego.credit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The blacklist, checked before any green-channel decision. */
@Service
public class CreditRecords {

	private final JdbcClient jdbc;
	private final Clock clock;

	CreditRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One listing, with the case it rests on. */
	public record Listing(UUID id, String subject, String reason, UUID evidenceCase, String evidenceNumber, String listedBy,
			Instant listedAt, Instant liftedAt) {
	}

	public boolean blacklisted(String subject) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM credit_blacklist WHERE subject = ? AND lifted_at IS NULL)")
			.param(subject)
			.query(Boolean.class)
			.single();
	}

	public Listing blacklist(String subject, String reason, UUID evidenceCase, String evidenceNumber, String listedBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO credit_blacklist (id, subject, reason, evidence_case, evidence_number, listed_by, listed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, subject, reason, evidenceCase, evidenceNumber, listedBy, Timestamp.from(clock.instant()))
			.update();
		return listings(subject).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
	}

	/** Lifts the subject's listings after 信用修复. */
	public int lift(String subject, String liftedBy) {
		return jdbc.sql("UPDATE credit_blacklist SET lifted_at = ?, lifted_by = ? WHERE subject = ? AND lifted_at IS NULL")
			.params(Timestamp.from(clock.instant()), liftedBy, subject)
			.update();
	}

	public List<Listing> listings(String subject) {
		return jdbc.sql("""
				SELECT id, subject, reason, evidence_case, evidence_number, listed_by, listed_at, lifted_at
				FROM credit_blacklist WHERE subject = ? ORDER BY listed_at DESC""")
			.param(subject)
			.query((rs, n) -> new Listing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.list();
	}
}
