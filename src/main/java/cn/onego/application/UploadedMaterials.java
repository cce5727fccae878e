package cn.onego.application;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which materials applicants really uploaded with their applications — the materials an application carries a file
 * for — for the measured reduction metrics. Counts only: no file, no applicant, nothing personal leaves the module.
 */
@Service
public class UploadedMaterials {

	private final JdbcClient jdbc;

	UploadedMaterials(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The codes of the materials uploaded with each of the applications found; an application not found is absent. */
	public Map<UUID, Set<String>> of(Collection<UUID> applications) {
		Map<UUID, Set<String>> uploaded = new HashMap<>();
		if (applications.isEmpty()) {
			return uploaded;
		}
		jdbc.sql("""
				SELECT id, ARRAY(SELECT jsonb_object_keys(CASE WHEN jsonb_typeof(materials -> 'attachments') = 'object'
				    THEN materials -> 'attachments' ELSE '{}'::jsonb END))
				FROM application WHERE id = ANY (?)""")
			.param(applications.toArray(UUID[]::new))
			.query(rs -> {
				Array codes = rs.getArray(2);
				uploaded.put(rs.getObject(1, UUID.class), Set.of((String[]) codes.getArray()));
			});
		return uploaded;
	}
}
