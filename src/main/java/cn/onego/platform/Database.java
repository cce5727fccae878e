package cn.onego.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

import org.postgresql.Driver;

/**
 * The database OneGo works on and the two logins it uses there: the application's, for every query of the
 * running system, and the schema owner's, for the migrations only.
 *
 * @param url JDBC URL
 * @param application the least-privilege login of the connection pool
 * @param migration the login that owns the schema and runs Flyway
 * @param embedded the server OneGo started, or {@code null} for an external one
 */
record Database(String url, Login application, Login migration, EmbeddedPostgresServer embedded)
		implements AutoCloseable {

	static Database of(DatabaseProperties properties) {
		if (properties.external()) {
			return new Database(properties.url(), properties.application(), properties.migration(), null);
		}
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
		GeneratedPasswords passwords = server.passwords();
		return new Database(server.jdbcUrl(), new Login(Roles.APPLICATION, passwords.application()),
				new Login(Roles.OWNER, passwords.owner()), server);
	}

	/**
	 * A connection of its own as the application's login, outside the pool (which an outage closes): for those that
	 * watch the database. {@code socketTimeoutSeconds} 0 waits on a read as long as it takes.
	 */
	Connection connect(String applicationName, int socketTimeoutSeconds) throws SQLException {
		Properties login = new Properties();
		login.setProperty("user", application.user());
		if (application.password() != null) {
			login.setProperty("password", application.password());
		}
		login.setProperty("connectTimeout", "2");
		login.setProperty("loginTimeout", "3");
		login.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
		login.setProperty("ApplicationName", applicationName);
		Connection fresh = new Driver().connect(url, login);
		if (fresh == null) {
			throw new SQLException("no driver for " + url, "08001");
		}
		return fresh;
	}

	@Override
	public void close() throws IOException {
		if (embedded != null) {
			embedded.close();
		}
	}
}
