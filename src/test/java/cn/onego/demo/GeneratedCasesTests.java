package cn.onego.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Matter;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.RegionCode;

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

	@Test
	void aFewCasesAreReceivedInAnotherPrefecturesHallForItemsTheProvinceMayHandleAndTheirFactsSayWhere() {
		Map<String, RegionCode> halls = Map.of("430000-HALL", RegionCode.of("430000"), "430100-HALL", RegionCode.of("430100"),
				"430500-HALL", RegionCode.of("430500"), "431021-HALL", RegionCode.of("431021"));
		GeneratedCases.Batch rows = generated(42, halls).batch(0, 3000);
		List<String[]> cases = rows.cases().lines().map(l -> l.split("\t")).toList();
		List<String[]> received = cases.stream().filter(c -> !c[19].equals("\\N")).toList();
		assertThat(received.size()).as("a few per cent of all cases").isBetween(30, 150);
		assertThat(received).allSatisfy(c -> {
			String county = c[8];
			String hall = c[9];
			String accepting = c[19];
			assertThat(halls.get(hall)).as("the case is at the receiving hall").isEqualTo(RegionCode.of(accepting));
			assertThat(accepting).as("another prefecture of the province, not the province's own hall").startsWith("43")
				.doesNotStartWith(county.substring(0, 4)).isNotEqualTo("430000");
			assertThat(CATALOGUE.matter(c[3]).orElseThrow().items().stream().filter(Matter.MatterItem::included)
				.map(i -> CATALOGUE.item(i.item()).orElseThrow().crossRegion().scope()))
				.as("every item of " + c[3] + " may be handled across the province")
				.allMatch(scope -> scope == CrossRegionScope.PROVINCE || scope == CrossRegionScope.CROSS_PROVINCE);
		});
		assertThat(cases.stream().filter(c -> c[19].equals("\\N"))).as("the others are received at home").isNotEmpty()
			.allSatisfy(c -> assertThat(c[9]).isEqualTo(c[8].substring(0, 4) + "00-HALL"));
		// each fact of a received case names the receiving region; a local case's facts leave it empty
		assertThat(rows.facts().lines().map(l -> l.split("\t")).filter(f -> !f[11].equals("\\N")).map(f -> f[0] + " " + f[11]))
			.contains(received.stream().map(c -> "submitted " + c[19]).toArray(String[]::new));
		assertThat(rows.facts().lines().filter(l -> l.startsWith("submitted\t") && !l.endsWith("\t\\N"))).hasSize(received.size());
	}

	@Test
	void whereOnlyOneCitysHallsTakePartTheyReceiveAFewCasesForTheOtherPrefectures() {
		Map<String, RegionCode> halls = Map.of("430100-HALL", RegionCode.of("430100"), "430500-HALL", RegionCode.of("430500"));
		GeneratedCases.Batch rows = generated(42, halls, hall -> hall.startsWith("4301")).batch(0, 3000);
		List<String[]> cases = rows.cases().lines().map(l -> l.split("\t")).toList();
		List<String[]> received = cases.stream().filter(c -> !c[19].equals("\\N")).toList();
		assertThat(received.size()).as("a few per cent of all cases").isBetween(30, 150);
		assertThat(received).allSatisfy(c -> {
			assertThat(c[9]).isEqualTo("430100-HALL");
			assertThat(c[19]).isEqualTo("430100");
			assertThat(c[8]).doesNotStartWith("4301");
		});
		assertThat(cases.stream().filter(c -> c[19].equals("\\N"))).allSatisfy(c -> assertThat(c[8]).startsWith("4301"));
	}

	private static GeneratedCases generated(long seed) {
		return generated(seed, Map.of());
	}

	private static GeneratedCases generated(long seed, Map<String, RegionCode> halls) {
		return generated(seed, halls, hall -> true);
	}

	private static GeneratedCases generated(long seed, Map<String, RegionCode> halls, java.util.function.Predicate<String> takingPart) {
		WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(2025, 2026, 2027), Map.of());
		HistoryShape shape = new HistoryShape(300, TODAY, 28, calendar, takingPart, new HistoryShape.Staff() {

			@Override
			public String clerk(String hall) {
				return "clerk";
			}

			@Override
			public String reviewer(String department) {
				return "reviewer";
			}
		}, p -> "~generated-" + p, Set.of(), seed, 0, true);
		return GeneratedCases.of(CATALOGUE, (matter, region) -> region.value().substring(0, 4) + "00-HALL", halls, shape,
				v -> "index:" + v, (v, column) -> "sealed:" + v);
	}
}
