package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.onego.clock.Calendars;
import cn.onego.clock.Deadline;
import cn.onego.clock.Deadline.Colour;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.RegionCode;

/**
 * The working-day clocks of tasks, on the calendar of the case's region: when a started task is due and turns
 * yellow, how its clock stops and runs again, its colour on a day. A limit that runs into a year whose holidays
 * are not loaded yet (each December, before the State Council's notice) is counted on that year's weekends alone:
 * its day is provisional ({@link #provisional}), shown as such, and computed again when the year is loaded
 * ({@link ProvisionalDueDays}). Nothing is blocked, nothing is left without a date.
 */
@Component
class TaskClocks {


	static final String PROVISIONAL = "（暂定：该年度节假日安排尚未公布，按周末推算）";

	private final Calendars calendars;
	private final Clock clock;
	private final double warningShare;

	TaskClocks(Calendars calendars, Clock clock, @Value("${onego.clock.warning-share:0.2}") double warningShare) {
		this.calendars = calendars;
		this.clock = clock;
		this.warningShare = warningShare;
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, clock.getZone());
	}

	/** The region's calendar, counting a year not loaded yet by its weekends alone. */
	WorkingDayCalendar calendar(RegionCode region) {
		return calendars.of(region).provisional();
	}

	/** Whether a day computed for the region is provisional: its year's holidays are not loaded yet. */
	boolean provisional(RegionCode region, LocalDate day) {
		return day != null && !calendars.of(region).loaded(day);
	}

	/** A task's clock started on the day, due after its limit. */
	Task.Clock started(RegionCode region, LocalDate on, int limit) {
		WorkingDayCalendar calendar = calendar(region);
		Deadline deadline = Deadline.start(on, limit);
		return Task.Clock.of(deadline, due(calendar, on, limit), warnOn(calendar, deadline));
	}

	/**
	 * The task's clock after a transition: it stops when the task starts waiting for the applicant or a special
	 * procedure, and when it runs again the working days lost move the due day.
	 */
	Task clocked(Task before, Task after, RegionCode region, LocalDate today) {
		Deadline deadline = before.deadline();
		if (deadline == null) {
			return after;
		}
		boolean stops = !after.state().running() && !after.state().settled();
		boolean runsAgain = !before.state().running() && !before.state().settled() && after.state().running();
		if (stops) {
			return after.withClock(Task.Clock.of(deadline.pause(today), after.clock().dueOn(), after.clock().warnOn()));
		}
		if (runsAgain) {
			WorkingDayCalendar calendar = calendar(region);
			Deadline resumed = deadline.resume(today, calendar);
			return after.withClock(Task.Clock.of(resumed, resumed.due(calendar), resumed.warnOn(calendar, warningShare)));
		}
		return after;
	}

	/**
	 * The task's colour on the day: while it runs, as its deadline says; while it waits, as it was when its clock
	 * stopped; once settled, as it was when decided. Null while the calendar of the year is not loaded.
	 */
	Colour colour(Task t, RegionCode region, LocalDate today) {
		Deadline deadline = t.deadline();
		if (deadline == null) {
			return null;
		}
		LocalDate on = t.state().settled() && t.outcome().decidedAt() != null ? day(t.outcome().decidedAt())
				: deadline.paused() ? deadline.pausedOn() : today;
		return deadline.colour(on, calendar(region), warningShare);
	}

	/** Working days used and left on the day (provisional in a year not loaded yet); null for a settled task. */
	Integer[] elapsedAndRemaining(Task t, RegionCode region, LocalDate today) {
		Deadline deadline = t.deadline();
		if (deadline == null || t.state().settled()) {
			return new Integer[] { null, null };
		}
		WorkingDayCalendar calendar = calendar(region);
		return new Integer[] { deadline.elapsed(today, calendar), deadline.remaining(today, calendar) };
	}

	/** Working days the task took until it was decided. */
	int handlingDays(Task t, RegionCode region, LocalDate decided) {
		Deadline deadline = t.deadline();
		return deadline == null ? 0 : deadline.elapsed(decided, calendar(region));
	}

	/** The day {@code days} working days after {@code from}, in the region; provisional in a year not loaded yet. */
	LocalDate due(RegionCode region, LocalDate from, int days) {
		return due(calendar(region), from, days);
	}

	/** The day {@code days} working days after {@code from}: the limit runs from the day after it. */
	static LocalDate due(WorkingDayCalendar calendar, LocalDate from, int days) {
		return calendar.plusWorkingDays(from, days);
	}

	LocalDate warnOn(WorkingDayCalendar calendar, Deadline deadline) {
		return deadline.warnOn(calendar, warningShare);
	}

	/** How a due day reads in a step of the history: the date, marked when it is provisional. */
	String dueText(RegionCode region, LocalDate due) {
		return due + (provisional(region, due) ? PROVISIONAL : "");
	}
}
