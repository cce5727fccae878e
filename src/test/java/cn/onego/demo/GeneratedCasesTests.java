package cn.onego.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.clock.WorkingDayCalendar;

/** The generator on the shipped catalogue: the same shape and seed give the same rows, another seed other ones. */
class GeneratedCasesTests {

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();
	private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	@Test
	void theSameSeedGeneratesTheSameRowsAndAnotherSeedOtherOnes() {
		GeneratedCases.Batch first = generated(42).batch(0, 200);
		GeneratedCases.Batch again = generated(42).batch(0, 200);
		assertThat(again).isEqualTo(first);
		assertThat(generated(42).batch(100, 200).cases()).as("case k does not depend on the cases before it")
			.isEqualTo(first.cases().lines().skip(100).map(l -> l + "\n").reduce("", String::concat));
		assertThat(generated(43).batch(0, 200).cases()).isNotEqualTo(first.cases());
	}

	@Test
	void casesFallWithinTheWeeksAskedForAndSomeAreStillOpenWithTheirDeadlines() {
		GeneratedCases.Batch rows = generated(42).batch(0, 300);
		assertThat(rows.cases().lines()).hasSize(300);
		assertThat(rows.cases().lines().map(l -> LocalDate.parse(l.split("\t")[16].substring(0, 10))))
			.allSatisfy(day -> assertThat(day).isBetween(TODAY.minusDays(29), TODAY));
		assertThat(rows.deadlines()).as("running tasks have deadlines").isNotEmpty();
		assertThat(rows.facts().lines().filter(l -> l.startsWith("submitted\t"))).hasSize(300);
		assertThat(rows.history().lines().map(l -> l.split("\t")[7])).as("no free-text detail").containsOnly("\\N");
	}

	private static GeneratedCases generated(long seed) {
		WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(2025, 2026, 2027), Map.of());
		HistoryShape shape = new HistoryShape(300, TODAY, 28, calendar, hall -> true, new HistoryShape.Staff() {

			@Override
			public String clerk(String hall) {
				return "clerk";
			}

			@Override
			public String reviewer(String department) {
				return "reviewer";
			}
		}, p -> "~generated-" + p, Set.of(), seed, 0, true);
		return GeneratedCases.of(CATALOGUE, (matter, region) -> region.value().substring(0, 4) + "00-HALL", shape, v -> "index:" + v,
				(v, column) -> "sealed:" + v);
	}
}
