package cn.onego.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.EveryStaffScopeExists;
import cn.onego.ModuleAlone;
import cn.onego.clock.Calendars.DayDefinition;
import cn.onego.clock.WorkingDayCalendar.Kind;
import cn.onego.shared.RegionCode;

/**
 * The working-day clock with what it needs (the catalogue's regions, identity for its pages), on its own embedded
 * PostgreSQL: the calendar it computes with is the one in the database — the shipped official notice, and a day an
 * administrator adds for one region.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class ClockModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final LocalDate EVE_OF_NATIONAL_DAY = LocalDate.of(2026, 9, 30);
	private static final RegionCode FURONG = RegionCode.of("430102");
	private static final RegionCode TIANXIN = RegionCode.of("430103");

	private final Calendars calendars;

	ClockModuleTests(Calendars calendars) {
		this.calendars = calendars;
	}

	@Test
	void countsWorkingDaysOverTheLoadedHolidaysAndARegionsOwnDayOff() {
		// 国庆节 2026: 1–7 October off, Saturday 10 October worked (国庆节调休上班)
		assertThat(calendars.national().plusWorkingDays(EVE_OF_NATIONAL_DAY, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendars.national().plusWorkingDays(EVE_OF_NATIONAL_DAY, 3)).isEqualTo(LocalDate.of(2026, 10, 10));

		calendars.addDay(new DayDefinition(FURONG.value(), LocalDate.of(2026, 10, 8), Kind.OFF, "区级停工日"), "admin");

		assertThat(calendars.of(FURONG).plusWorkingDays(EVE_OF_NATIONAL_DAY, 1)).as("the district's own day off")
			.isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(calendars.of(TIANXIN).plusWorkingDays(EVE_OF_NATIONAL_DAY, 1)).as("a neighbouring district")
			.isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(calendars.changes(1)).singleElement()
			.satisfies(change -> assertThat(change.action() + " " + change.actor()).isEqualTo("ADD_DAY admin"));
	}
}
