package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.onego.clock.CalendarNotLoaded;
import cn.onego.clock.Calendars;
import cn.onego.clock.Deadline;
import cn.onego.clock.Deadline.Colour;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.RegionCode;

/**
 * The working-day clocks of tasks, on the calendar of the case's region: when a started task is due and turns
 * yellow, how its clock stops and runs again, its colour on a day. A day that falls in a year whose calendar is
 * not loaded yet stays empty ("待定") and never blocks a decision or gets guessed.
 */
@Component
class TaskClocks {

	private static final Logger log = LoggerFactory.getLogger(TaskClocks.class);

	static final String PENDING_CALENDAR = "待定（所涉年度的工作日历尚未导入）";

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

	WorkingDayCalendar calendar(RegionCode region) {
		return calendars.of(region);
	}

	/** A task's clock started on the day, due after its limit. */
	Task.Clock started(RegionCode region, LocalDate on, int limit) {
		WorkingDayCalendar calendar = calendars.of(region);
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
			WorkingDayCalendar calendar = calendars.of(region);
			try {
				Deadline resumed = deadline.resume(today, calendar);
				return after.withClock(Task.Clock.of(resumed, resumed.due(calendar), resumed.warnOn(calendar, warningShare)));
			}
			catch (CalendarNotLoaded notLoaded) {
				return after.withClock(Task.Clock.of(new Deadline(deadline.startedOn(), deadline.limit(), deadline.lostWorkingDays(), null),
						null, null));
			}
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
		try {
			return deadline.colour(on, calendars.of(region), warningShare);
		}
		catch (CalendarNotLoaded notLoaded) {
			return null;
		}
	}

	/** Working days used and left on the day, or null while the calendar of the year is not loaded. */
	Integer[] elapsedAndRemaining(Task t, RegionCode region, LocalDate today) {
		Deadline deadline = t.deadline();
		if (deadline == null || t.state().settled()) {
			return new Integer[] { null, null };
		}
		try {
			WorkingDayCalendar calendar = calendars.of(region);
			return new Integer[] { deadline.elapsed(today, calendar), deadline.remaining(today, calendar) };
		}
		catch (CalendarNotLoaded notLoaded) {
			return new Integer[] { null, null };
		}
	}

	/** Working days the task took until it was decided, or its limit while the calendar of the year is not loaded. */
	int handlingDays(Task t, RegionCode region, LocalDate decided) {
		Deadline deadline = t.deadline();
		int limit = t.clock().limitDays() == null ? 0 : t.clock().limitDays();
		if (deadline == null) {
			return 0;
		}
		try {
			return deadline.elapsed(decided, calendars.of(region));
		}
		catch (CalendarNotLoaded notLoaded) {
			return limit;
		}
	}

	/** The day {@code days} working days after {@code from} (at the latest), in the region; null: pending calendar. */
	LocalDate due(RegionCode region, LocalDate from, int days) {
		return due(calendars.of(region), from, days);
	}

	/**
	 * The day {@code days} working days after a start that falls on or after {@code from}; null while the year it
	 * falls in has no calendar yet (each December, before the State Council's notice), so that decisions go on and
	 * the date is set once the year is loaded, never guessed.
	 */
	static LocalDate due(WorkingDayCalendar calendar, LocalDate from, int days) {
		try {
			return calendar.plusWorkingDays(from, days);
		}
		catch (CalendarNotLoaded notLoaded) {
			log.warn("Due date {} working days after {} pending: {}", days, from, notLoaded.getMessage());
			return null;
		}
	}

	private LocalDate warnOn(WorkingDayCalendar calendar, Deadline deadline) {
		try {
			return deadline.warnOn(calendar, warningShare);
		}
		catch (CalendarNotLoaded notLoaded) {
			return null;
		}
	}

	/** How a day reads in a step of the history: the date, or pending the calendar. */
	static String dueText(LocalDate due) {
		return due == null ? PENDING_CALENDAR : due.toString();
	}
}
