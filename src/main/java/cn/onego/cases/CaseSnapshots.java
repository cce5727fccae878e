package cn.onego.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Many cases with their tasks, read in one statement: for the modules that work through batches of cases (the
 * documents' worker) and would otherwise read each case once for every thing they make of it. Callers check who may
 * see what they make.
 */
@Service
public class CaseSnapshots {

	/**
	 * A case and its tasks as they were read together, with the query code printed on its receipt (null for a case
	 * opened before codes existed: {@link CaseQueries#queryCode} makes it).
	 */
	public record CaseWithTasks(CaseFile caseFile, List<Task> tasks, String queryCode) {

		public CaseWithTasks {
			tasks = List.copyOf(tasks);
		}

		public Optional<Task> task(TaskId id) {
			return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
		}
	}

	private final JdbcClient jdbc;
	private final CaseRows rows;

	CaseSnapshots(JdbcClient jdbc, CaseRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** The cases found among {@code ids}, with their tasks; a case not found is not in the map. */
	public Map<CaseId, CaseWithTasks> read(Collection<CaseId> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, CaseFile> found = new LinkedHashMap<>();
		Map<UUID, String> codes = new HashMap<>();
		Map<UUID, List<Task>> tasks = new HashMap<>();
		jdbc.sql("SELECT " + CaseRows.JOINED + ", c.query_code AS c_query_code FROM case_file c LEFT JOIN case_task t ON t.case_id = c.id"
				+ " WHERE c.id = ANY (?) ORDER BY c.id, t.started_on NULLS LAST, t.item")
			.param(ids.stream().map(CaseId::value).distinct().toArray(UUID[]::new))
			.query(rs -> {
				CaseFile c = found.get(rs.getObject("id", UUID.class));
				if (c == null) {
					c = rows.caseFile(rs, 0);
					found.put(c.id().value(), c);
					codes.put(c.id().value(), rs.getString("c_query_code"));
				}
				Task task = rows.joinedTask(rs);
				if (task != null) {
					tasks.computeIfAbsent(c.id().value(), id -> new ArrayList<>()).add(task);
				}
			});
		Map<CaseId, CaseWithTasks> read = new LinkedHashMap<>();
		found.forEach((id, c) -> read.put(c.id(), new CaseWithTasks(c, tasks.getOrDefault(id, List.of()), codes.get(id))));
		return read;
	}
}
