package cn.onego.idp;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * Registrations between their first step and their end, and the one-time codes sent for them; ID numbers and
 * mobiles sealed, a number's codes counted through its blind index.
 */
@Repository
class Registrations implements SealedColumns {

	private static final SealedColumn ID_NUMBER = SealedColumn.indexed("idp_registration", "id_number", "id_number_index");
	private static final SealedColumn MOBILE = SealedColumn.of("idp_registration", "mobile");
	private static final SealedColumn CODE_MOBILE = SealedColumn.indexed("idp_code", "mobile", "mobile_index");

	enum State {
		/** Name and ID number matched the registry and a code went to the mobile on record. */
		CODE_SENT,
		/** The code was right and the person now exists at the identity provider. */
		REGISTERED,
		/** The code was right but the ID number already had an account: a password reset is offered. */
		ACCOUNT_EXISTS,
		/** The existing account's password was changed. */
		PASSWORD_RESET
	}

	record Registration(String id, String idNumber, String name, String username, String passwordHash, String mobile,
			UUID existingSubject, State state, Instant createdAt, Instant verifiedAt) {
	}

	record Code(long id, String mobile, String codeHash, Instant sentAt, Instant expiresAt, int tries, Instant usedAt) {
	}

	private final JdbcClient jdbc;
	private final PersonalData data;

	Registrations(JdbcClient jdbc, PersonalData data) {
		this.jdbc = jdbc;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(ID_NUMBER, MOBILE, CODE_MOBILE);
	}

	void insert(Registration r) {
		jdbc.sql("""
				INSERT INTO idp_registration (id, id_number, id_number_index, name, username, password_hash, mobile,
				  existing_subject, state, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), data.seal(r.idNumber(), ID_NUMBER.name()), data.index(r.idNumber()), r.name(), r.username(),
					r.passwordHash(), data.seal(r.mobile(), MOBILE.name()), r.existingSubject(), r.state().name(),
					Timestamp.from(r.createdAt()))
			.update();
	}

	Optional<Registration> find(String id) {
		return jdbc.sql("""
				SELECT id, id_number, name, username, password_hash, mobile, existing_subject, state, created_at, verified_at
				FROM idp_registration WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Registration(rs.getString(1), data.open(rs.getString(2), ID_NUMBER.name()), rs.getString(3),
					rs.getString(4), rs.getString(5), data.open(rs.getString(6), MOBILE.name()), rs.getObject(7, UUID.class), State.valueOf(rs.getString(8)),
					rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
			.optional();
	}

	/**
	 * Moves the registration on from CODE_SENT (or, for a reset, from ACCOUNT_EXISTS); tells whether it did, so
	 * that of two concurrent requests only one goes on. The chosen password's hash is dropped once used.
	 */
	boolean advance(String id, State from, State to, UUID existingSubject, Instant at) {
		return jdbc.sql("""
				UPDATE idp_registration SET state = ?, existing_subject = coalesce(?, existing_subject),
				  verified_at = coalesce(verified_at, ?), password_hash = NULL
				WHERE id = ? AND state = ?""")
			.params(to.name(), existingSubject, Timestamp.from(at), id, from.name())
			.update() == 1;
	}

	/** Serialises everything that sends codes to one mobile number until the transaction ends. */
	void lockMobile(String mobile) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('idp-code:' || ?))").param(data.index(mobile)).query((rs, n) -> 1).single();
	}

	List<Instant> codesSentTo(String mobile, Instant since) {
		return jdbc.sql("SELECT sent_at FROM idp_code WHERE mobile_index = ? AND sent_at >= ?")
			.params(data.index(mobile), Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	/** A new code for the registration; the ones sent before are superseded. */
	void addCode(String registration, String mobile, String codeHash, Instant sentAt, Instant expiresAt) {
		jdbc.sql("UPDATE idp_code SET superseded_at = ? WHERE registration_id = ? AND superseded_at IS NULL")
			.params(Timestamp.from(sentAt), registration)
			.update();
		jdbc.sql("INSERT INTO idp_code (registration_id, mobile, mobile_index, code_hash, sent_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(registration, data.seal(mobile, CODE_MOBILE.name()), data.index(mobile), codeHash, Timestamp.from(sentAt),
					Timestamp.from(expiresAt))
			.update();
	}

	Optional<Code> currentCode(String registration) {
		return jdbc.sql("""
				SELECT id, mobile, code_hash, sent_at, expires_at, tries, used_at FROM idp_code
				WHERE registration_id = ? AND superseded_at IS NULL ORDER BY id DESC LIMIT 1""")
			.param(registration)
			.query((rs, n) -> new Code(rs.getLong(1), data.open(rs.getString(2), CODE_MOBILE.name()), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5).toInstant(), rs.getInt(6),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.optional();
	}

	/**
	 * Takes one of the code's tries before it is compared, so that parallel guesses cannot exceed the limit;
	 * the number of the try taken, empty when none is left.
	 */
	Optional<Integer> takeTry(long code, int limit) {
		return jdbc.sql("UPDATE idp_code SET tries = tries + 1 WHERE id = ? AND tries < ? AND used_at IS NULL RETURNING tries")
			.params(code, limit)
			.query(Integer.class)
			.optional();
	}

	boolean markUsed(long code, Instant at) {
		return jdbc.sql("UPDATE idp_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
			.params(Timestamp.from(at), code)
			.update() == 1;
	}

	/** Drops what is older than the instant: registrations with their codes. */
	int removeCreatedBefore(Instant before) {
		return jdbc.sql("DELETE FROM idp_registration WHERE created_at < ?").param(Timestamp.from(before)).update();
	}
}
