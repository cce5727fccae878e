package cn.onego.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The composed matters, their content stored as the JSON the page sends. */
@Repository
class MatterDrafts {

	private static final String COLUMNS = """
			id, replaces, content::text AS content, state, author, reviewer, sent_back_reason, catalogue_version, version,
			created_at, updated_at""";

	private final JdbcClient jdbc;
	private final JsonMapper json;

	MatterDrafts(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(MatterDraft draft) {
		jdbc.sql("""
				INSERT INTO matter_draft (id, code, replaces, content, state, author, created_at, updated_at)
				VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(draft.id(), code(draft), draft.replaces(), json.writeValueAsString(draft.content()), draft.state().name(),
					draft.author(), Timestamp.from(draft.createdAt()), Timestamp.from(draft.updatedAt()))
			.update();
	}

	Optional<MatterDraft> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM matter_draft WHERE id = ?").param(id).query(this::draft).optional();
	}

	/** The drafts not yet published, and the latest published ones, newest first. */
	List<MatterDraft> recent(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM matter_draft ORDER BY (state = 'PUBLISHED'), updated_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query(this::draft)
			.list();
	}

	/**
	 * Stores the draft's changes if nobody stored others since it was read.
	 *
	 * @throws MatterDraft.StaleDraft when the draft's version is no longer the stored one
	 */
	void update(MatterDraft draft) {
		int updated = jdbc.sql("""
				UPDATE matter_draft SET code = ?, content = ?::jsonb, state = ?, reviewer = ?, sent_back_reason = ?,
				catalogue_version = ?, updated_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(code(draft), json.writeValueAsString(draft.content()), draft.state().name(), draft.reviewer(),
					draft.sentBackReason(), draft.catalogueVersion(), Timestamp.from(draft.updatedAt()), draft.id(),
					draft.version())
			.update();
		if (updated == 0) {
			throw new MatterDraft.StaleDraft();
		}
	}

	private static String code(MatterDraft draft) {
		return draft.content().code() == null ? "" : draft.content().code();
	}

	private MatterDraft draft(ResultSet rs, int row) throws SQLException {
		long published = rs.getLong("catalogue_version");
		Long inVersion = rs.wasNull() ? null : published;
		return new MatterDraft(rs.getObject("id", UUID.class), rs.getString("replaces"),
				json.readValue(rs.getString("content"), ComposedMatter.class), DraftState.valueOf(rs.getString("state")),
				rs.getString("author"), rs.getString("reviewer"), rs.getString("sent_back_reason"),
				inVersion, rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}
}
