package cn.onego.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.application.CriticalPath;
import cn.onego.cases.CaseEvents;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.Task;
import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Calendars;
import cn.onego.clock.CalendarNotLoaded;
import cn.onego.clock.Deadline;
import cn.onego.shared.RegionCode;

/**
 * Keeps the daily aggregates up to date from the cases' events. Each event's contribution is appended to
 * {@code supervision_delta} in the transaction of the transition that published it (so it counts exactly
 * once, and costs no commit and no event publication of its own); {@link #fold()} adds the deltas to the
 * daily aggregates in batches, on one node at a time.
 */
@Component
class Aggregates {

	private static final long FOLD_LOCK = 4242003;

	private final JdbcClient jdbc;
	private final CaseQueries cases;
	private final CatalogQueries catalog;
	private final Calendars calendars;
	private final Clock clock;

	Aggregates(JdbcClient jdbc, CaseQueries cases, CatalogQueries catalog, Calendars calendars, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.catalog = catalog;
		this.calendars = calendars;
		this.clock = clock;
	}

	/** Runs inside the publishing transition's transaction: the delta commits or rolls back with it. */
	@EventListener
	void on(CaseEvent event) {
		if (event instanceof CaseEvents.TaskDecided decided) {
			countTask(cases.caseFile(event.caseId()), cases.task(decided.taskId()));
			return;
		}
		String kind = event instanceof CaseEvents.CaseOpened ? "submitted"
				: event instanceof CaseEvents.CaseAccepted ? "accepted"
				: event instanceof CaseEvents.CaseNotAccepted ? "not_accepted"
				: event instanceof CaseEvents.CaseIssued ? "issued"
				: event instanceof CaseEvents.CaseRefused ? "refused" : null;
		if (kind == null) {
			return; // not counted (supplement requests, ready cases, overdue gaps, revocations): no read either
		}
		CaseFile c = cases.caseFile(event.caseId());
		Instant at = switch (kind) {
			case "submitted" -> c.submittedAt();
			case "accepted" -> c.acceptedAt();
			default -> c.closedAt();
		};
		countCase(day(at), c, kind);
	}

