package cn.onego.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.onego.clock.Deadline.Colour;

/** The clock of a task on the official 2026 calendar: limits, pauses, warnings. */
class DeadlineTests {

	private final WorkingDayCalendar calendar = WorkingDayCalendarTests.OFFICIAL;

	@Test
	void movesTheDueDateByExactlyTheWorkingDaysLostToASupplementOverAWeekend() {
		// started Monday 2026-03-02 with 10 working days: due Monday 2026-03-16
		Deadline started = Deadline.start(LocalDate.of(2026, 3, 2), 10);
		assertThat(started.due(calendar)).isEqualTo(LocalDate.of(2026, 3, 16));
		// waiting for the applicant from Friday 03-06 to Monday 03-09: three calendar days, one working day lost
		Deadline paused = started.pause(LocalDate.of(2026, 3, 6));
		Deadline resumed = paused.resume(LocalDate.of(2026, 3, 9), calendar);
		assertThat(resumed.lostWorkingDays()).isEqualTo(1);
		assertThat(resumed.due(calendar)).isEqualTo(LocalDate.of(2026, 3, 17));
		assertThat(calendar.workingDaysBetween(started.due(calendar), resumed.due(calendar))).isEqualTo(1);
	}

	@Test
	void losesNoWorkingDayToAPauseThatOnlySpansAWeekendOrAHoliday() {
		Deadline started = Deadline.start(LocalDate.of(2026, 9, 28), 5);
		Deadline resumed = started.pause(LocalDate.of(2026, 10, 2)).resume(LocalDate.of(2026, 10, 7), calendar);
		assertThat(resumed.lostWorkingDays()).as("国庆: 10-03..10-07 are days off").isZero();
	}

	@Test
	void countsElapsedAndRemainingWorkingDaysWithTheClockStoppedDuringAPause() {
		Deadline started = Deadline.start(LocalDate.of(2026, 3, 2), 10);
		assertThat(started.elapsed(LocalDate.of(2026, 3, 6), calendar)).isEqualTo(4);
		assertThat(started.remaining(LocalDate.of(2026, 3, 6), calendar)).isEqualTo(6);
		Deadline paused = started.pause(LocalDate.of(2026, 3, 6));
		assertThat(paused.elapsed(LocalDate.of(2026, 3, 12), calendar)).as("stopped since Friday").isEqualTo(4);
		Deadline resumed = paused.resume(LocalDate.of(2026, 3, 12), calendar);
		assertThat(resumed.elapsed(LocalDate.of(2026, 3, 12), calendar)).isEqualTo(4);
		assertThat(resumed.remaining(LocalDate.of(2026, 3, 13), calendar)).isEqualTo(5);
	}

	@Test
	void turnsYellowWhenTwentyPerCentOfTheLimitRemainsAndRedWhenOverdue() {
		Deadline started = Deadline.start(LocalDate.of(2026, 3, 2), 10);
		assertThat(started.warnOn(calendar, 0.2)).isEqualTo(LocalDate.of(2026, 3, 12));
		assertThat(started.colour(LocalDate.of(2026, 3, 11), calendar, 0.2)).isEqualTo(Colour.GREEN);
		assertThat(started.colour(LocalDate.of(2026, 3, 12), calendar, 0.2)).isEqualTo(Colour.YELLOW);
		assertThat(started.colour(LocalDate.of(2026, 3, 16), calendar, 0.2)).as("the due day itself").isEqualTo(Colour.YELLOW);
		assertThat(started.colour(LocalDate.of(2026, 3, 17), calendar, 0.2)).isEqualTo(Colour.RED);
	}

	@ParameterizedTest(name = "a clock started on {0} with {1} working days is due on {2}")
	@CsvSource({
			"2026-03-08, 3, 2026-03-11", // a Sunday: Monday 03-09 is day one
			"2026-03-06, 3, 2026-03-11", // the Friday before: the same due day
			"2026-10-03, 1, 2026-10-08", // inside 国庆 (10-01..10-07 off): Thursday 10-08
			"2026-02-15, 2, 2026-02-25", // inside 春节 (02-15..02-23 off)
			"2026-02-14, 1, 2026-02-24", // on the adjusted Saturday before 春节, a working day itself
			"2026-09-27, 0, 2026-09-27" }) // on the spot, on a Sunday: the same day
	void runsTheLimitFromTheDayAfterTheStartAsTheCalendarApiDoes(LocalDate startedOn, int limit, LocalDate due) {
		Deadline deadline = Deadline.start(startedOn, limit);
		assertThat(deadline.due(calendar)).isEqualTo(due).isEqualTo(calendar.plusWorkingDays(startedOn, limit));
		assertThat(deadline.elapsed(due, calendar)).as("the due day uses the whole limit").isEqualTo(limit);
		assertThat(deadline.remaining(due, calendar)).isZero();
	}

	@Test
	void isDueTheSameDayForAnOnTheSpotItem() {
		assertThat(Deadline.start(LocalDate.of(2026, 3, 3), 0).due(calendar)).isEqualTo(LocalDate.of(2026, 3, 3));
	}
}
