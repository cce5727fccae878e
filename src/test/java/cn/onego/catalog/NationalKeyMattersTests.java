package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.catalog.Enums.LifecycleStage;
import cn.onego.catalog.NationalKeyMatters.Batch;
import cn.onego.catalog.NationalKeyMatters.Named;

/**
 * The national key matters as data: the shipped list names the five batches of reference-facts §1 and links
 * every named key matter to a matter or says why none offers it; the reader keeps the list and the matters'
 * {@code national:} lines telling the same story.
 */
class NationalKeyMattersTests {

	private static final String NATIONAL_LINE = "leadDepartmentType: MARKET_REGULATION\n";

	private static final String SHOP_NATIONAL = NATIONAL_LINE
			+ "national: {batch: \"2024-1\", year: 2024, leadDepartmentType: MARKET_REGULATION, cooperatingDepartmentTypes: [FIRE_RESCUE], stage: ENTRY_AND_OPERATION}\n";

	private static final String LIST = """
			- batch: "2024-1"
			  year: 2024
			  document: 国发〔2024〕3号
			  published: "2024-01-09"
			  size: 2
			  named:
			    - {name: {zh: 开办餐饮店, en: Opening a restaurant}, matter: T-SHOP}
			    - {name: {zh: 企业破产信息核查}, notOffered: {zh: 本地尚未提供, en: Not offered here yet}}
			""";

	@Test
	void shipsTheFiveBatchesOfFiftyFiveKeyMattersWithTheirSizesMarkedWhereInferred() throws IOException {
		NationalKeyMatters list = BundledCatalogueTests.bundled().nationalKeyMatters();
		assertThat(list.batches()).extracting(Batch::batch).containsExactly("2024-1", "2024-2", "2025-1", "2025-2", "2026-1");
		assertThat(list.batches()).extracting(Batch::size).containsExactly(13, 8, 12, 9, 13);
		assertThat(list.size()).isEqualTo(55);
		assertThat(list.batches()).filteredOn(Batch::sizeInferred).extracting(Batch::batch).containsExactly("2024-2", "2026-1");
		assertThat(list.batches()).allSatisfy(b -> assertThat(b.named()).hasSizeLessThanOrEqualTo(b.size()));
		assertThat(list.batch("2024-1").orElseThrow().named()).hasSize(13);
	}

	@Test
	void resolvesEveryNamedKeyMatterToAMatterOfTheCatalogueOrSaysWhyNotOffered() throws IOException {
		Catalogue catalogue = BundledCatalogueTests.bundled();
		for (Batch batch : catalogue.nationalKeyMatters().batches()) {
			for (Named named : batch.named()) {
				String what = batch.batch() + " " + named.name().zh();
				if (named.matter() != null) {
					Matter matter = catalogue.matter(named.matter()).orElseThrow();
					assertThat(matter.nationalBatch()).as(what).isEqualTo(batch.batch());
					assertThat(matter.national().year()).as(what).isEqualTo(batch.year());
					assertThat(catalogue.departmentType(matter.national().leadDepartmentType())).as(what).isPresent();
					assertThat(matter.national().stage().enterprise).as(what)
						.isEqualTo(matter.applicantType() == Enums.ApplicantType.ENTERPRISE);
				}
				else if (named.coveredBy() != null) {
					assertThat(catalogue.matter(named.coveredBy())).as(what).isPresent();
					assertThat(named.note()).as(what + ": why another batch's matter covers it").isNotBlank();
				}
				else {
					assertThat(named.notOffered()).as(what + ": why it is not offered").isNotNull();
				}
			}
		}
		// every named key matter of the reference facts is offered by this deployment
		assertThat(catalogue.nationalKeyMatters().batches().stream().flatMap(b -> b.named().stream()))
			.hasSize(25)
			.allSatisfy(named -> assertThat(named.offeredBy()).as(named.name().zh()).isPresent());
		assertThat(catalogue.nationalKeyMatters().batch("2024-2").orElseThrow().named().get(0).coveredBy())
			.isEqualTo("HN-VETERAN-DISCHARGE");
	}

