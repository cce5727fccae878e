package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.onego.clock.Deadline;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.clock.WorkingDayCalendarTests;

/**
 * The case clock and the calendar API count a limit the same way: from the day after acceptance, so a case
 * accepted on a weekend or a holiday is not given a working day more than the calendar says (a case accepted on a
 * Sunday used to start counting on Monday and be due one working day later).
 */
class CaseClockRuleTests {

	private static final WorkingDayCalendar CALENDAR = WorkingDayCalendarTests.official();

	@ParameterizedTest(name = "accepted on {0} with {1} working days: due {2}")
	@CsvSource({
			"2026-03-08, 5, 2026-03-13", // a Sunday
			"2026-03-07, 5, 2026-03-13", // a Saturday
			"2026-10-04, 3, 2026-10-10", // inside 国庆: 10-08, 10-09 and the adjusted Saturday 10-10
			"2026-02-20, 3, 2026-02-26", // inside 春节
			"2026-02-28, 1, 2026-03-02", // the adjusted Saturday after 春节, a working day
			"2026-03-09, 5, 2026-03-16" }) // an ordinary Monday
	void dueDatesOfTheCaseClockAgreeWithTheCalendarApi(LocalDate acceptedOn, int days, LocalDate due) {
		assertThat(TaskClocks.due(CALENDAR, acceptedOn, days)).as("a task's due day").isEqualTo(due);
		assertThat(Deadline.start(acceptedOn, days).due(CALENDAR)).as("the deadline's").isEqualTo(due);
		assertThat(CALENDAR.plusWorkingDays(acceptedOn, days)).as("the calendar API's").isEqualTo(due);
	}
}
