package cn.onego.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the calendar answers for a year whose holidays are not published yet, and when administrators are told. */
class CalendarReadinessTests {

	private final WorkingDayCalendar official = WorkingDayCalendarTests.official();

	@Test
	void countsAnUnpublishedYearOnItsWeekendsAloneOnlyWhenAskedForAProvisionalAnswer() {
		LocalDate christmasEve = LocalDate.of(2026, 12, 24);
		assertThatThrownBy(() -> official.plusWorkingDays(christmasEve, 10)).isInstanceOf(CalendarNotLoaded.class);
		WorkingDayCalendar provisional = official.provisional();
		// 25, 28–31 December, then 1 January 2027 (a Friday, counted), 4–7 January
		assertThat(provisional.plusWorkingDays(christmasEve, 10)).isEqualTo(LocalDate.of(2027, 1, 7));
		assertThat(provisional.loaded(LocalDate.of(2027, 1, 7))).isFalse();
		assertThat(provisional.loaded(christmasEve)).isTrue();
		assertThat(provisional.isWorkingDay(LocalDate.of(2026, 10, 10))).as("a loaded year keeps its adjusted days").isTrue();
		assertThat(provisional.without(2026).isWorkingDay(LocalDate.of(2026, 10, 10)))
			.as("the calendar before 2026 was loaded: a Saturday").isFalse();
	}

	@Test
	void warnsFromTheFirstOfNovemberWhenNextYearIsMissing() {
		Set<Integer> loaded = Set.of(2025, 2026);
		assertThat(CalendarReadiness.warning(LocalDate.of(2026, 10, 31), loaded)).isEmpty();
		assertThat(CalendarReadiness.warning(LocalDate.of(2026, 11, 1), loaded)).hasValueSatisfying(warning -> {
			assertThat(warning.zh()).contains("2027年的节假日安排尚未导入");
			assertThat(warning.en()).contains("2027").doesNotContainPattern("\\p{IsHan}");
		});
		assertThat(CalendarReadiness.warning(LocalDate.of(2026, 12, 6), Set.of(2026, 2027))).isEmpty();
		assertThat(CalendarReadiness.warning(LocalDate.of(2027, 1, 4), loaded)).as("the year itself missing")
			.hasValueSatisfying(warning -> assertThat(warning.zh()).contains("2027年的节假日安排尚未导入"));
	}
}
