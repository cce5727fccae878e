package cn.onego.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lists staff and applicants page through: a hall's cases, a department's queue of tasks, the applicant's own
 * cases. Apart from {@link Cases}, which reads and saves one case whole, because a list reads many rows by an index
 * and only what a row of the list shows — each query here is shaped by the index it uses.
 */
@Repository
class CaseLists {

	private final JdbcClient jdbc;
	private final CaseRows rows;

	CaseLists(JdbcClient jdbc, CaseRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** A hall's cases of a state (any when null) that match the search, oldest first; uses (hall, state, submitted_at). */
	List<CaseFile> ofHall(HallCode hall, CaseState state, QueueSearch search, java.time.ZoneId zone, int limit) {
		return jdbc.sql("""
				SELECT * FROM case_file WHERE hall = ? AND (?::text IS NULL OR state = ?)
				  AND (?::text IS NULL OR number LIKE ?) AND (?::text IS NULL OR applicant_name ILIKE ?)
				  AND (?::timestamptz IS NULL OR submitted_at >= ?) AND (?::timestamptz IS NULL OR submitted_at < ?)
				ORDER BY submitted_at LIMIT ?""")
			.params(hall.value(), state == null ? null : state.name(), state == null ? null : state.name(),
					search.numberPattern(), search.numberPattern(), search.applicantPattern(), search.applicantPattern(),
					search.submittedFrom(zone), search.submittedFrom(zone), search.submittedBefore(zone),
					search.submittedBefore(zone), limit)
			.query(rows::caseFile)
			.list();
	}

	List<CaseFile> ofApplicant(String applicantId, String username, int limit) {
		return jdbc.sql("""
				SELECT * FROM case_file WHERE applicant_id_index = ? OR applicant_username = ? ORDER BY submitted_at DESC LIMIT ?""")
			.params(rows.applicantIndex(applicantId), username, limit)
			.query(rows::caseFile)
			.list();
	}

	/** A task in a department's queue with what its row shows of the case. */
	record Queued(Task task, String caseNumber, String matter, String applicantName, HallCode caseHall, boolean crossRegion) {
	}

	/**
	 * A department's queue, oldest due first, filtered by state, latest due date, matter and the search: one range of
	 * {@code queued_task} (V70), which holds the queued tasks whole with their cases' facts. Only the filters asked for
	 * are in the statement, so that one asking for a state is planned on the index that has the state after the
	 * department, in order, and one asking for none on the department's own.
	 */
	List<Queued> queue(String department, TaskState state, LocalDate dueBy, String matter, QueueSearch search,
			java.time.ZoneId zone, int limit) {
		QueueStatement queue = QueueStatement.of(department, state, dueBy, matter, search, zone, limit);
		return jdbc.sql(queue.sql())
			.params(queue.params())
			.query((rs, n) -> new Queued(rows.task(rs, n), rs.getString("case_number"), rs.getString("matter"),
					rs.getString("applicant_name"), HallCode.of(rs.getString("case_hall")), rs.getBoolean("cross_region")))
			.list();
	}

	/** The statement of a department's queue with the filters asked for, and its parameters in order. */
	record QueueStatement(String sql, List<Object> params) {

		static QueueStatement of(String department, TaskState state, LocalDate dueBy, String matter, QueueSearch search,
				java.time.ZoneId zone, int limit) {
			StringBuilder where = new StringBuilder("department = ?");
			List<Object> params = new ArrayList<>(List.of(department));
			filter(where, params, " AND state = ?", state == null ? null : state.name());
			filter(where, params, " AND due_on <= ?", dueBy);
			filter(where, params, " AND matter = ?", matter);
			filter(where, params, " AND case_number LIKE ?", search.numberPattern());
			filter(where, params, " AND applicant_name ILIKE ?", search.applicantPattern());
			filter(where, params, " AND submitted_at >= ?", search.submittedFrom(zone));
			filter(where, params, " AND submitted_at < ?", search.submittedBefore(zone));
			params.add(limit);
			return new QueueStatement("SELECT * FROM queued_task WHERE " + where + " ORDER BY due_on NULLS LAST, started_on, id LIMIT ?",
					List.copyOf(params));
		}
	}

	private static void filter(StringBuilder where, List<Object> params, String condition, Object value) {
		if (value != null) {
			where.append(condition);
			params.add(value);
		}
	}
}
