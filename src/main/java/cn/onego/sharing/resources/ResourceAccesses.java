package cn.onego.sharing.resources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests and answers of {@link ResourceAccess}, each change guarded by the version it was read at. */
@Repository
class ResourceAccesses {

	private final JdbcClient jdbc;

	ResourceAccesses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a request; false when the department has an open one for the resource already. */
	boolean add(ResourceAccess a) {
		return jdbc.sql("""
				INSERT INTO resource_access (id, resource, requester, provider, purpose, legal_basis, requested_by, requested_at,
				    answer_due, state, valid_until)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(a.id(), a.resource(), a.requester(), a.provider(), a.purpose(), a.legalBasis(), a.requestedBy(),
					Timestamp.from(a.requestedAt()), a.answerDue(), a.state().name(), a.validUntil())
			.update() == 1;
	}

	/** Saves an answer or a revocation; false when someone changed the request since it was read. */
	boolean save(ResourceAccess a) {
		return jdbc.sql("""
				UPDATE resource_access SET state = ?, valid_until = ?, decided_by = ?, decided_at = ?, reason = ?, revoked_by = ?,
				    revoked_at = ?, revocation_reason = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(a.state().name(), a.validUntil(), a.decidedBy(), timestamp(a.decidedAt()), a.reason(), a.revokedBy(),
					timestamp(a.revokedAt()), a.revocationReason(), a.id(), a.version())
			.update() == 1;
	}

	/** The requests still waiting for an answer due on or after the day (or due on a day never set: such requests were made before it could be counted provisionally). */
	List<ResourceAccess> openDueFrom(LocalDate day) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resource_access WHERE state = 'REQUESTED' AND (answer_due IS NULL OR answer_due >= ?)")
			.param(day)
			.query((rs, n) -> access(rs))
			.list();
	}

	/** Moves an open request's due day; false when it was answered or changed since it was read. */
	boolean moveAnswerDue(ResourceAccess a, LocalDate due) {
		return jdbc.sql("""
				UPDATE resource_access SET answer_due = ?, version = version + 1
				WHERE id = ? AND version = ? AND state = 'REQUESTED'""")
			.params(due, a.id(), a.version())
			.update() == 1;
	}

	Optional<ResourceAccess> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resource_access WHERE id = ?").param(id).query((rs, n) -> access(rs)).optional();
	}

	/** A department's requests for a resource, newest first. */
	List<ResourceAccess> of(String requester, String resource) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resource_access WHERE requester = ? AND resource = ? ORDER BY requested_at DESC")
			.params(requester, resource)
			.query((rs, n) -> access(rs))
			.list();
	}

	List<ResourceAccess> madeBy(String requester, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resource_access WHERE requester = ? ORDER BY requested_at DESC LIMIT ?")
			.params(requester, limit)
			.query((rs, n) -> access(rs))
			.list();
	}

	List<ResourceAccess> receivedBy(String provider, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM resource_access WHERE provider = ? ORDER BY requested_at DESC LIMIT ?")
			.params(provider, limit)
			.query((rs, n) -> access(rs))
			.list();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static final String COLUMNS = """
			id, resource, requester, provider, purpose, legal_basis, requested_by, requested_at, answer_due, state, valid_until,
			decided_by, decided_at, reason, revoked_by, revoked_at, revocation_reason, version""";

	private static ResourceAccess access(ResultSet rs) throws SQLException {
		return new ResourceAccess(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), instant(rs, 8), rs.getObject(9, LocalDate.class),
				ResourceAccess.State.valueOf(rs.getString(10)), rs.getObject(11, LocalDate.class), rs.getString(12), instant(rs, 13),
				rs.getString(14), rs.getString(15), instant(rs, 16), rs.getString(17), rs.getInt(18));
	}
}
