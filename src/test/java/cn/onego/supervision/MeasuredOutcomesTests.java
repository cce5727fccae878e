package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.onego.application.Measured;
import cn.onego.cases.CaseId;
import cn.onego.cases.ClosedCases.ClosedCase;
import cn.onego.clock.WorkingDayCalendar;

/** What issued cases really took, counted on the calendar of each case's region. */
class MeasuredOutcomesTests {

	// 2026: Thursday 1 October is a holiday (National Day), Saturday 10 October a working day
	private final WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(2026),
			Map.of(LocalDate.of(2026, 10, 1), WorkingDayCalendar.Kind.OFF, LocalDate.of(2026, 10, 2),
					WorkingDayCalendar.Kind.OFF, LocalDate.of(2026, 10, 10), WorkingDayCalendar.Kind.WORK));

	@Test
	void givesNoFiguresWithoutCases() {
		assertThat(MeasuredOutcomes.measure(List.of(), region -> calendar, LocalDate.of(2026, 12, 7))).isEmpty();
	}

	@Test
	void countsWorkingDaysAcrossWeekendsAndHolidaysTripsAndUploads() {
		List<ClosedCase> cases = List.of(
				// Friday 25 September → Tuesday 29 September: Monday and Tuesday
				closed("ONLINE", LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 29), false, 0, 3),
				// Wednesday 30 September → Monday 5 October: the 1st and 2nd are holidays, the weekend off
				closed("WINDOW", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 5), true, 1, 5),
				// Friday 9 October → Monday 12 October: the Saturday is worked
				closed("ONLINE", LocalDate.of(2026, 10, 9), LocalDate.of(2026, 10, 12), true, 0, null));

		Measured measured = MeasuredOutcomes.measure(cases, region -> calendar, LocalDate.of(2026, 12, 7)).orElseThrow();

		assertThat(measured.cases()).isEqualTo(3);
		// working days: 2, 1, 2
		assertThat(measured.workingDaysMedian()).isEqualByComparingTo("2.0");
		assertThat(measured.workingDaysMean()).isEqualByComparingTo("1.7");
		// trips: 0; counter + a supply at the window + collection = 3; collection = 1
		assertThat(measured.tripsMean()).isEqualByComparingTo("1.3");
		assertThat(measured.materialsUploadedMean()).as("of the two cases whose application is kept").isEqualByComparingTo("4.0");
	}

	private static ClosedCase closed(String channel, LocalDate submitted, LocalDate issued, boolean collected, int supplies,
			Integer uploads) {
		return new ClosedCase(new CaseId(UUID.randomUUID()), UUID.randomUUID(), "M", "439900", "H", channel, submitted, issued,
				collected, supplies, uploads);
	}
}
