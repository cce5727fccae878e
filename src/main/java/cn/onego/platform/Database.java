package cn.onego.platform;

import java.io.IOException;

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

	@Override
	public void close() throws IOException {
		if (embedded != null) {
			embedded.close();
		}
	}
}
