package cn.onego.credit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/** The blacklist, checked before any green-channel decision; the subject sealed, found by its blind index. */
@Service
public class CreditRecords implements SealedColumns {

	private static final SealedColumn SUBJECT = SealedColumn.indexed("credit_blacklist", "subject", "subject_index");

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;

	CreditRecords(JdbcClient jdbc, PersonalData data, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SUBJECT);
	}

	/** One listing, with the case it rests on. */
	public record Listing(UUID id, String subject, String reason, UUID evidenceCase, String evidenceNumber, String listedBy,
			Instant listedAt, Instant liftedAt) {
	}

	public boolean blacklisted(String subject) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM credit_blacklist WHERE subject_index = ? AND lifted_at IS NULL)")
			.param(data.index(subject))
			.query(Boolean.class)
			.single();
	}

	public Listing blacklist(String subject, String reason, UUID evidenceCase, String evidenceNumber, String listedBy) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO credit_blacklist (id, subject, subject_index, reason, evidence_case, evidence_number, listed_by, listed_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, data.seal(subject, SUBJECT.name()), data.index(subject), reason, evidenceCase, evidenceNumber, listedBy, Timestamp.from(clock.instant()))
			.update();
		return listings(subject).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
	}

	/** Lifts the subject's listings after 信用修复. */
	public int lift(String subject, String liftedBy) {
		return jdbc.sql("UPDATE credit_blacklist SET lifted_at = ?, lifted_by = ? WHERE subject_index = ? AND lifted_at IS NULL")
			.params(Timestamp.from(clock.instant()), liftedBy, data.index(subject))
			.update();
	}

	public List<Listing> listings(String subject) {
		return jdbc.sql("""
				SELECT id, subject, reason, evidence_case, evidence_number, listed_by, listed_at, lifted_at
				FROM credit_blacklist WHERE subject_index = ? ORDER BY listed_at DESC""")
			.param(data.index(subject))
			.query((rs, n) -> new Listing(rs.getObject(1, UUID.class), data.open(rs.getString(2), SUBJECT.name()), rs.getString(3),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.list();
	}
}
