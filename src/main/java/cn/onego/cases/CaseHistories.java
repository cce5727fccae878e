package cn.onego.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.shared.Label;

/**
 * Cases' histories as stored: a case's steps with the deadline scan's, and who took a kind of step in many cases at
 * once. What a step says is read back into its message ({@link StepMessage}); how it is shown is {@link HistoryLines}'.
 */
@Repository
class CaseHistories {

	private final JdbcClient jdbc;
	private final CaseRows rows;

	CaseHistories(JdbcClient jdbc, CaseRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/**
	 * One step of the case's history, as shown: who took it by name (and by username on staff's pages only), and
	 * what it says as a sentence in Chinese and English.
	 */
	record HistoryStep(long id, UUID caseId, UUID taskId, Instant at, String actor, Label actorName, String action, String from,
			String to, Label detail) {
	}

	/** One step as stored: what it says as a message (null for steps written before messages, which kept a text). */
	record HistoryRow(long id, UUID caseId, UUID taskId, Instant at, String actor, String action, String from, String to,
			String detail, StepMessage message) {
	}

	/** The actor of each case's latest step of the action, not a task's (the deadline scan's steps are never one). */
	Map<CaseId, String> lastActors(Collection<CaseId> caseIds, String action) {
		Map<CaseId, String> found = new HashMap<>();
		if (caseIds.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT DISTINCT ON (case_id) case_id, actor FROM case_history
				WHERE case_id = ANY (?) AND action = ? AND task_id IS NULL ORDER BY case_id, id DESC""")
			.params(caseIds.stream().map(CaseId::value).distinct().toArray(UUID[]::new), action)
			.query(rs -> {
				if (rs.getString(2) != null) {
					found.put(CaseId.of(rs.getObject(1, UUID.class)), rs.getString(2));
				}
			});
		return found;
	}

	/** The case's timeline: its steps and the deadline scan's (V69), in the order of their common sequence. */
	List<HistoryRow> history(CaseId caseId) {
		return jdbc.sql("""
				SELECT id, case_id, task_id, at, actor, action, from_state, to_state, detail, message
				FROM case_history WHERE case_id = ?
				UNION ALL
				SELECT id, case_id, task_id, at, 'system', action, NULL, NULL, NULL, message
				FROM case_deadline_step WHERE case_id = ?
				ORDER BY id""")
			.params(caseId.value(), caseId.value())
			.query((rs, n) -> new HistoryRow(rs.getLong("id"), rs.getObject("case_id", UUID.class),
					rs.getObject("task_id", UUID.class), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
					rs.getString("from_state"), rs.getString("to_state"), rs.getString("detail"), message(rs.getString("message"))))
			.list();
	}

	private StepMessage message(String json) {
		try {
			return rows.read(json, StepMessage.class);
		}
		catch (RuntimeException unknown) {
			return null; // a key this version does not know: the step shows its action alone
		}
	}
}
