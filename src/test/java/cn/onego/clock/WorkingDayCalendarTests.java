package cn.onego.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.onego.clock.WorkingDayCalendar.Kind;

/** Working-day arithmetic on the official 2025 and 2026 calendars (reference-facts.md §5). */
public class WorkingDayCalendarTests {

	static final WorkingDayCalendar OFFICIAL = official();

	/** The calendar as the machine-readable form of §5.3 gives it. */
	public static WorkingDayCalendar official() {
		Map<LocalDate, Kind> days = new HashMap<>();
		String[] off = { "2025-01-01..2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06",
				"2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08", "2026-01-01..2026-01-03",
				"2026-02-15..2026-02-23", "2026-04-04..2026-04-06", "2026-05-01..2026-05-05", "2026-06-19..2026-06-21",
				"2026-09-25..2026-09-27", "2026-10-01..2026-10-07" };
		for (String range : off) {
			String[] ends = range.split("\\.\\.");
			for (LocalDate d = LocalDate.parse(ends[0]); !d.isAfter(LocalDate.parse(ends[1])); d = d.plusDays(1)) {
				days.put(d, Kind.OFF);
			}
		}
		for (String work : new String[] { "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
				"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" }) {
			days.put(LocalDate.parse(work), Kind.WORK);
		}
		return new WorkingDayCalendar(Set.of(2025, 2026), days);
	}

	@Test
	void countsTwoHundredFortyEightWorkingDaysInEachYear() {
		assertThat(OFFICIAL.workingDaysIn(2025)).isEqualTo(248);
		assertThat(OFFICIAL.workingDaysIn(2026)).isEqualTo(248);
	}

	@Test
	void landsFiveWorkingDaysAfterTheLastWorkingDayBeforeNationalDay2026OnTheThirteenthOfOctober() {
		// 09-30 (Wed) is the last working day; 10-01..07 off; 08 Thu, 09 Fri, 10 Sat (调休), 12 Mon, 13 Tue
		assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 9, 30))).isTrue();
		assertThat(OFFICIAL.plusWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
	}

	@Test
	void countsAnAdjustedSaturdayAsAWorkingDayAndAWeekdayHolidayAsNone() {
		assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday 调休上班").isTrue();
		assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday 调休上班").isTrue();
		assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
		assertThat(OFFICIAL.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday 正月初七").isFalse();
	}

	@ParameterizedTest(name = "{1} working days after {0} is {2}")
	@CsvSource({
			"2026-02-13, 1, 2026-02-14", // Friday → the adjusted Saturday before 春节
			"2026-02-14, 1, 2026-02-24", // across the nine days of 春节
			"2026-02-14, 5, 2026-02-28", // 24, 25, 26, 27 and the adjusted Saturday 28
			"2025-01-24, 1, 2025-01-26", // Friday → adjusted Sunday
			"2025-01-27, 1, 2025-02-05", // across 春节 2025
			"2025-12-31, 1, 2026-01-04", // across 元旦 into the adjusted Sunday
			"2026-04-30, 3, 2026-05-08", // across 劳动节: 06, 07, 08
			"2026-03-02, 0, 2026-03-02" })
	void addsWorkingDaysAcrossHolidaysAndAdjustedWeekends(LocalDate from, int days, LocalDate expected) {
		assertThat(OFFICIAL.plusWorkingDays(from, days)).isEqualTo(expected);
		assertThat(OFFICIAL.workingDaysBetween(from, expected)).isEqualTo(days);
	}

	@Test
	void countsWorkingDaysBetweenTwoDatesAcrossNationalDay() {
		assertThat(OFFICIAL.workingDaysBetween(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 13)))
			.as("09-28 (Sun, 调休), 29, 30, 10-09, 10, 11 (Sat, 调休), 13").isEqualTo(7);
		assertThat(OFFICIAL.workingDaysBetween(LocalDate.of(2025, 10, 13), LocalDate.of(2025, 9, 26))).isEqualTo(-7);
	}

	@Test
	void refusesADateInAYearWithoutACalendar() {
		assertThatThrownBy(() -> OFFICIAL.plusWorkingDays(LocalDate.of(2026, 12, 30), 3))
			.isInstanceOf(CalendarNotLoaded.class)
			.hasMessageContaining("2027")
			.satisfies(e -> assertThat(((CalendarNotLoaded) e).year()).isEqualTo(2027));
		assertThatThrownBy(() -> OFFICIAL.isWorkingDay(LocalDate.of(2024, 6, 3))).isInstanceOf(CalendarNotLoaded.class);
	}
}
