package cn.onego.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Applicant accounts, stored with BCrypt password hashes. */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Account(String username, String passwordHash, String displayName, String idNumber, String mobile,
			Instant createdAt) {

		Actor actor() {
			return new Actor(username, displayName, EnumSet.of(Role.APPLICANT), idNumber, null, null, null);
		}
	}

	Optional<Account> find(String username) {
		return jdbc.sql("SELECT username, password_hash, display_name, id_number, mobile, created_at FROM account WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getTimestamp(6).toInstant()))
			.optional();
	}

	Optional<String> usernameOf(String idNumber) {
		return jdbc.sql("SELECT username FROM account WHERE id_number = ?").param(idNumber).query(String.class).optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE username = ?)").param(username).query(Boolean.class).single();
	}

	boolean idNumberTaken(String idNumber) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE id_number = ?)").param(idNumber).query(Boolean.class).single();
	}

	/** Inserts the account unless the username or ID number is taken; tells whether it did. */
	boolean insert(String username, String passwordHash, String displayName, String idNumber, String mobile) {
		return jdbc.sql("""
				INSERT INTO account (username, password_hash, display_name, id_number, mobile) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""").params(username, passwordHash, displayName, idNumber, mobile).update() == 1;
	}
}
