package cn.onego.clock;

import java.time.LocalDate;

/**
 * A time limit in working days running from a start, stopped while the applicant is asked for more or
 * a special procedure runs. Pure: every answer is a function of the calendar and the day asked about.
 *
 * @param startedOn the day the clock started; the limit runs from the day after it (期间开始之日不计算在内), so a
 *        start on a Sunday or a holiday counts its first working day as day one — the same answer as the calendar
 *        API's {@code working-days/after} for the same start
 * @param limit the promised limit in working days (0: on the spot, due the same day)
 * @param lostWorkingDays working days lost to pauses that ended
 * @param pausedOn the day the current pause began, or null while the clock runs
 */
public record Deadline(LocalDate startedOn, int limit, int lostWorkingDays, LocalDate pausedOn) {

	/** The colours of supervision: on time, close to the limit, over it. */
	public enum Colour {
		GREEN, YELLOW, RED
	}

	public static Deadline start(LocalDate on, int limit) {
		return new Deadline(on, limit, 0, null);
	}

	public boolean paused() {
		return pausedOn != null;
	}

	public Deadline pause(LocalDate on) {
		return paused() ? this : new Deadline(startedOn, limit, lostWorkingDays, on);
	}

	/** Ends the pause: the working days after the pause began, up to and including today, are lost. */
	public Deadline resume(LocalDate on, WorkingDayCalendar calendar) {
		if (!paused()) {
			return this;
		}
		int lost = Math.max(0, calendar.workingDaysBetween(pausedOn, on));
		return new Deadline(startedOn, limit, lostWorkingDays + lost, null);
	}

	/** The due day: {@code limit} working days after the start, plus the days lost. */
	public LocalDate due(WorkingDayCalendar calendar) {
		return calendar.plusWorkingDays(startedOn, limit + lostWorkingDays);
	}

	/** The day the warning (yellow) begins: when the remaining working days fall to {@code share} of the limit. */
	public LocalDate warnOn(WorkingDayCalendar calendar, double share) {
		int threshold = (int) Math.ceil(limit * share);
		return calendar.plusWorkingDays(startedOn, Math.max(0, limit - threshold) + lostWorkingDays);
	}

	/** Working days used so far, pauses excluded. */
	public int elapsed(LocalDate today, WorkingDayCalendar calendar) {
		LocalDate until = paused() ? pausedOn : today;
		return Math.max(0, calendar.workingDaysBetween(startedOn, until) - lostWorkingDays);
	}

	/** Working days left; negative when over the limit. */
	public int remaining(LocalDate today, WorkingDayCalendar calendar) {
		return limit - elapsed(today, calendar);
	}

	public Colour colour(LocalDate today, WorkingDayCalendar calendar, double share) {
		if (today.isAfter(due(calendar))) {
			return Colour.RED;
		}
		return !today.isBefore(warnOn(calendar, share)) ? Colour.YELLOW : Colour.GREEN;
	}
}
