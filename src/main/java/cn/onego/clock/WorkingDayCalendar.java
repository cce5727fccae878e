package cn.onego.clock;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The working days of one place: Monday to Friday, except the days off, plus the adjusted working days
 * (调休上班), for the years loaded. Immutable; the arithmetic is a pure function of it.
 * <p>
 * A day in a year whose holidays are not loaded is unknown, and the arithmetic refuses it — unless the calendar is
 * the {@linkplain #provisional() provisional} one, which counts such a year by its weekends alone. Each December a
 * case's limit can run into the next year before the State Council publishes its holidays; its due day is then
 * computed provisionally, shown as provisional, and computed again when the year is loaded.
 */
public final class WorkingDayCalendar {

	/** Whether a day is an exception to the Monday–Friday rule, and which way. */
	public enum Kind {
		OFF, WORK
	}

	private final Set<Integer> years;
	private final Map<LocalDate, Kind> exceptions;
	private final boolean weekendsAloneWhereNotLoaded;

	public WorkingDayCalendar(Set<Integer> years, Map<LocalDate, Kind> exceptions) {
		this(years, exceptions, false);
	}

	private WorkingDayCalendar(Set<Integer> years, Map<LocalDate, Kind> exceptions, boolean weekendsAloneWhereNotLoaded) {
		this.years = Set.copyOf(years);
		this.exceptions = Map.copyOf(exceptions);
		this.weekendsAloneWhereNotLoaded = weekendsAloneWhereNotLoaded;
	}

	/** The years whose holidays are loaded (a provisional calendar answers for others too, but loads none). */
	public Set<Integer> years() {
		return years;
	}

	/** Whether the holidays of the day's year are loaded, so that an answer about it is final. */
	public boolean loaded(LocalDate day) {
		return years.contains(day.getYear());
	}

	/** The same calendar, counting a year whose holidays are not loaded by its weekends alone. */
	public WorkingDayCalendar provisional() {
		return weekendsAloneWhereNotLoaded ? this : new WorkingDayCalendar(years, exceptions, true);
	}

	/** The calendar as it was before the year was loaded: what a provisional answer given then was computed on. */
	public WorkingDayCalendar without(int year) {
		Set<Integer> fewer = new java.util.HashSet<>(years);
		fewer.remove(year);
		return new WorkingDayCalendar(fewer, exceptions, weekendsAloneWhereNotLoaded);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (!loaded(day) && weekendsAloneWhereNotLoaded) {
			return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}
		requireLoaded(day);
		Kind exception = exceptions.get(day);
		if (exception != null) {
			return exception == Kind.WORK;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/**
	 * The day on which {@code workingDays} working days after {@code start} have passed: counting starts
	 * the day after {@code start}. Zero working days is {@code start} itself (on-the-spot items).
	 */
	public LocalDate plusWorkingDays(LocalDate start, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("working days cannot be negative: " + workingDays);
		}
		requireLoaded(start);
		LocalDate day = start;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * The working days after {@code from} up to and including {@code to}; negative when {@code to} is
	 * before {@code from}. Thus {@code between(d, plusWorkingDays(d, n)) == n}.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		requireLoaded(from);
		requireLoaded(to);
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/** How many working days a loaded year has (248 in 2025 and 2026). */
	public int workingDaysIn(int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		return workingDaysBetween(first, LocalDate.of(year, 12, 31)) + (isWorkingDay(first) ? 1 : 0);
	}

	private void requireLoaded(LocalDate day) {
		if (!years.contains(day.getYear()) && !weekendsAloneWhereNotLoaded) {
			throw new CalendarNotLoaded(day.getYear(), years);
		}
	}
}
