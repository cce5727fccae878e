package cn.onego.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored catalogue versions and the reference tables mirrored from the one in force. */
@Repository
class CatalogueVersions {

	private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CatalogueVersions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record StoredVersion(long id, Instant createdAt, String origin, String checksum, String importedBy, String note,
			int fileCount) {
	}

	Optional<StoredVersion> latest() {
		return jdbc.sql("""
				SELECT id, created_at, origin, checksum, imported_by, note, file_count
				FROM catalogue_version ORDER BY id DESC LIMIT 1""").query(this::version).optional();
	}

	long latestId() {
		return jdbc.sql("SELECT coalesce(max(id), 0) FROM catalogue_version").query(Long.class).single();
	}

	boolean exists(long id) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalogue_version WHERE id = ?)").param(id).query(Boolean.class).single();
	}

	boolean bundledExists(String checksum) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM catalogue_version WHERE origin = 'BUNDLED' AND checksum = ?)")
			.param(checksum)
			.query(Boolean.class)
			.single();
	}

	List<StoredVersion> all() {
		return jdbc.sql("""
				SELECT id, created_at, origin, checksum, imported_by, note, file_count
				FROM catalogue_version ORDER BY id DESC""").query(this::version).list();
	}

	CatalogueFiles files(long id) {
		String content = jdbc.sql("SELECT files::text FROM catalogue_version WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		return new CatalogueFiles(json.readValue(content, FILES));
	}

	/** Serialises writers of new versions across nodes for the rest of the transaction. */
	void lockForWriting() {
		jdbc.sql("SELECT pg_advisory_xact_lock(4242001)").query(Object.class).single();
	}

	StoredVersion insert(CatalogueFiles files, String origin, String importedBy, String note) {
		return jdbc.sql("""
				INSERT INTO catalogue_version (origin, checksum, imported_by, note, file_count, files)
				VALUES (?, ?, ?, ?, ?, ?::jsonb)
				RETURNING id, created_at, origin, checksum, imported_by, note, file_count""")
			.params(origin, files.checksum(), importedBy, note, files.files().size(), json.writeValueAsString(files.files()))
			.query(this::version)
			.single();
	}

	/** Replaces the mirrored regions and departments with those of the catalogue. */
	void mirror(Catalogue catalogue) {
		// DELETE, not TRUNCATE: the application's database role may change rows but not empty tables wholesale, and
		// readers keep seeing the old mirror until this transaction commits instead of waiting for its lock
		jdbc.sql("DELETE FROM department").update();
		jdbc.sql("DELETE FROM region").update();
		jdbc.sql("""
				INSERT INTO region (code, name, level, parent)
				SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])""")
			.params(catalogue.regions().stream().map(r -> r.code().value()).toArray(String[]::new),
					catalogue.regions().stream().map(Region::name).toArray(String[]::new),
					catalogue.regions().stream().map(r -> r.level().name()).toArray(String[]::new),
					catalogue.regions().stream().map(r -> r.parent() == null ? null : r.parent().value()).toArray(String[]::new))
			.update();
		jdbc.sql("""
				INSERT INTO department (code, name, type, region, park)
				SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""")
			.params(catalogue.departments().stream().map(Department::code).toArray(String[]::new),
					catalogue.departments().stream().map(Department::name).toArray(String[]::new),
					catalogue.departments().stream().map(Department::type).toArray(String[]::new),
					catalogue.departments().stream().map(d -> d.region().value()).toArray(String[]::new),
					catalogue.departments().stream().map(Department::park).toArray(String[]::new))
			.update();
	}

	private StoredVersion version(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp created = rs.getTimestamp("created_at");
		return new StoredVersion(rs.getLong("id"), created.toInstant(), rs.getString("origin"), rs.getString("checksum"),
				rs.getString("imported_by"), rs.getString("note"), rs.getInt("file_count"));
	}
}
