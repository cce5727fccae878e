package cn.onego.credit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * The listings and their histories: the subject sealed and found by its blind index, each step's detail sealed.
 * A change is saved over the version it was read with, with its step, in the caller's transaction.
 */
@Repository
class Listings implements SealedColumns {

	static final SealedColumn SUBJECT = SealedColumn.indexed("credit_blacklist", "subject", "subject_index");
	static final SealedColumn DETAIL = SealedColumn.of("credit_listing_step", "detail");

	private static final String COLUMNS = "id, subject, region, reason, evidence_case, evidence_number, listed_by, listed_at, until, state, version";

	private final JdbcClient jdbc;
	private final PersonalData data;

	Listings(JdbcClient jdbc, PersonalData data) {
		this.jdbc = jdbc;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SUBJECT, DETAIL);
	}

	void insert(Listing l) {
		jdbc.sql("""
				INSERT INTO credit_blacklist (id, subject, subject_index, region, reason, evidence_case, evidence_number, listed_by,
				  listed_at, until, state, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(l.id(), data.seal(l.subject(), SUBJECT.name()), data.index(l.subject()), l.region(), l.reason(),
					l.evidence().caseId(), l.evidence().number(), l.listedBy(), Timestamp.from(l.listedAt()),
					l.until() == null ? null : Date.valueOf(l.until()), l.stored().name(), l.version())
			.update();
		step(l.listed());
	}

	/** Saves a transition; false when the listing was changed since it was read (nothing is written then). */
	boolean save(Listing.Change change) {
		Listing after = change.after();
		boolean lifted = after.stored() == ListingState.LIFTED;
		int updated = jdbc.sql("""
				UPDATE credit_blacklist SET state = ?, version = ?, lifted_at = CASE WHEN ? THEN ? ELSE lifted_at END,
				  lifted_by = CASE WHEN ? THEN ? ELSE lifted_by END
				WHERE id = ? AND version = ?""")
			.params(after.stored().name(), after.version(), lifted, Timestamp.from(change.step().at()), lifted, change.step().actor(),
					after.id(), after.version() - 1)
			.update();
		if (updated == 1) {
			step(change.step());
		}
		return updated == 1;
	}

	private void step(ListingStep s) {
		jdbc.sql("""
				INSERT INTO credit_listing_step (listing_id, at, actor, action, from_state, to_state, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(s.listing(), Timestamp.from(s.at()), s.actor(), s.action(), s.from() == null ? null : s.from().name(),
					s.to().name(), s.detail() == null ? null : data.seal(s.detail(), DETAIL.name()))
			.update();
	}

	Optional<Listing> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM credit_blacklist WHERE id = ?").param(id).query(this::listing).optional();
	}

	/** Every listing of the subject, the newest first. */
	List<Listing> ofSubject(String subject) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM credit_blacklist WHERE subject_index = ? ORDER BY listed_at DESC")
			.param(data.index(subject))
			.query(this::listing)
			.list();
	}

	/** Whether a listing of the subject has effect on the day: in effect by its state, and its last day not passed. */
	boolean inEffect(String subject, LocalDate day) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM credit_blacklist WHERE subject_index = ? AND state IN ('ACTIVE', 'UNDER_APPEAL')
				  AND (until IS NULL OR until >= ?))""")
			.params(data.index(subject), Date.valueOf(day))
			.query(Boolean.class)
			.single();
	}

	/** The listing's history, in order. */
	List<ListingStep> history(UUID listing) {
		return jdbc.sql("SELECT listing_id, at, actor, action, from_state, to_state, detail FROM credit_listing_step WHERE listing_id = ? ORDER BY id")
			.param(listing)
			.query((rs, n) -> new ListingStep(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5) == null ? null : ListingState.valueOf(rs.getString(5)),
					ListingState.valueOf(rs.getString(6)), rs.getString(7) == null ? null : data.open(rs.getString(7), DETAIL.name())))
			.list();
	}

	private Listing listing(ResultSet rs, int n) throws SQLException {
		Date until = rs.getDate("until");
		return new Listing(rs.getObject("id", UUID.class), data.open(rs.getString("subject"), SUBJECT.name()), rs.getString("region"),
				rs.getString("reason"), new Listing.Evidence(rs.getObject("evidence_case", UUID.class), rs.getString("evidence_number")),
				rs.getString("listed_by"), rs.getTimestamp("listed_at").toInstant(), until == null ? null : until.toLocalDate(),
				ListingState.valueOf(rs.getString("state")), rs.getInt("version"));
	}
}
