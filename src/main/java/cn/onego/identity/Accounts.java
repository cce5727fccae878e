package cn.onego.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * Applicants as OneGo knows them: one account per verified person, created the first time they sign in
 * through the identity provider and kept in step with what the provider vouches for (name, mobile). An
 * account holds no password: applicants authenticate at the provider only. The ID number and the mobile are
 * stored sealed; an account is found by its ID number through the number's blind index.
 */
@Repository
class Accounts implements SealedColumns {

	private static final SealedColumn ID_NUMBER = SealedColumn.indexed("account", "id_number", "id_number_index");
	private static final SealedColumn MOBILE = SealedColumn.of("account", "mobile");

	private final JdbcClient jdbc;
	private final PersonalData data;

	Accounts(JdbcClient jdbc, PersonalData data) {
		this.jdbc = jdbc;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(ID_NUMBER, MOBILE);
	}

	record Account(String username, String displayName, String idNumber, String mobile, String issuer, String subject,
			Instant createdAt) {

		Actor actor() {
			return new Actor(username, displayName, EnumSet.of(Role.APPLICANT), idNumber, null, null, null);
		}
	}

	private static final String COLUMNS = "username, display_name, id_number, mobile, issuer, subject, created_at";

	Optional<Account> find(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?").param(username).query((rs, n) -> account(rs))
			.optional();
	}

	Optional<Account> bySubject(String issuer, String subject) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE issuer = ? AND subject = ?")
			.params(issuer, subject)
			.query((rs, n) -> account(rs))
			.optional();
	}

	Optional<String> usernameOf(String idNumber) {
		return jdbc.sql("SELECT username FROM account WHERE id_number_index = ?").param(data.index(idNumber)).query(String.class).optional();
	}

	boolean usernameTaken(String username) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE username = ?)").param(username).query(Boolean.class).single();
	}

	/**
	 * The account of the verified person, created or brought up to date: found by who they are at the
	 * provider, else by their ID number (a person moving to another provider keeps their cases), else new,
	 * under the username they chose at the provider when it is free. Writes only when something changed.
	 */
	Account signedIn(VerifiedPerson person, StaffDirectory staff, Instant now) {
		Optional<Account> known = bySubject(person.issuer(), person.subject())
			.or(() -> usernameOf(person.idNumber()).flatMap(this::find));
		if (known.isPresent()) {
			Account a = known.get();
			boolean same = a.displayName().equals(person.name()) && a.idNumber().equals(person.idNumber())
					&& java.util.Objects.equals(a.mobile(), person.mobile()) && person.issuer().equals(a.issuer())
					&& person.subject().equals(a.subject());
			if (same) {
				// the account as read is the account: no write, and no read again (one statement per applicant request)
				return a;
			}
			jdbc.sql("""
					UPDATE account SET display_name = ?, id_number = ?, id_number_index = ?, mobile = ?, issuer = ?, subject = ?,
					  last_sign_in = ?
					WHERE username = ?""")
				.params(person.name(), data.seal(person.idNumber(), ID_NUMBER.name()), data.index(person.idNumber()),
						data.seal(person.mobile(), MOBILE.name()), person.issuer(), person.subject(), Timestamp.from(now),
						a.username())
				.update();
			return find(a.username()).orElseThrow();
		}
		String username = username(person, staff);
		jdbc.sql("""
				INSERT INTO account (username, display_name, id_number, id_number_index, mobile, issuer, subject, created_at,
				  last_sign_in)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(username, person.name(), data.seal(person.idNumber(), ID_NUMBER.name()), data.index(person.idNumber()),
					data.seal(person.mobile(), MOBILE.name()), person.issuer(), person.subject(),
					Timestamp.from(now), Timestamp.from(now))
			.update();
		// a concurrent first sign-in of the same person inserted first: theirs is the account
		return bySubject(person.issuer(), person.subject())
			.or(() -> usernameOf(person.idNumber()).flatMap(this::find))
			.orElseThrow();
	}

	/** The name the person chose at the provider if it is a valid OneGo username nobody has, else one made from the subject. */
	private String username(VerifiedPerson person, StaffDirectory staff) {
		String wanted = Usernames.normalise(person.preferredUsername());
		if (Usernames.problem(wanted, staff, this).isEmpty()) {
			return wanted;
		}
		byte[] digest;
		try {
			digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest((person.issuer() + " " + person.subject()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		return "p-" + HexFormat.of().formatHex(digest, 0, 8);
	}

	private Account account(ResultSet rs) throws SQLException {
		return new Account(rs.getString(1), rs.getString(2), data.open(rs.getString(3), ID_NUMBER.name()),
				data.open(rs.getString(4), MOBILE.name()), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant());
	}
}
