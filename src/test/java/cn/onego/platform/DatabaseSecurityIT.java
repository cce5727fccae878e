package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.zaxxer.hikari.HikariDataSource;

import cn.onego.ApiClient;
import cn.onego.OneGo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL is neither open nor forgetful: every connection needs the generated password, the
 * application's role can change rows and nothing else, the passwords' file is its owner's alone, a write is
 * on disk before it is acknowledged, and a data directory from before the roles is secured on start with its
 * data kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabaseSecurityIT {

	@Autowired
	Database database;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@LocalServerPort
	int port;

	@TempDir
	Path dataDir;

	@Test
	void refusesEveryLocalConnectionWithoutTheGeneratedPassword() throws Exception {
		assertThat(refusal(Roles.APPLICATION, null)).as("no password").isNotNull();
		assertThat(refusal(Roles.APPLICATION, "wrong")).as("a wrong password").isEqualTo("28P01");
		assertThat(refusal(Roles.SUPERUSER, null)).as("postgres without a password").isNotNull();
		assertThat(refusal(Roles.SUPERUSER, "")).as("postgres with an empty password").isNotNull();
		assertThat(refusal(Roles.OWNER, database.application().password())).as("another role's password").isEqualTo("28P01");
		assertThat(refusal(Roles.APPLICATION, database.application().password())).as("the generated password").isNull();
		// local sockets cannot be reached from Java; the rules the server reads cover them as they cover TCP
		try (Connection superuser = asSuperuser(); Statement sql = superuser.createStatement();
				var rules = sql.executeQuery("SELECT type, auth_method FROM pg_hba_file_rules")) {
			List<String> methods = new ArrayList<>();
			while (rules.next()) {
				methods.add(rules.getString(1) + " " + rules.getString(2));
			}
			assertThat(methods).containsExactlyInAnyOrder("local scram-sha-256", "host scram-sha-256", "host scram-sha-256");
		}
	}

	@Test
	void everythingButFlywayUsesTheApplicationsPool() throws Exception {
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(Roles.APPLICATION);
		assertThat(dataSource).as("Hikari's pool behind the outage check").isInstanceOf(ConnectionPool.class);
		assertThat(((ConnectionPool) dataSource).unwrap(HikariDataSource.class).getUsername()).isEqualTo(Roles.APPLICATION);
		assertThat(jdbcTemplate.getDataSource()).as("the event publication registry's way in").isSameAs(dataSource);
		ApiClient.Response health = new ApiClient(port).get("/actuator/health", "admin", "onego-admin");
		assertThat((String) health.json("$.components.db.status")).isEqualTo("UP");
		assertThat(health.body()).as("the owner's login is not polled").doesNotContain("migrationDataSource");
	}

	@Test
	void theApplicationsRoleChangesRowsButNeitherTheSchemaNorRolesNorServerFilesOrPrograms() throws Exception {
		Path touched = dataDir.resolve("touched-by-postgres");
		assertThat(sqlState("CREATE TABLE intruder (id INT)")).isEqualTo("42501");
		assertThat(sqlState("COPY region (name) FROM PROGRAM 'id'")).isEqualTo("42501");
		assertThat(sqlState("COPY region (name) FROM PROGRAM 'touch " + touched + "'")).isEqualTo("42501");
		assertThat(sqlState("COPY region (name) TO PROGRAM 'touch " + touched + "'")).isEqualTo("42501");
		assertThat(touched).doesNotExist();
		assertThat(sqlState("SELECT pg_read_file('/etc/passwd')")).isEqualTo("42501");
		assertThat(sqlState("COPY region (name) FROM '/etc/passwd'")).isEqualTo("42501");
		assertThat(sqlState("ALTER ROLE " + Roles.APPLICATION + " SUPERUSER")).isEqualTo("42501");
		assertThat(sqlState("ALTER ROLE " + Roles.OWNER + " PASSWORD 'mine'")).isEqualTo("42501");
		assertThat(sqlState("GRANT " + Roles.OWNER + " TO " + Roles.APPLICATION)).isEqualTo("42501");
		assertThat(sqlState("DROP TABLE region")).isEqualTo("42501");
		assertThat(sqlState("TRUNCATE region")).isEqualTo("42501");
		assertThat(sqlState("ALTER TABLE region ADD COLUMN intruder TEXT")).isEqualTo("42501");
		assertThat(jdbc.sql("""
				SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls
				    OR pg_has_role(current_user, 'pg_read_server_files', 'MEMBER')
				    OR pg_has_role(current_user, 'pg_write_server_files', 'MEMBER')
				    OR pg_has_role(current_user, 'pg_execute_server_program', 'MEMBER')
				FROM pg_roles WHERE rolname = current_user""").query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'").query(String.class).list())
			.as("Flyway created every table as the owner, flyway_schema_history included")
			.containsExactly(Roles.OWNER);
	}

	@Test
	void keepsThePasswordsInAFileOnlyItsOwnerCanRead() throws Exception {
		Path file = database.embedded().passwordsFile();
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(file)).contains("postgres.password=", "onego_owner.password=" + database.migration().password(),
				"onego_app.password=" + database.application().password());
		assertThat(file.getParent().resolve("postgres/PG_VERSION")).as("beside the server's directory, not in it").exists();
		try (Connection superuser = asSuperuser(); Statement sql = superuser.createStatement();
				var verifier = sql.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = '" + Roles.APPLICATION + "'")) {
			verifier.next();
			assertThat(verifier.getString(1)).as("stored as a SCRAM verifier").startsWith("SCRAM-SHA-256$");
		}
	}

	@Test
	void writesToDiskBeforeAcknowledgingACommitAsAProductionServerDoes() {
		for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
			assertThat(jdbc.sql("SHOW " + setting).query(String.class).single()).as(setting).isEqualTo("on");
		}
		assertThat(jdbc.sql("SHOW password_encryption").query(String.class).single()).isEqualTo("scram-sha-256");
	}

	@Test
	void securesADataDirectoryFromBeforeTheRolesAndKeepsItsData() throws Exception {
		Path directory = dataDir.resolve("postgres");
		// as OneGo left it before: zonky's defaults (trust, everything owned by postgres) and the schema migrated
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.start()) {
			// the application's login was the superuser then
			Flyway.configure().dataSource(old.getPostgresDatabase()).locations("classpath:db/migration")
				.placeholders(java.util.Map.of("app_role", Roles.SUPERUSER)).load().migrate();
			try (Connection connection = old.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
				sql.execute("""
						CREATE TYPE mood AS ENUM ('GOOD', 'BAD');
						CREATE DOMAIN short_text AS TEXT CHECK (length(VALUE) < 100);
						CREATE TABLE legacy_note (id SERIAL PRIMARY KEY, body short_text NOT NULL, mood mood);
						CREATE SEQUENCE legacy_counter;
						CREATE VIEW legacy_good AS SELECT * FROM legacy_note WHERE mood = 'GOOD';
						CREATE FUNCTION legacy_shout(t TEXT) RETURNS TEXT LANGUAGE sql AS 'SELECT upper(t)';
						INSERT INTO legacy_note (body, mood) VALUES ('written before the roles', 'GOOD');""");
			}
		}
		assertThat(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE)).doesNotExist();

		try (ConfigurableApplicationContext context = start(dataDir)) {
			assertThat((String) new ApiClient(port(context)).get("/actuator/health").json("$.status")).isEqualTo("UP");
			JdbcClient app = context.getBean(JdbcClient.class);
			assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo(Roles.APPLICATION);
			assertThat(app.sql("SELECT body FROM legacy_good").query(String.class).list()).containsExactly("written before the roles");
			app.sql("INSERT INTO legacy_note (body, mood) VALUES (legacy_shout('and after'), 'BAD')").update();
			assertThat(app.sql("SELECT nextval('legacy_counter')").query(Long.class).single()).isEqualTo(1L);
			assertThat(app.sql("SELECT count(*) FROM legacy_note").query(Integer.class).single()).isEqualTo(2);
			assertThat(sqlState(app, "UPDATE audit_record SET day = day")).as("the audit trail stays insert-only").isEqualTo("42501");
			assertThat(sqlState(app, "DELETE FROM audit_anchor")).as("the audit trail stays insert-only").isEqualTo("42501");
			// each module's migrations are in a folder of their own (db/migration/<module>)
			try (Stream<Path> migrations = Files.walk(Path.of("src/main/resources/db/migration")).filter(Files::isRegularFile)) {
				assertThat(app.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
					.as("no migration ran twice")
					.isEqualTo(migrations.count());
			}
			assertThat(app.sql("""
					SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner <> 'onego_owner'::regrole
					UNION ALL SELECT p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'onego_owner'::regrole
					UNION ALL SELECT t.typname FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> 'onego_owner'::regrole""")
				.query(String.class)
				.list()).as("objects still owned by someone else").isEmpty();
			assertThat(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE)))
				.isEqualTo(PosixFilePermissions.fromString("rw-------"));
			int port = context.getBean(Database.class).embedded().port();
			assertThat(refusal(port, Roles.SUPERUSER, null)).as("trust is gone").isNotNull();
		}
	}

	@Test
	void aMigrationMakesATableInsertOnlyForTheApplicationInOneStatement() throws Exception {
		try (ConfigurableApplicationContext context = start(dataDir)) {
			Flyway flyway = context.getBean(Flyway.class);
			Flyway.configure()
				.configuration(flyway.getConfiguration())
				.locations("classpath:db/migration", "classpath:cn/onego/platform/insert-only")
				.load()
				.migrate();
			JdbcClient app = context.getBean(JdbcClient.class);
			app.sql("INSERT INTO insert_only_example (what) VALUES ('kept')").update();
			assertThat(app.sql("SELECT what FROM insert_only_example").query(String.class).list()).containsExactly("kept");
			assertThat(sqlState(app, "UPDATE insert_only_example SET what = 'changed'")).isEqualTo("42501");
			assertThat(sqlState(app, "DELETE FROM insert_only_example")).isEqualTo("42501");
			assertThat(sqlState(app, "TRUNCATE insert_only_example")).isEqualTo("42501");
		}
	}

	@Test
	void migratesAnExternalServerAsItsMigrationUserAndServesAsItsApplicationUser() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start()) {
			try (Connection connection = external.getPostgresDatabase().getConnection(); Statement sql = connection.createStatement()) {
				// what an operator does once on an external server (README, "External PostgreSQL")
				sql.execute("""
						CREATE ROLE "Schema-Owner" LOGIN;
						CREATE ROLE app LOGIN;
						ALTER SCHEMA public OWNER TO "Schema-Owner";
						GRANT USAGE ON SCHEMA public TO app;
						ALTER DEFAULT PRIVILEGES FOR ROLE "Schema-Owner" IN SCHEMA public
						    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app;
						ALTER DEFAULT PRIVILEGES FOR ROLE "Schema-Owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO app;""");
			}
			Path unused = dataDir.resolve("unused");
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneGo.class).run("--server.port=0",
					"--onego.db.url=jdbc:postgresql://localhost:" + external.getPort() + "/postgres", "--onego.db.user=app",
					"--onego.db.migration-user=Schema-Owner", "--onego.db.data-dir=" + unused,
					// the keys of personal data are never in the database: an external one needs a key file named
					"--onego.crypto.key-file=" + dataDir.resolve("onego-data-keys.properties"))) {
				assertThat((String) new ApiClient(port(context)).get("/actuator/health").json("$.status")).isEqualTo("UP");
				JdbcClient app = context.getBean(JdbcClient.class);
				assertThat(app.sql("SELECT current_user").query(String.class).single()).isEqualTo("app");
				assertThat(app.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'").query(String.class).list())
					.containsExactly("Schema-Owner");
				assertThat(context.getBean(Flyway.class).getConfiguration().getPlaceholders())
					.containsEntry("app_role", "\"app\"");
				assertThat(unused).doesNotExist();
			}
		}
	}

	/** The SQLSTATE of the refusal, or {@code null} when the login succeeds. */
	private String refusal(String user, String password) {
		return refusal(database.embedded().port(), user, password);
	}

	private static String refusal(int port, String user, String password) {
		Properties login = new Properties();
		login.setProperty("user", user);
		if (password != null) {
			login.setProperty("password", password);
		}
		try (Connection connection = new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", login)) {
			return null;
		}
		catch (SQLException e) {
			return e.getSQLState();
		}
	}

	private Connection asSuperuser() throws SQLException {
		return database.embedded().connect(Roles.SUPERUSER, database.embedded().passwords().superuser());
	}

	private String sqlState(String statement) {
		return sqlState(jdbc, statement);
	}

	private static String sqlState(JdbcClient client, String statement) {
		List<String> states = new ArrayList<>();
		assertThatThrownBy(() -> client.sql(statement).update()).as(statement).satisfies(e -> {
			Throwable cause = e;
			while (cause != null && !(cause instanceof SQLException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as(statement).isNotNull();
			states.add(((SQLException) cause).getSQLState());
		});
		return states.get(0);
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(OneGo.class).run("--server.port=0", "--onego.db.data-dir=" + dataDir);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}
}
