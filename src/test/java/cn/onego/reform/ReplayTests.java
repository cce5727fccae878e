package cn.onego.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.onego.application.MaterialSources;
import cn.onego.cases.CaseState;
import cn.onego.cases.HandledCases.HandledCase;
import cn.onego.cases.HandledCases.HandledTask;
import cn.onego.cases.TaskState;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogueChange;
import cn.onego.clock.WorkingDayCalendar;

class ReplayTests {

	private static final Catalogue IN_FORCE = BundledCatalogueAccess.bundled();
	/** 2026 with weekends alone: 1 June 2026 is a Monday. */
	private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Set.of(2026), Map.of());
	private static final String MARKET = "430102-MARKET_REGULATION";

	/** A catering case: registration 1–3 June (2 working days), the food licence 3–16 June (9 working days). */
	private static HandledCase aCateringCaseThatTookEleven() {
		return new HandledCase(UUID.randomUUID(), "C-1", "HN-CATERING", "430102", CaseState.ISSUED, LocalDate.of(2026, 6, 1), true,
				List.of(new HandledTask("HN-SCJG-ENT-REG", MARKET, List.of(), TaskState.APPROVED, LocalDate.of(2026, 6, 1),
						LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 2), 1),
						new HandledTask("HN-SCJG-FOOD-LICENCE", MARKET, List.of("HN-SCJG-ENT-REG"), TaskState.APPROVED,
								LocalDate.of(2026, 6, 3), LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 10), 5)));
	}

	private static Replay.CaseFigures replay(HandledCase c, CatalogueChange change) {
		Catalogue draft = change == null ? IN_FORCE : ((CatalogueChange.Changed) change.applyTo(IN_FORCE)).catalogue();
		return Replay.of(List.of(c), IN_FORCE, new Replay.Under(draft, MaterialSources.AS_CATALOGUED, change), CALENDAR).get(0);
	}

	@Test
	void takesTheCaseAsItWentAlongItsCriticalPath() {
		Replay.CaseFigures baseline = replay(aCateringCaseThatTookEleven(), null);

		assertThat(baseline.workingDays()).isEqualTo(11);
		assertThat(baseline.tasks()).containsExactly(new Replay.TaskEnd("HN-SCJG-ENT-REG", MARKET, "2026-W23"),
				new Replay.TaskEnd("HN-SCJG-FOOD-LICENCE", MARKET, "2026-W25"));
	}

	@Test
	void capsATaskAtTheShortenedLimitAndMovesItsWeek() {
		Replay.CaseFigures draft = replay(aCateringCaseThatTookEleven(),
				new CatalogueChange(List.of(new CatalogueChange.ShortenLimit("HN-SCJG-FOOD-LICENCE", 3))));

		assertThat(draft.workingDays()).isEqualTo(2 + 3);
		assertThat(draft.tasks()).contains(new Replay.TaskEnd("HN-SCJG-FOOD-LICENCE", MARKET, "2026-W24"));
	}

	@Test
	void leavesATaskFasterThanTheNewLimitAsItWent() {
		Replay.CaseFigures draft = replay(aCateringCaseThatTookEleven(),
				new CatalogueChange(List.of(new CatalogueChange.ShortenLimit("HN-SCJG-ENT-REG", 0))));

		// registration capped from 2 to 0 days; the food licence still took its 9
		assertThat(draft.workingDays()).isEqualTo(9);
	}

	@Test
	void gives秒批ItemsNoDays() {
		Replay.CaseFigures draft = replay(aCateringCaseThatTookEleven(),
				new CatalogueChange(List.of(new CatalogueChange.AutoApprove("HN-SCJG-FOOD-LICENCE"))));

		assertThat(draft.workingDays()).isEqualTo(2);
		assertThat(draft.tasks()).contains(new Replay.TaskEnd("HN-SCJG-FOOD-LICENCE", MARKET, "2026-W23"));
	}

	@Test
	void countsAMergedItemOnceTakingTheLongerOfTheTwo() {
		Replay.CaseFigures draft = replay(aCateringCaseThatTookEleven(),
				new CatalogueChange(List.of(new CatalogueChange.MergeItems("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE"))));

		assertThat(draft.tasks()).containsExactly(new Replay.TaskEnd("HN-SCJG-ENT-REG", MARKET, "2026-W24"));
		// one task, started 1 June, as long as the longer (9 days)
		assertThat(draft.workingDays()).isEqualTo(9);
	}

	@Test
	void handsInOneMaterialLessWhenItBecomesAnELicence() {
		HandledCase c = aCateringCaseThatTookEleven();
		Replay.CaseFigures baseline = replay(c, null);
		Replay.CaseFigures draft = replay(c,
				new CatalogueChange(List.of(new CatalogueChange.ObtainAsELicence("FOOD_SAFETY_RULES", "FOOD_SAFETY_RULES_E"))));

		assertThat(draft.materials()).isEqualTo(baseline.materials() - 1);
		assertThat(draft.workingDays()).isEqualTo(baseline.workingDays());
		assertThat(draft.tasks()).isEqualTo(baseline.tasks());
	}

	@Test
	void makesNoTripWhenNoOriginalRemains() {
		HandledCase c = new HandledCase(UUID.randomUUID(), "C-2", "HN-CATERING", "430102", CaseState.ISSUED, LocalDate.of(2026, 6, 1),
				true, List.of(new HandledTask("HN-SCJG-FOOD-LICENCE", MARKET, List.of(), TaskState.APPROVED, LocalDate.of(2026, 6, 1),
						LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 8), 5)));
		CatalogueChange everyOriginal = new CatalogueChange(List.of(
				new CatalogueChange.ObtainAsELicence("FOOD_LICENCE_APPLICATION", "E1"),
				new CatalogueChange.ObtainAsELicence("FOOD_LAYOUT_AND_PROCESS", "E2"),
				new CatalogueChange.ObtainAsELicence("FOOD_SAFETY_RULES", "E3")));

		assertThat(replay(c, null).trips()).isEqualTo(1);
		assertThat(replay(c, everyOriginal).trips()).isZero();
	}

	@Test
	void leavesOutCancelledTasks() {
		HandledCase c = new HandledCase(UUID.randomUUID(), "C-3", "HN-CATERING", "430102", CaseState.REFUSED, LocalDate.of(2026, 6, 1),
				true, List.of(new HandledTask("HN-SCJG-FOOD-LICENCE", MARKET, List.of(), TaskState.CANCELLED, LocalDate.of(2026, 6, 1),
						LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 8), 5)));

		assertThat(replay(c, null).tasks()).isEmpty();
		assertThat(Replay.load(List.of(replay(c, null)))).isEmpty();
	}
}
