package cn.onego.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

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

	@Test
	void isDueTheSameDayForAnOnTheSpotItem() {
		assertThat(Deadline.start(LocalDate.of(2026, 3, 3), 0).due(calendar)).isEqualTo(LocalDate.of(2026, 3, 3));
	}
}
