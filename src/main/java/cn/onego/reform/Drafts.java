package cn.onego.reform;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.shared.RegionCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The stored drafts (V63). */
@Repository
class Drafts {

	private static final TypeReference<List<Operation>> OPERATIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final ObjectMapper json = new ObjectMapper();

	Drafts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(Draft draft) {
		jdbc.sql("INSERT INTO reform_draft (id, name, region, author, operations, created_at) VALUES (?, ?, ?, ?, ?::jsonb, ?)")
			.params(draft.id(), draft.name(), draft.region(), draft.author(), json.writeValueAsString(draft.operations()),
					Timestamp.from(draft.createdAt()))
			.update();
	}

	Optional<Draft> find(UUID id) {
		return jdbc.sql("SELECT * FROM reform_draft WHERE id = ?").param(id).query(this::row).optional();
	}

	/** The latest drafts of the region and the regions below it (all regions for {@code null}). */
	List<Draft> within(RegionCode region, int limit) {
		return jdbc.sql("SELECT * FROM reform_draft WHERE region LIKE ? ORDER BY created_at DESC LIMIT " + limit)
			.param(region == null ? "%" : region.prefix() + "%")
			.query(this::row)
			.list();
	}

	private Draft row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Draft(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("region"), rs.getString("author"),
				json.readValue(rs.getString("operations"), OPERATIONS), rs.getTimestamp("created_at").toInstant());
	}
}
