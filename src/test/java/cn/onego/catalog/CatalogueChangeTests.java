package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.onego.platform.FieldProblem;

class CatalogueChangeTests {

	private final Catalogue inForce = BundledCatalogueAccess.bundled();

	private Catalogue changed(CatalogueChange.Operation... operations) {
		return ((CatalogueChange.Changed) new CatalogueChange(List.of(operations)).applyTo(inForce)).catalogue();
	}

	@Test
	void makesAMaterialAnELicenceOnACopyLeavingTheCatalogueInForceAlone() {
		Catalogue draft = changed(new CatalogueChange.ObtainAsELicence("FOOD_SAFETY_RULES", "FOOD_SAFETY_RULES_E"));

		assertThat(draft.material("FOOD_SAFETY_RULES").orElseThrow().licenceType()).isEqualTo("FOOD_SAFETY_RULES_E");
		assertThat(inForce.material("FOOD_SAFETY_RULES").orElseThrow().licenceType()).isNull();
		assertThat(draft.checksum()).isEqualTo("draft:" + inForce.checksum());
		assertThat(draft.version()).isEqualTo(inForce.version());
	}

	@Test
	void shortensAPromisedLimitAndGivesA秒批ItemNoDays() {
		Catalogue draft = changed(new CatalogueChange.ShortenLimit("HN-SCJG-FOOD-LICENCE", 3),
				new CatalogueChange.AutoApprove("HN-SW-NEW-TAXPAYER"));

		assertThat(draft.item("HN-SCJG-FOOD-LICENCE").orElseThrow().promisedLimit()).isEqualTo(3);
		assertThat(draft.item("HN-SW-NEW-TAXPAYER").orElseThrow().promisedLimit()).isZero();
		assertThat(draft.item("HN-SW-NEW-TAXPAYER").orElseThrow().autoApproval()).isNotNull();
	}

	@Test
	void allowsGapAndCommitmentForOneMaterialOfOneItem() {
		Catalogue draft = changed(new CatalogueChange.AllowGap("HN-SCJG-FOOD-LICENCE", "FOOD_LICENCE_APPLICATION"),
				new CatalogueChange.AllowCommitment("HN-SCJG-FOOD-LICENCE", "BUSINESS_LICENCE"));

		var uses = draft.item("HN-SCJG-FOOD-LICENCE").orElseThrow().materials();
		assertThat(uses).filteredOn(u -> u.material().equals("FOOD_LICENCE_APPLICATION")).singleElement()
			.matches(Item.ItemMaterial::gapAllowed);
		assertThat(uses).filteredOn(u -> u.material().equals("BUSINESS_LICENCE")).singleElement()
			.matches(Item.ItemMaterial::commitmentAllowed);
	}

	@Test
	void mergesAnItemIntoAnotherInEveryMatterThatNamesIt() {
		Catalogue draft = changed(new CatalogueChange.MergeItems("HN-SCJG-FOOD-LICENCE", "HN-ZJ-DRAINAGE-PERMIT"));

		assertThat(draft.item("HN-ZJ-DRAINAGE-PERMIT")).isEmpty();
		Matter catering = draft.matter("HN-CATERING").orElseThrow();
		assertThat(catering.items()).extracting(Matter.MatterItem::item).doesNotContain("HN-ZJ-DRAINAGE-PERMIT")
			.containsOnlyOnce("HN-SCJG-FOOD-LICENCE");
		assertThat(catering.dependencies()).doesNotContainKey("HN-ZJ-DRAINAGE-PERMIT");
		Item merged = draft.item("HN-SCJG-FOOD-LICENCE").orElseThrow();
		Item drainage = inForce.item("HN-ZJ-DRAINAGE-PERMIT").orElseThrow();
		assertThat(merged.materials()).extracting(Item.ItemMaterial::material)
			.containsAll(drainage.materials().stream().map(Item.ItemMaterial::material).toList())
			.doesNotHaveDuplicates();
	}

	@Test
	void locatesEveryUnknownItemAndMaterialAndALimitThatIsNotShorter() {
		var outcome = new CatalogueChange(List.of(new CatalogueChange.ObtainAsELicence("NO_SUCH_MATERIAL", "X"),
				new CatalogueChange.ShortenLimit("NO-SUCH-ITEM", 1), new CatalogueChange.ShortenLimit("HN-SCJG-FOOD-LICENCE", 5),
				new CatalogueChange.AllowGap("HN-SCJG-FOOD-LICENCE", "ENT_REG_APPLICATION")))
			.applyTo(inForce);

		assertThat(outcome).isInstanceOf(CatalogueChange.Refused.class);
		assertThat(((CatalogueChange.Refused) outcome).problems()).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("operations[0].material", "unknown-material"),
					org.assertj.core.groups.Tuple.tuple("operations[1].item", "unknown-item"),
					org.assertj.core.groups.Tuple.tuple("operations[2].days", "not-shorter"),
					org.assertj.core.groups.Tuple.tuple("operations[3].material", "not-of-item"));
		assertThat(((CatalogueChange.Refused) outcome).problems()).allMatch(p -> !p.message().zh().isBlank() && !p.message().en().isBlank());
	}
}
