package cn.onego.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

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
 * Keeps the daily aggregates up to date from the cases' events. The event's key is claimed first, in
 * the same transaction as the counts, so a redelivered event is not counted twice.
 */
@Component
class Aggregates {

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

	@ApplicationModuleListener
	void on(CaseEvent event) {
		if (jdbc.sql("INSERT INTO supervision_processed (event_key) VALUES (?) ON CONFLICT DO NOTHING").param("supervision:" + event.key())
			.update() == 0) {
			return;
		}
		CaseFile c = cases.caseFile(event.caseId());
		if (event instanceof CaseEvents.CaseOpened) {
			countCase(day(c.submittedAt()), c, "submitted");
		}
		else if (event instanceof CaseEvents.CaseAccepted) {
			countCase(day(c.acceptedAt()), c, "accepted");
		}
		else if (event instanceof CaseEvents.CaseNotAccepted) {
			countCase(day(c.closedAt()), c, "not_accepted");
		}
		else if (event instanceof CaseEvents.CaseIssued) {
			countCase(day(c.closedAt()), c, "issued");
		}
		else if (event instanceof CaseEvents.CaseRefused) {
			countCase(day(c.closedAt()), c, "refused");
		}
		else if (event instanceof CaseEvents.TaskDecided decided) {
			countTask(c, cases.task(decided.taskId()));
		}
	}

	private void countCase(LocalDate day, CaseFile c, String column) {
		jdbc.sql("""
				INSERT INTO supervision_case_day (day, region, hall, matter, channel, %1$s) VALUES (?, ?, ?, ?, ?, 1)
				ON CONFLICT (day, region, hall, matter, channel) DO UPDATE SET %1$s = supervision_case_day.%1$s + 1""".formatted(column))
			.params(day, c.region(), c.hall(), c.matter(), c.channel())
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
				INSERT INTO supervision_task_day (day, region, hall, department, matter, channel, decided, on_time, late,
				    late_on_critical_path, handling_days, limit_days)
				VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)
				ON CONFLICT (day, region, hall, department, matter, channel) DO UPDATE SET
				    decided = supervision_task_day.decided + 1, on_time = supervision_task_day.on_time + excluded.on_time,
				    late = supervision_task_day.late + excluded.late,
				    late_on_critical_path = supervision_task_day.late_on_critical_path + excluded.late_on_critical_path,
				    handling_days = supervision_task_day.handling_days + excluded.handling_days,
				    limit_days = supervision_task_day.limit_days + excluded.limit_days""")
			.params(decided, c.region(), c.hall(), t.department(), c.matter(), c.channel(), late ? 0 : 1, late ? 1 : 0,
					critical ? 1 : 0, handling, limit)
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
