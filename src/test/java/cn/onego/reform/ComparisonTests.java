package cn.onego.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.onego.application.MaterialSources;
import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogueChange;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Matter;

class ComparisonTests {

	private static final Catalogue IN_FORCE = BundledCatalogueAccess.bundled();

	private static Counts applyingOnce(CatalogueChange change, String matter) {
		Catalogue draft = ((CatalogueChange.Changed) change.applyTo(IN_FORCE)).catalogue();
		Matter m = draft.matter(matter).orElseThrow();
		return Comparison.metrics(draft, m, MaterialSources.AS_CATALOGUED).after();
	}

	private static Counts inForce(CatalogueChange change, String matter) {
		return Comparison.metrics(IN_FORCE, IN_FORCE.matter(matter).orElseThrow(), Comparison.baselineSources(change)).after();
	}

	@Test
	void anELicenceAndAShorterLimitChangeTheCateringMattersMaterialsAndDays() {
		CatalogueChange change = new CatalogueChange(List.of(new CatalogueChange.ObtainAsELicence("DRAINAGE_DRAWINGS", "E"),
				new CatalogueChange.ShortenLimit("HN-SCJG-ENT-REG", 0)));

		assertThat(inForce(change, "HN-CATERING")).isEqualTo(new Counts(5, 21, 14, 1, 6));
		assertThat(applyingOnce(change, "HN-CATERING")).isEqualTo(new Counts(4, 21, 14, 1, 5));
	}

	@Test
	void countsTheMaterialsOfARegistryAsHandedInUntilTheDraftConnectsIt() {
		CatalogueChange change = new CatalogueChange(List.of(new CatalogueChange.ConnectRegistry(Registry.PROPERTY)));

		int fewer = 0;
		for (Matter matter : IN_FORCE.matters()) {
			int before = inForce(change, matter.code()).materials();
			int after = applyingOnce(change, matter.code()).materials();
			assertThat(after).as(matter.code()).isLessThanOrEqualTo(before);
			fewer += before - after;
		}
		assertThat(fewer).isPositive();
		assertThat(Comparison.touchedItems(IN_FORCE, change)).isNotEmpty();
	}

	@Test
	void namesTheItemsAnOperationTouchesThroughTheirMaterials() {
		CatalogueChange change = new CatalogueChange(List.of(new CatalogueChange.ObtainAsELicence("DRAINAGE_DRAWINGS", "E")));

		assertThat(Comparison.touchedItems(IN_FORCE, change)).contains("HN-ZJ-DRAINAGE-PERMIT").doesNotContain("HN-SCJG-ENT-REG");
	}
}
