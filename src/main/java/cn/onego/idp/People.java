package cn.onego.idp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * The people registered at the identity provider ({@code idp_person}), their ID number and mobile sealed; found
 * by ID number through its blind index.
 */
@Repository
class People implements SealedColumns {

	private static final SealedColumn ID_NUMBER = SealedColumn.indexed("idp_person", "id_number", "id_number_index");
	private static final SealedColumn MOBILE = SealedColumn.of("idp_person", "mobile");

	private static final String COLUMNS = "subject, id_number, name, mobile, username, password_hash, created_at, failed_logins, locked_until";

	private final JdbcClient jdbc;
	private final PersonalData data;

	People(JdbcClient jdbc, PersonalData data) {
		this.jdbc = jdbc;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(ID_NUMBER, MOBILE);
	}

	Optional<Person> bySubject(String subject) {
		UUID id;
		try {
			id = UUID.fromString(subject);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM idp_person WHERE subject = ?").param(id).query(this::person).optional();
	}

	Optional<Person> byIdNumber(String idNumber) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM idp_person WHERE id_number_index = ?")
			.param(data.index(idNumber))
			.query(this::person)
			.optional();
	}

	/** By username (any case) or by ID number (with a lower-case x too). */
	Optional<Person> bySignInName(String login) {
		String name = login == null ? "" : login.strip();
		// a username cannot have the shape of an ID number (RealNameRegistration), so at most one row matches
		return jdbc.sql("SELECT " + COLUMNS + " FROM idp_person WHERE username = ? OR id_number_index = ? LIMIT 1")
			.params(name.toLowerCase(Locale.ROOT), data.index(name))
			.query(this::person)
			.optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM idp_person WHERE username = ?)").param(username).query(Boolean.class)
			.single();
	}

	/** Stores a new person; a taken ID number or username fails with a {@code DuplicateKeyException}. */
	void insert(Person person) {
		jdbc.sql("INSERT INTO idp_person (" + COLUMNS + ", id_number_index) VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)")
			.params(person.subject(), data.seal(person.idNumber(), ID_NUMBER.name()), person.name(),
					data.seal(person.mobile(), MOBILE.name()), person.username(), person.passwordHash(),
					Timestamp.from(person.createdAt()), data.index(person.idNumber()))
			.update();
	}

	/** The person's lockout, read for update: concurrent sign-ins of one person count one after another. */
	Lockout lockoutForUpdate(UUID subject) {
		return jdbc.sql("SELECT failed_logins, locked_until FROM idp_person WHERE subject = ? FOR UPDATE")
			.param(subject)
			.query((rs, n) -> new Lockout(rs.getInt(1), instant(rs, 2)))
			.single();
	}

	void setLockout(UUID subject, Lockout lockout) {
		jdbc.sql("UPDATE idp_person SET failed_logins = ?, locked_until = ? WHERE subject = ?")
			.params(lockout.failures(), lockout.lockedUntil() == null ? null : Timestamp.from(lockout.lockedUntil()), subject)
			.update();
	}

	/** A new password, proven by a code sent to the person's mobile: it also lifts a lock. */
	void changePassword(UUID subject, String passwordHash) {
		jdbc.sql("UPDATE idp_person SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE subject = ?")
			.params(passwordHash, subject)
			.update();
	}

	private Person person(ResultSet rs, int n) throws SQLException {
		return new Person(rs.getObject(1, UUID.class), data.open(rs.getString(2), ID_NUMBER.name()), rs.getString(3),
				data.open(rs.getString(4), MOBILE.name()), rs.getString(5),
				rs.getString(6), rs.getTimestamp(7).toInstant(), new Lockout(rs.getInt(8), instant(rs, 9)));
	}

	private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
