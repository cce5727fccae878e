package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.application.MaterialList.RequiredMaterial;
import cn.onego.application.RegistryReach.RemovedBy;
import cn.onego.application.RegistryReach.Upload;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.MaterialKind;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Matter;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * "Before" counted both ways, and the materials "after" as this deployment's registries really give them.
 */
class HonestMetricsTests {

	private final Catalogue catalogue = BundledCatalogueAccess.bundled();

	@Test
	void countsTheCateringMattersDaysFromTheLegalLimitsAndFromThePromisedOnes() {
		Matter restaurant = catalogue.matter("HN-CATERING").orElseThrow();
		Answers answers = Answers.of("HAS_BUSINESS_LICENCE", "NO", "ENTITY_FORM", "INDIVIDUAL_BUSINESS",
				"PUBLIC_GATHERING_PLACE", "YES", "OUTDOOR_SIGNBOARD", "YES", "SELLS_TOBACCO", "YES");
		ReductionMetrics metrics = Guidance.guide(catalogue, restaurant, answers, Set.of(), MaterialSources.AS_CATALOGUED)
			.metrics();

		// legal limits of the seven items: 3 + 20 + 0 + 20 + 10 + 20 + 20; promised: 1 + 5 + 0 + 5 + 7 + 5 + 10
		assertThat(metrics.workingDaysBefore().legal()).isEqualTo(93);
		assertThat(metrics.workingDaysBefore().promised()).isEqualTo(33);
		assertThat(metrics.workingDaysBefore().after()).isEqualTo(11);
		assertThat(metrics.workingDaysBefore().reductionFromLegal()).isEqualByComparingTo("88.2");
		assertThat(metrics.workingDaysBefore().reductionFromPromised()).isEqualByComparingTo("66.7");
		assertThat(metrics.before().workingDays()).as("the existing figure stays the promised one").isEqualTo(33);
		assertThat(metrics.registries()).as("known only to a running deployment").isNull();
		assertThat(metrics.measured()).isNull();
	}

	@Test
	void addsUpBothBeforesOverTheMattersOfARegion() {
		List<ReductionMetrics> metrics = catalogue.mattersOfferedIn(cn.onego.shared.RegionCode.of("430100"))
			.stream()
			.map(m -> Guidance.guide(catalogue, m, Guidance.typicalAnswers(m), Set.of(), MaterialSources.AS_CATALOGUED).metrics())
			.toList();
		ReductionMetrics.Aggregate aggregate = ReductionMetrics.Aggregate.of(metrics);

		assertThat(aggregate.workingDaysBefore().legal())
			.isEqualTo(metrics.stream().mapToInt(m -> m.workingDaysBefore().legal()).sum())
			.isGreaterThanOrEqualTo(aggregate.workingDaysBefore().promised());
		assertThat(aggregate.workingDaysBefore().promised()).isEqualTo(aggregate.before().workingDays());
		assertThat(aggregate.workingDaysBefore().after()).isEqualTo(aggregate.after().workingDays());
	}

	@Test
	void removesAMaterialOnlyWhenItsRegistryIsConnectedHereAndLiveOnlyWhenItAnswers() {
		MaterialList materials = new MaterialList(List.of(
				material("HOUSEHOLD_REGISTER", new Resolution.FromRegistry(Registry.POPULATION, label("HOUSEHOLD_REGISTER"), false)),
				material("BIRTH_CERTIFICATE", new Resolution.FromRegistry(Registry.HEALTH, label("BIRTH_CERTIFICATE"), false)),
				material("MARRIAGE_CERTIFICATE", new Resolution.FromRegistry(Registry.CIVIL_AFFAIRS, label("MARRIAGE_CERTIFICATE"), false)),
				material("RESIDENT_ID_CARD", new Resolution.ELicence("RESIDENT_ID_CARD", label("RESIDENT_ID_CARD"), false)),
				material("PHOTO", new Resolution.Upload(label("PHOTO"), Message.of("请上传", "Please upload"))),
				material("APPLICATION", new Resolution.MergedFormReplaces(label("APPLICATION"))),
				optional("AGENT_AUTHORISATION", new Resolution.Upload(label("AGENT_AUTHORISATION"), Message.of("请上传", "Please upload")))));

		RegistryReach reach = RegistryReach.of(materials, EnumSet.of(Registry.POPULATION, Registry.HEALTH),
				EnumSet.of(Registry.POPULATION));

		assertThat(reach.allConnected()).as("the photo alone").isEqualTo(1);
		assertThat(reach.configured()).as("the photo and the civil-affairs record, whose registry is not connected")
			.isEqualTo(2);
		assertThat(reach.live()).as("and the health record, whose registry does not answer now").isEqualTo(3);
		assertThat(reach.removedBy()).containsExactly(
				new RemovedBy("E_LICENCE", Label.of("电子证照库", "e-licence library"), 1),
				new RemovedBy("POPULATION", Registries.label(Registry.POPULATION), 1),
				new RemovedBy("HEALTH", Registries.label(Registry.HEALTH), 1));
		assertThat(reach.stillUploaded()).extracting(Upload::material).containsExactly("MARRIAGE_CERTIFICATE", "PHOTO");
	}

	@Test
	void removesNothingFromRegistriesWhenNoneIsConnected() {
		Matter restaurant = catalogue.matter("HN-CATERING").orElseThrow();
		Guidance.Outcome outcome = Guidance.guide(catalogue, restaurant, Guidance.typicalAnswers(restaurant), Set.of(),
				MaterialSources.AS_CATALOGUED);

		RegistryReach reach = RegistryReach.of(outcome.materials(), Set.of(), Set.of());

		assertThat(reach.configured()).isEqualTo(outcome.metrics().after().materials()).isEqualTo(reach.allConnected());
		assertThat(reach.removedBy()).extracting(RemovedBy::source).containsOnly("E_LICENCE");
	}

	private static RequiredMaterial material(String code, Resolution resolution) {
		return new RequiredMaterial(code, label(code), MaterialKind.PROOF, List.of("ITEM"), true, false, false, 0, 1, resolution);
	}

	private static RequiredMaterial optional(String code, Resolution resolution) {
		return new RequiredMaterial(code, label(code), MaterialKind.PROOF, List.of("ITEM"), false, false, false, 0, 1, resolution);
	}

	private static Label label(String code) {
		return Label.of(code, code);
	}
}