	/**
	 * Adds the waiting deltas to the daily aggregates, a batch per transaction. One node folds at a time
	 * (an advisory lock), so two folds never lock the same aggregate rows in different orders.
	 *
	 * @return the number of deltas folded
	 */
	@Scheduled(fixedDelayString = "${onego.supervision.fold-interval:1s}", initialDelayString = "${onego.supervision.fold-interval:1s}")
	@Transactional
	int fold() {
		if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(FOLD_LOCK).query(Boolean.class).single()) {
			return 0;
		}
		return jdbc.sql("""
				WITH batch AS (
				    DELETE FROM supervision_delta WHERE id IN (SELECT id FROM supervision_delta ORDER BY id LIMIT 20000)
				    RETURNING *
				), case_counts AS (
				    INSERT INTO supervision_case_day (day, region, hall, matter, channel, submitted, accepted, not_accepted, issued, refused)
				    SELECT day, region, hall, matter, channel,
				           count(*) FILTER (WHERE kind = 'submitted'), count(*) FILTER (WHERE kind = 'accepted'),
				           count(*) FILTER (WHERE kind = 'not_accepted'), count(*) FILTER (WHERE kind = 'issued'),
				           count(*) FILTER (WHERE kind = 'refused')
				    FROM batch WHERE kind <> 'decided'
				    GROUP BY day, region, hall, matter, channel
				    ON CONFLICT (day, region, hall, matter, channel) DO UPDATE SET
				        submitted = supervision_case_day.submitted + excluded.submitted,
				        accepted = supervision_case_day.accepted + excluded.accepted,
				        not_accepted = supervision_case_day.not_accepted + excluded.not_accepted,
				        issued = supervision_case_day.issued + excluded.issued,
				        refused = supervision_case_day.refused + excluded.refused
				), task_counts AS (
				    INSERT INTO supervision_task_day (day, region, hall, department, matter, channel, decided, on_time, late,
				        late_on_critical_path, handling_days, limit_days)
				    SELECT day, region, hall, department, matter, channel, count(*), count(*) FILTER (WHERE NOT late),
				           count(*) FILTER (WHERE late), count(*) FILTER (WHERE late_on_critical_path), sum(handling_days), sum(limit_days)
				    FROM batch WHERE kind = 'decided'
				    GROUP BY day, region, hall, department, matter, channel
				    ON CONFLICT (day, region, hall, department, matter, channel) DO UPDATE SET
				        decided = supervision_task_day.decided + excluded.decided,
				        on_time = supervision_task_day.on_time + excluded.on_time,
				        late = supervision_task_day.late + excluded.late,
				        late_on_critical_path = supervision_task_day.late_on_critical_path + excluded.late_on_critical_path,
				        handling_days = supervision_task_day.handling_days + excluded.handling_days,
				        limit_days = supervision_task_day.limit_days + excluded.limit_days
				), department_counts AS (
				    INSERT INTO supervision_department_day (day, region, department, decided, on_time, late, late_on_critical_path,
				        handling_days, limit_days)
				    SELECT day, region, department, count(*), count(*) FILTER (WHERE NOT late), count(*) FILTER (WHERE late),
				           count(*) FILTER (WHERE late_on_critical_path), sum(handling_days), sum(limit_days)
				    FROM batch WHERE kind = 'decided'
				    GROUP BY day, region, department
				    ON CONFLICT (day, region, department) DO UPDATE SET
				        decided = supervision_department_day.decided + excluded.decided,
				        on_time = supervision_department_day.on_time + excluded.on_time,
				        late = supervision_department_day.late + excluded.late,
				        late_on_critical_path = supervision_department_day.late_on_critical_path + excluded.late_on_critical_path,
				        handling_days = supervision_department_day.handling_days + excluded.handling_days,
				        limit_days = supervision_department_day.limit_days + excluded.limit_days
				)
				SELECT count(*) FROM batch""").query(Integer.class).single();
	}

	private void countCase(LocalDate day, CaseFile c, String kind) {
		jdbc.sql("INSERT INTO supervision_delta (kind, day, region, hall, matter, channel) VALUES (?, ?, ?, ?, ?, ?)")
			.params(kind, day, c.region(), c.hall(), c.matter(), c.channel())
			.update();
	}

	/** One decided task: on time or late, its handling time in working days, and whether it was late on the critical path. */
	private void countTask(CaseFile c, Task t) {
		LocalDate decided = day(t.decidedAt());
		boolean late = t.dueOn() != null && decided.isAfter(t.dueOn());
		Deadline deadline = t.deadline();
		int handling = 0;
		int limit = t.limitDays() == null ? 0 : t.limitDays();
		if (deadline != null) {
			try {
				handling = deadline.elapsed(decided, calendars.of(RegionCode.of(c.region())));
			}
			catch (CalendarNotLoaded notLoaded) {
				handling = limit;
			}
		}
		boolean critical = late && onCriticalPath(c, t);
		jdbc.sql("""
				INSERT INTO supervision_delta (kind, day, region, hall, department, matter, channel, late, late_on_critical_path,
				    handling_days, limit_days)
				VALUES ('decided', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(decided, c.region(), c.hall(), t.department(), c.matter(), c.channel(), late, critical, handling, limit)
			.update();
	}

	/** Whether the task's item lies on the longest chain of promised limits through the case's tasks. */
	private boolean onCriticalPath(CaseFile c, Task t) {
		List<Task> tasks = cases.tasksOf(c.id());
		var catalogue = catalog.catalogue();
		var path = CriticalPath.of(tasks.stream().map(Task::item).toList(),
				item -> tasks.stream().filter(x -> x.item().equals(item)).findFirst().map(Task::prerequisites).orElse(List.of()),
				item -> catalogue.item(item).map(i -> i.promisedLimit()).orElse(0));
		return path.nodes().contains(t.item());
	}

	private LocalDate day(Instant at) {
		return LocalDate.ofInstant(at == null ? clock.instant() : at, clock.getZone());
	}
}
