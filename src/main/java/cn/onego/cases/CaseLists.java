package cn.onego.cases;

import java.time.LocalDate;
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
	 * A department's queue, oldest due first, filtered by state, latest due date, matter and the search (the case's
	 * submission read from its row by primary key: the department's index still chooses the rows).
	 */
	List<Queued> queue(String department, TaskState state, LocalDate dueBy, String matter, QueueSearch search,
			java.time.ZoneId zone, int limit) {
		return jdbc.sql("""
				SELECT t.*, f.hall AS case_hall, f.accepting_region AS case_accepting_region
				FROM case_task t JOIN case_file f ON f.id = t.case_id
				WHERE t.department = ? AND (?::text IS NULL OR t.state = ?) AND (?::date IS NULL OR t.due_on <= ?)
				  AND (?::text IS NULL OR t.matter = ?)
				  AND t.state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED')
				  AND (?::text IS NULL OR t.case_number LIKE ?) AND (?::text IS NULL OR t.applicant_name ILIKE ?)
				  AND (?::timestamptz IS NULL OR f.submitted_at >= ?) AND (?::timestamptz IS NULL OR f.submitted_at < ?)
				ORDER BY t.due_on NULLS LAST, t.started_on LIMIT ?""")
			.params(department, state == null ? null : state.name(), state == null ? null : state.name(), dueBy, dueBy, matter,
					matter, search.numberPattern(), search.numberPattern(), search.applicantPattern(), search.applicantPattern(),
					search.submittedFrom(zone), search.submittedFrom(zone), search.submittedBefore(zone),
					search.submittedBefore(zone), limit)
			.query((rs, n) -> new Queued(rows.task(rs, n), rs.getString("case_number"), rs.getString("matter"),
					rs.getString("applicant_name"), HallCode.of(rs.getString("case_hall")), rs.getString("case_accepting_region") != null))
			.list();
	}
}
