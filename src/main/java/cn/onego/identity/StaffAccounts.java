package cn.onego.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts that administrators create, with BCrypt password hashes. */
@Repository
class StaffAccounts {

	private final JdbcClient jdbc;
	private final StaffCache cache;

	StaffAccounts(JdbcClient jdbc, StaffCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
	}

	/** {@code temporaryPassword}: an administrator reset the password and its holder has not chosen their own yet. */
	record Staff(StaffUser user, String passwordHash, boolean disabled, boolean temporaryPassword) {
	}

	/** Every staff account, by username, and whether it is disabled; never the password hashes. */
	List<Staff> all() {
		return jdbc.sql("""
				SELECT username, display_name, roles, region, hall, department, disabled_at IS NOT NULL, password_change_required
				FROM staff_account ORDER BY username""")
			.query((rs, n) -> {
				EnumSet<Role> roles = EnumSet.noneOf(Role.class);
				Arrays.stream((String[]) rs.getArray(3).getArray()).map(Role::parse).forEach(roles::addAll);
				return new Staff(new StaffUser(rs.getString(1), rs.getString(2), roles, null, rs.getString(4), rs.getString(5),
						rs.getString(6)), null, rs.getBoolean(7), rs.getBoolean(8));
			})
			.list();
	}

	/** The account as this node keeps it ({@link StaffCache}), without its password hash. */
	Optional<Staff> kept(String username) {
		return cache.find(username, this::find);
	}

	/** The account as stored now, with its password hash. */
	Optional<Staff> find(String username) {
		return jdbc.sql("""
				SELECT username, display_name, roles, region, hall, department, password_hash, disabled_at IS NOT NULL,
				    password_change_required
				FROM staff_account WHERE username = ?""")
			.param(username)
			.query((rs, n) -> {
				EnumSet<Role> roles = EnumSet.noneOf(Role.class);
				Arrays.stream((String[]) rs.getArray(3).getArray()).map(Role::parse).forEach(roles::addAll);
				return new Staff(new StaffUser(rs.getString(1), rs.getString(2), roles, null, rs.getString(4), rs.getString(5),
						rs.getString(6)), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9));
			})
			.optional();
	}

	/** Disables the account from {@code at} on (null: enables it again); whether there is such an account. */
	boolean disable(String username, java.time.Instant at) {
		cache.forget(username);
		return jdbc.sql("UPDATE staff_account SET disabled_at = ? WHERE username = ?")
			.params(at == null ? null : java.sql.Timestamp.from(at), username)
			.update() == 1;
	}

	boolean insert(StaffUser user, String passwordHash, String createdBy) {
		cache.forget(user.username());
		return jdbc.sql("""
				INSERT INTO staff_account (username, password_hash, display_name, roles, region, hall, department, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(user.username(), passwordHash, user.displayName(), user.roles().stream().map(Enum::name).toArray(String[]::new),
					user.region(), user.hall(), user.department(), createdBy)
			.update() == 1;
	}

	/** Gives the account its new name, roles and scope; whether there is such an account. */
	boolean update(StaffUser user) {
		cache.forget(user.username());
		return jdbc.sql("UPDATE staff_account SET display_name = ?, roles = ?, region = ?, hall = ?, department = ? WHERE username = ?")
			.params(user.displayName(), user.roles().stream().map(Enum::name).toArray(String[]::new), user.region(), user.hall(),
					user.department(), user.username())
			.update() == 1;
	}

	/** A new password hash; {@code temporary}: its holder must change it before working. */
	boolean setPassword(String username, String passwordHash, boolean temporary) {
		cache.forget(username);
		return jdbc.sql("UPDATE staff_account SET password_hash = ?, password_change_required = ? WHERE username = ?")
			.params(passwordHash, temporary, username)
			.update() == 1;
	}

	boolean passwordChangeRequired(String username) {
		return jdbc.sql("SELECT password_change_required FROM staff_account WHERE username = ?")
			.param(username)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** The enabled accounts holding the role, by username. */
	List<String> enabledWith(Role role) {
		return jdbc.sql("SELECT username FROM staff_account WHERE disabled_at IS NULL AND ? = ANY (roles) ORDER BY username")
			.param(role.name())
			.query(String.class)
			.list();
	}
}