	@Test
	void everyMatterClaimingANationalBatchIsNamedInIt() throws IOException {
		Catalogue catalogue = BundledCatalogueTests.bundled();
		Set<String> linked = catalogue.nationalKeyMatters().batches().stream()
			.flatMap(b -> b.named().stream())
			.map(Named::matter)
			.filter(m -> m != null)
			.collect(Collectors.toSet());
		List<String> national = catalogue.matters().stream().filter(m -> m.national() != null).map(Matter::code).toList();
		assertThat(national).hasSize(24).allSatisfy(code -> assertThat(linked).contains(code));
	}

	@Test
	void readsTheNationalLineOfAMatterAndTheListThatNamesIt() {
		Map<String, String> files = withNationalShop(LIST);
		Catalogue catalogue = TestCatalogue.catalogue(files);
		Matter.National national = catalogue.matter("T-SHOP").orElseThrow().national();
		assertThat(national).isEqualTo(new Matter.National("2024-1", 2024, "MARKET_REGULATION", List.of("FIRE_RESCUE"),
				LifecycleStage.ENTRY_AND_OPERATION));
		assertThat(catalogue.nationalKeyMatters().batch("2024-1").orElseThrow().named())
			.extracting(n -> n.offeredBy().orElse("—"))
			.containsExactly("T-SHOP", "—");
	}

	@Test
	void rejectsANationalLineWithAWrongYearAnUnknownDepartmentAndAPersonsStage() {
		Map<String, String> files = withNationalShop(LIST);
		files.put("matters/t-shop.yaml", files.get("matters/t-shop.yaml")
			.replace("year: 2024", "year: 2025")
			.replace("cooperatingDepartmentTypes: [FIRE_RESCUE]", "cooperatingDepartmentTypes: [FIRE_BRIGADE]")
			.replace("stage: ENTRY_AND_OPERATION", "stage: BIRTH"));
		assertThat(errors(files)).extracting(e -> e.message().en()).containsExactlyInAnyOrder(
				"the year does not match the batch 2024-1: 2025", "unknown department type: FIRE_BRIGADE",
				"the life-cycle stage does not fit the applicant type: BIRTH");
	}

	@Test
	void rejectsAListThatContradictsTheMattersOrLeavesANameUnanswered() {
		String list = LIST.replace("notOffered: {zh: 本地尚未提供, en: Not offered here yet}", "note: 待定")
			.replace("batch: \"2024-1\"", "batch: \"2024-2\"");
		assertThat(errors(withNationalShop(list))).extracting(e -> e.message().en()).containsExactlyInAnyOrder(
				"the national batch of matter T-SHOP is not 2024-2",
				"give exactly one of: the matter implementing it (matter), a matter of another batch covering it (coveredBy), or why it is not offered (notOffered)",
				"matter T-SHOP claims national batch 2024-1, but that batch does not name it");
	}

	@Test
	void rejectsAnInferredSizeWithoutItsReasonAndMoreNamesThanTheSize() {
		String list = LIST.replace("size: 2", "size: 1\n  sizeInferred: true");
		assertThat(errors(withNationalShop(list))).extracting(e -> e.message().en()).containsExactlyInAnyOrder(
				"an inferred size must say in assumption how it was inferred", "more names than the batch size 1");
	}

	private static Map<String, String> withNationalShop(String list) {
		Map<String, String> files = TestCatalogue.files();
		files.put("matters/t-shop.yaml", TestCatalogue.MATTER.replace(NATIONAL_LINE, SHOP_NATIONAL));
		files.put(CatalogueReader.NATIONAL_KEY_MATTERS, list);
		return files;
	}

	private static List<CatalogueError> errors(Map<String, String> files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(outcome).isInstanceOf(Rejected.class);
		return ((Rejected) outcome).errors();
	}
}
