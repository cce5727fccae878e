package cn.onego.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * The embedded PostgreSQL's logins. {@link #OWNER} owns the schema and everything in it and runs the
 * migrations; {@link #APPLICATION} is what the running application logs in as: it may read and write rows,
 * use sequences and call functions, and nothing else — no DDL, no other roles, no server files or
 * programs. Its table rights come from default privileges of the owner, so a table a later migration
 * creates is covered without a grant, and a migration narrows them with one statement (e.g.
 * {@code REVOKE UPDATE, DELETE ON audit_record FROM ${app_role}}, the placeholder naming the application's
 * login on embedded and external servers alike).
 */
final class Roles {

	static final String SUPERUSER = "postgres";
	static final String OWNER = "onego_owner";
	static final String APPLICATION = "onego_app";
	static final String DATABASE = "postgres";

	/** The application's rights on a table: its rows, not its definition (no TRUNCATE, REFERENCES, TRIGGER). */
	private static final String APPLICATION_RIGHTS_ON_TABLES = "SELECT, INSERT, UPDATE, DELETE";

	/**
	 * The tables the application may only add to and read — the audit trail (migration V34 revokes the rest) —
	 * with those rights when a data directory from before the roles is adopted, so that adopting never gives
	 * back what a migration took.
	 */
	static final java.util.Set<String> INSERT_ONLY = java.util.Set.of("audit_record", "audit_anchor");

	private Roles() {
	}

	/**
	 * Creates or corrects both roles, sets all three passwords (hashed by the driver, so that no password
	 * reaches the server or its log in clear), and hands every object already in schema {@code public} to
	 * the owner — the tables of a data directory created before the roles existed, when everything belonged
	 * to {@code postgres}. One transaction: a failure leaves the cluster as it was.
	 *
	 * @param superuser a connection as {@code postgres}
	 * @return how many existing objects were handed to the owner
	 */
	static int secure(Connection superuser, GeneratedPasswords passwords) throws SQLException {
		boolean autoCommit = superuser.getAutoCommit();
		superuser.setAutoCommit(false);
		try (Statement sql = superuser.createStatement()) {
			createRole(sql, OWNER);
			createRole(sql, APPLICATION);
			sql.execute("ALTER ROLE " + OWNER + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
			sql.execute("ALTER ROLE " + APPLICATION + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
			// a membership in pg_read_server_files, pg_execute_server_program, … would give back what the role lacks
			for (String granted : strings(sql, "SELECT roleid::regrole::text FROM pg_auth_members WHERE member = '"
					+ APPLICATION + "'::regrole")) {
				sql.execute("REVOKE " + granted + " FROM " + APPLICATION);
			}
			PGConnection driver = superuser.unwrap(PGConnection.class);
			driver.alterUserPassword(SUPERUSER, passwords.superuser().toCharArray(), "scram-sha-256");
			driver.alterUserPassword(OWNER, passwords.owner().toCharArray(), "scram-sha-256");
			driver.alterUserPassword(APPLICATION, passwords.application().toCharArray(), "scram-sha-256");

			sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
			sql.execute("REVOKE ALL ON DATABASE template1 FROM PUBLIC");
			sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + OWNER + ", " + APPLICATION);
			sql.execute("ALTER SCHEMA public OWNER TO " + OWNER);
			sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
			sql.execute("GRANT USAGE ON SCHEMA public TO " + APPLICATION);
			String forOwner = "ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public GRANT ";
			sql.execute(forOwner + APPLICATION_RIGHTS_ON_TABLES + " ON TABLES TO " + APPLICATION);
			sql.execute(forOwner + "USAGE, SELECT ON SEQUENCES TO " + APPLICATION);
			sql.execute(forOwner + "EXECUTE ON FUNCTIONS TO " + APPLICATION);

			int adopted = adoptRelations(sql) + adoptRoutines(sql) + adoptTypes(sql);
			superuser.commit();
			return adopted;
		}
		catch (SQLException | RuntimeException e) {
			superuser.rollback();
			throw e;
		}
		finally {
			superuser.setAutoCommit(autoCommit);
		}
	}

	private static void createRole(Statement sql, String role) throws SQLException {
		if (strings(sql, "SELECT rolname FROM pg_roles WHERE rolname = '" + role + "'").isEmpty()) {
			sql.execute("CREATE ROLE " + role);
		}
	}

	/**
	 * Tables, views and standalone sequences not yet the owner's, with the application's rights on each.
	 * Only these objects are granted, never "all tables", so that a right a migration revoked stays revoked
	 * should this ever run again. A table's own sequences and indexes follow the table.
	 */
	private static int adoptRelations(Statement sql) throws SQLException {
		List<String[]> relations = rows(sql, """
				SELECT c.oid::regclass::text, c.relkind FROM pg_class c
				WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
				  AND c.relowner <> '%s'::regrole AND NOT %s
				ORDER BY c.relkind = 'S', c.oid""".formatted(OWNER, extensionMember("pg_class", "c.oid")));
		for (String[] relation : relations) {
			String kind = switch (relation[1]) {
				case "v" -> "VIEW";
				case "m" -> "MATERIALIZED VIEW";
				case "f" -> "FOREIGN TABLE";
				case "S" -> "SEQUENCE";
				default -> "TABLE";
			};
			// a table's sequences changed owner with the table, a few rows earlier
			boolean notYetTheOwners = !strings(sql, "SELECT 1 FROM pg_class WHERE oid = '" + relation[0].replace("'", "''")
					+ "'::regclass AND relowner <> '" + OWNER + "'::regrole").isEmpty();
			if (notYetTheOwners) {
				sql.execute("ALTER " + kind + " " + relation[0] + " OWNER TO " + OWNER);
			}
			String rights = switch (relation[1]) {
				case "m" -> "SELECT ON TABLE";
				case "S" -> "USAGE, SELECT ON SEQUENCE";
				default -> INSERT_ONLY.contains(relation[0]) ? "SELECT, INSERT ON TABLE" : APPLICATION_RIGHTS_ON_TABLES + " ON TABLE";
			};
			sql.execute("GRANT " + rights + " " + relation[0] + " TO " + APPLICATION);
		}
		return relations.size();
	}

	private static int adoptRoutines(Statement sql) throws SQLException {
		List<String[]> routines = rows(sql, """
				SELECT p.oid::regprocedure::text, p.prokind FROM pg_proc p
				WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> '%s'::regrole AND NOT %s"""
			.formatted(OWNER, extensionMember("pg_proc", "p.oid")));
		for (String[] routine : routines) {
			String kind = switch (routine[1]) {
				case "a" -> "AGGREGATE";
				case "p" -> "PROCEDURE";
				default -> "FUNCTION";
			};
			sql.execute("ALTER " + kind + " " + routine[0] + " OWNER TO " + OWNER);
			if (!kind.equals("AGGREGATE")) {
				sql.execute("GRANT EXECUTE ON " + kind + " " + routine[0] + " TO " + APPLICATION);
			}
		}
		return routines.size();
	}

	/** Enums, domains, ranges and composite types; array and row types follow their element and table. */
	private static int adoptTypes(Statement sql) throws SQLException {
		List<String[]> types = rows(sql, """
				SELECT t.oid::regtype::text, t.typtype FROM pg_type t
				WHERE t.typnamespace = 'public'::regnamespace AND t.typowner <> '%s'::regrole
				  AND t.typtype IN ('b', 'c', 'd', 'e', 'r')
				  AND (t.typrelid = 0 OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
				  AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid) AND NOT %s"""
			.formatted(OWNER, extensionMember("pg_type", "t.oid")));
		for (String[] type : types) {
			sql.execute("ALTER " + (type[1].equals("d") ? "DOMAIN " : "TYPE ") + type[0] + " OWNER TO " + OWNER);
		}
		return types.size();
	}

	/** Objects of an extension belong to it; their owner changes with the extension's. */
	private static String extensionMember(String catalog, String oid) {
		return "EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '" + catalog + "'::regclass AND d.objid = " + oid
				+ " AND d.deptype = 'e')";
	}

	private static List<String> strings(Statement sql, String query) throws SQLException {
		return rows(sql, query).stream().map(row -> row[0]).toList();
	}

	private static List<String[]> rows(Statement sql, String query) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (ResultSet result = sql.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				String[] row = new String[columns];
				for (int c = 0; c < columns; c++) {
					row[c] = result.getString(c + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}
}
