package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.application.Guidance;
import cn.onego.application.MaterialSources;
import cn.onego.shared.RegionCode;

/**
 * A catalogue at a real city's scale (1,500 items, 400 matters, {@link GeneratedCatalogue}) is read and
 * validated whole like the shipped one, a mistake in it is found where it is, and guidance works on it. The
 * time it takes is measured apart, by {@link CityScaleMeasurement} (docs/PERFORMANCE.md), not asserted here.
 */
class LargeCatalogueTests {

	private static final Map<String, String> CITY = GeneratedCatalogue.city();

	/** Read once for the tests that only look at it: a city's catalogue takes a few seconds to validate. */
	private static final Catalogue READ = TestCatalogue.catalogue(CITY);

	@Test
	void readsAndValidatesACitysCatalogue() {
		Catalogue catalogue = READ;

		assertThat(catalogue.items()).hasSize(GeneratedCatalogue.CITY_ITEMS);
		assertThat(catalogue.matters()).hasSize(GeneratedCatalogue.CITY_MATTERS);
		assertThat(catalogue.items().stream().map(Item::departmentType).distinct().count()).isBetween(20L, 40L);
		assertThat(catalogue.matters()).allSatisfy(m -> assertThat(m.items()).hasSizeBetween(3, 8));
		assertThat(catalogue.matters().stream().filter(m -> !m.dependencies().isEmpty()).count()).isGreaterThan(200);
		assertThat(catalogue.mattersOfferedIn(RegionCode.of("430102"))).hasSize(GeneratedCatalogue.CITY_MATTERS);
	}

	@Test
	void generatesTheSameCatalogueFromTheSameSeed() {
		assertThat(new CatalogueFiles(GeneratedCatalogue.city()).checksum()).isEqualTo(new CatalogueFiles(CITY).checksum());
	}

	@Test
	void findsAPlantedMistakeWhereItIs() {
		Map<String, String> files = new java.util.LinkedHashMap<>(CITY);
		String matter = files.get("matters/g-m-0123.yaml");
		String secondItem = matter.lines().filter(l -> l.startsWith("  - {item: ")).skip(1).findFirst().orElseThrow();
		files.put("matters/g-m-0123.yaml", matter.replace(secondItem, "  - {item: G-I-9999}"));
		files.put("items/generated-07.yaml", files.get("items/generated-07.yaml").replaceFirst("  legalLimit: ", "  legalLimt: "));

		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));

		assertThat(outcome).isInstanceOf(CatalogueReader.Rejected.class);
		List<CatalogueError> errors = ((CatalogueReader.Rejected) outcome).errors();
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.where()).isEqualTo("matters/g-m-0123.yaml:11 items[1].item");
			assertThat(e.message().en()).isEqualTo("unknown item: G-I-9999");
		});
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("items/generated-07.yaml");
			assertThat(e.location()).isEqualTo("[0].legalLimt");
			assertThat(e.message().en()).startsWith("unknown key 'legalLimt'");
		});
	}

	@Test
	void guidesThroughMattersOfTheCitysCatalogue() {
		Catalogue catalogue = READ;
		for (String code : List.of("G-M-0001", "G-M-0200", "G-M-0400")) {
			Matter matter = catalogue.matter(code).orElseThrow();
			Guidance.Outcome outcome = Guidance.guide(catalogue, matter, Guidance.typicalAnswers(matter), Set.of(),
					MaterialSources.AS_CATALOGUED);
			assertThat(outcome.applicability().items()).as(code).isNotEmpty();
			assertThat(outcome.form().fields()).as(code).isNotEmpty();
			assertThat(outcome.materials().materials()).as(code).isNotEmpty();
			assertThat(outcome.metrics().criticalPath()).as(code).isNotEmpty();
			assertThat(outcome.metrics().after().workingDays()).as(code).isLessThanOrEqualTo(outcome.metrics().before().workingDays());
		}
	}
}
