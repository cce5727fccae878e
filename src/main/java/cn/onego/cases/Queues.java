package cn.onego.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;

/**
 * The work waiting: a hall's queue for its clerks, a department's queue for its reviewers, the applicant's own
 * cases, and the counts of every queue for the operators. Behind {@link CaseQueries}, apart from the case's page,
 * because a queue is read many rows at a time and must stay one query however long it is.
 */
@Service
class Queues {

	private final CaseLists lists;
	private final CaseAccess access;
	private final CatalogQueries catalog;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Halls halls;
	private final TaskViews taskViews;

	Queues(CaseLists lists, CaseAccess access, CatalogQueries catalog, JdbcClient jdbc, Clock clock, Halls halls, TaskViews taskViews) {
		this.lists = lists;
		this.access = access;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.clock = clock;
		this.halls = halls;
		this.taskViews = taskViews;
	}

	/**
	 * The work waiting in every hall's and department's queue now, for the operators' gauges (no actor: counts
	 * only, no case is revealed). A running task's colour is its open deadline's.
	 */
	Workload workload() {
		List<Workload.HallQueue> halls = jdbc.sql("""
				SELECT hall, state, count(*) FROM case_file
				WHERE state IN ('AWAITING_ACCEPTANCE', 'AWAITING_SUPPLEMENT', 'READY') GROUP BY hall, state""")
			.query((rs, n) -> new Workload.HallQueue(rs.getString(1), CaseState.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
		List<Workload.DepartmentQueue> departments = jdbc.sql("""
				SELECT t.department, t.state, coalesce(d.colour, 'GREEN'), count(*)
				FROM case_task t LEFT JOIN open_deadline d ON d.task_id = t.id
				WHERE t.state IN ('PENDING', 'CLAIMED') GROUP BY 1, 2, 3""")
			.query((rs, n) -> new Workload.DepartmentQueue(rs.getString(1), TaskState.valueOf(rs.getString(2)), rs.getString(3),
					rs.getLong(4)))
			.list();
		return new Workload(halls, departments);
	}

	/** The queue of the clerk's own hall, oldest first. */
	List<CaseSummary> hallQueue(Actor clerk, CaseState state, QueueSearch search) {
		if (!clerk.has(Role.WINDOW_CLERK) || clerk.hall() == null) {
			throw new CaseProblems.NotYours("大厅队列");
		}
		return lists.ofHall(HallCode.of(clerk.hall()), state, search, clock.getZone(), 500).stream().map(c -> CaseSummary.of(c, halls)).toList();
	}

	List<CaseQueries.QueueEntry> departmentQueue(Actor reviewer, String department, TaskState state, LocalDate dueBy, String matter,
			QueueSearch search) {
		access.requireQueue(reviewer, department);
		Catalogue catalogue = catalog.catalogue();
		return lists.queue(department, state, dueBy, matter, search, clock.getZone(), 500).stream().map(q -> {
			CaseQueries.TaskView v = taskViews.view(catalogue, q.task());
			return new CaseQueries.QueueEntry(v.task(), v.itemName(), v.departmentName(), v.elapsedWorkingDays(), v.remainingWorkingDays(),
					v.colour(), q.caseNumber(), q.matter(), catalogue.matter(q.matter()).map(m -> m.name()).orElse(null),
					q.applicantName(), v.dueProvisional(), v.departmentNameEn(),
					q.crossRegion() ? halls.view(q.caseHall(), catalogue).name() : null);
		}).toList();
	}

	/** The cases of the applicant and those they filed for others, newest first. */
	List<CaseSummary> mine(Actor applicant) {
		return lists.ofApplicant(applicant.idNumber() == null ? "" : applicant.idNumber(), applicant.username(), 200)
			.stream()
			.map(c -> CaseSummary.of(c, halls))
			.toList();
	}
}
