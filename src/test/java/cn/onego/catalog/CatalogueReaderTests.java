package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.CatalogueReader.Read;
import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.shared.RegionCode;

/** The catalogue is read whole or rejected whole, with every error located. */
class CatalogueReaderTests {

	@Test
	void readsAValidCatalogue() {
		Catalogue catalogue = read(TestCatalogue.files());
		assertThat(catalogue.matters()).extracting(Matter::code).containsExactly("T-SHOP");
		assertThat(catalogue.matter("T-SHOP").orElseThrow().prerequisitesOf("T-FOOD")).containsExactly("T-REG");
		assertThat(catalogue.department("430100-FIRE_RESCUE").orElseThrow().name()).isEqualTo("长沙市消防救援支队");
		assertThat(catalogue.department("430121-MARKET_REGULATION").orElseThrow().name()).isEqualTo("长沙县市场监督管理局");
		assertThat(catalogue.department("430121-FIRE_RESCUE")).isEmpty();
		assertThat(catalogue.department("HN-P-TEST-MARKET_REGULATION")).isEmpty();
		assertThat(catalogue.lineage(RegionCode.of("430121"))).extracting(Region::name)
			.containsExactly("长沙县", "长沙市", "湖南省");
	}

	@Test
	void readsFilesOutsideThePlatformOrRefusesThemWithEveryError() {
		assertThat(Catalogue.fromFiles(TestCatalogue.files()).matters()).hasSize(1);
		Map<String, String> broken = replace("items/test.yaml", "legalLimit: 3", "legalLimit: -3");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> Catalogue.fromFiles(broken))
			.isInstanceOf(CatalogueRejected.class)
			.satisfies(e -> assertThat(((CatalogueRejected) e).catalogueErrors()).extracting(CatalogueError::location)
				.containsExactly("[0].legalLimit"));
	}

	@Test
	void findsTheCompetentDepartmentUpTheRegionLineageAtTheItemsLevel() {
		Catalogue catalogue = read(TestCatalogue.files());
		Item fire = catalogue.item("T-FIRE").orElseThrow();
		Item food = catalogue.item("T-FOOD").orElseThrow();
		assertThat(catalogue.competentDepartment(fire, RegionCode.of("430121")).orElseThrow().code())
			.isEqualTo("430100-FIRE_RESCUE");
		assertThat(catalogue.competentDepartment(food, RegionCode.of("430121")).orElseThrow().code())
			.isEqualTo("430121-MARKET_REGULATION");
	}

	@Test
	void offersAProvincialMatterInEveryRegionBelowAndALocalVariantInsteadOfItsStandard() {
		Map<String, String> files = TestCatalogue.files();
		files.put("matters/t-shop-local.yaml", TestCatalogue.MATTER.replace("code: T-SHOP", "code: T-SHOP-CS")
			.replace("offeredIn: [\"430000\"]", "offeredIn: [\"430100\"]\nbasedOn: T-SHOP"));
		Catalogue catalogue = read(files);
		assertThat(catalogue.mattersOfferedIn(RegionCode.of("430121"))).extracting(Matter::code).containsExactly("T-SHOP-CS");
		assertThat(catalogue.mattersOfferedIn(RegionCode.of("430000"))).extracting(Matter::code).containsExactly("T-SHOP");
	}

	@Test
	void rejectsAnUnknownReference() {
		var errors = errors(replace("items/test.yaml", "- {material: BUSINESS_LICENCE, gapAllowed: true}",
				"- {material: NO_SUCH_MATERIAL}"));
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("items/test.yaml");
			assertThat(e.location()).isEqualTo("[1].materials[1].material");
			assertThat(e.line()).isEqualTo(31);
			assertThat(e.message().en()).contains("unknown material: NO_SUCH_MATERIAL");
			assertThat(e.message().zh()).contains("材料不存在");
		});
	}

	@Test
	void namesDepartmentsByLevelWhereTheNameChanges() {
		var files = replace("department-types.yaml", "  nameTemplate: \"{region}消防救援支队\"\n",
				"  nameTemplate: \"{region}消防救援支队\"\n  nameByLevel: {COUNTY: \"{region}消防救援大队\", PREFECTURE: \"支队\"}\n");
		assertThat(errors(files)).extracting(CatalogueError::location).containsExactly("[1].nameByLevel.PREFECTURE");
	}

	@Test
	void rejectsAnUnknownDepartmentTypeAndDataElement() {
		var files = replace("items/test.yaml", "departmentType: FIRE_RESCUE", "departmentType: FIRE_BRIGADE");
		files.put("items/test.yaml", files.get("items/test.yaml").replace("{element: ENTERPRISE_CREDIT_CODE}", "{element: CREDIT}"));
		assertThat(errors(files)).extracting(e -> e.message().en())
			.containsExactlyInAnyOrder("unknown department type: FIRE_BRIGADE", "unknown data element: CREDIT");
	}

	@Test
	void rejectsADependencyCycle() {
		var errors = errors(replace("matters/t-shop.yaml", "  - item: T-FOOD\n    needs: [T-REG]\n",
				"  - item: T-FOOD\n    needs: [T-REG]\n  - item: T-REG\n    needs: [T-FIRE]\n"
						+ "  - item: T-FIRE\n    needs: [T-FOOD]\n"));
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo("matters/t-shop.yaml");
			assertThat(e.location()).isEqualTo("dependencies");
			assertThat(e.message().en()).contains("cycle").contains("T-FOOD → T-REG → T-FIRE → T-FOOD");
		});
	}

	@Test
	void rejectsADuplicateCodeAcrossFiles() {
		Map<String, String> files = TestCatalogue.files();
		files.put("items/another.yaml", TestCatalogue.ITEMS.substring(0, TestCatalogue.ITEMS.indexOf("- code: T-FOOD")));
		assertThat(errors(files)).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo("items/test.yaml"); // files are read in path order
			assertThat(e.location()).isEqualTo("[0].code");
			assertThat(e.message().en()).isEqualTo("duplicate item code: T-REG");
			assertThat(e.message().zh()).isEqualTo("事项编码重复：T-REG");
		});
	}

	@Test
	void rejectsNegativeAndInvertedLimits() {
		var files = replace("items/test.yaml", "legalLimit: 3", "legalLimit: -3");
		files.put("items/test.yaml", files.get("items/test.yaml").replace("promisedLimit: 5", "promisedLimit: 25"));
		assertThat(errors(files)).extracting(CatalogueError::location, e -> e.message().en())
			.contains(org.assertj.core.groups.Tuple.tuple("[0].legalLimit", "the legal limit cannot be negative: -3"),
					org.assertj.core.groups.Tuple.tuple("[1].promisedLimit",
							"the promised limit (25) exceeds the legal limit (20)"));
	}

	@Test
	void rejectsInvalidRegionCodes() {
		var files = replace("matters/t-shop.yaml", "offeredIn: [\"430000\"]", "offeredIn: [\"439900\", \"43A\"]");
		files.put("regions.csv", files.get("regions.csv") + "4301999,某县,COUNTY,430100\n");
		assertThat(errors(files)).extracting(CatalogueError::where, e -> e.message().en())
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("regions.csv:6", "invalid region code: 4301999"),
					org.assertj.core.groups.Tuple.tuple("matters/t-shop.yaml:7 offeredIn[0]", "unknown region code: 439900"),
					org.assertj.core.groups.Tuple.tuple("matters/t-shop.yaml:7 offeredIn[1]",
							"malformed region code: 43A (6, 9 or 12 digits expected)"));
	}

	@Test
	void rejectsAnInvalidCheckDigit() {
		var files = replace("data-elements.yaml", "example: \"11010519491231002X\"", "example: \"110105194912310021\"");
		files.put("data-elements.yaml",
				files.get("data-elements.yaml").replace("example: \"91350100M000100Y43\"", "example: \"91350100M000100Y44\""));
		assertThat(errors(files)).extracting(CatalogueError::location, e -> e.message().en())
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("[1].example",
							"invalid example: not a valid citizen ID number (GB 11643 check digit): 110105194912310021"),
					org.assertj.core.groups.Tuple.tuple("[2].example",
							"invalid example: not a valid unified social credit code (GB 32100 check digit): 91350100M000100Y44"));
	}

	@Test
	void rejectsASituationRuleNamingAnItemOutsideTheMatter() {
		var errors = errors(replace("matters/t-shop.yaml", "exclude: {items: [T-REG]}", "exclude: {items: [T-TAX]}"));
		assertThat(errors).singleElement().satisfies(e -> {
			assertThat(e.location()).isEqualTo("situations[0].options[0].exclude.items[0]");
			assertThat(e.message().en()).isEqualTo("situation rule names an item that is not in the matter: T-TAX");
		});
	}

	@Test
	void rejectsMalformedYamlWithItsLine() {
		var errors = errors(replace("materials.yaml", "kind: CERTIFICATE\n  licenceType: BUSINESS_LICENCE",
				"kind: CERTIFICATE\n licenceType: [BUSINESS_LICENCE"));
		assertThat(errors).anySatisfy(e -> {
			assertThat(e.file()).isEqualTo("materials.yaml");
			assertThat(e.line()).isPositive();
			assertThat(e.message().en()).startsWith("malformed YAML");
		});
	}

	@Test
	void rejectsUnknownKeysAndEnumerationValues() {
		var files = replace("items/test.yaml", "promisedLimit: 1", "promisedLimt: 1");
		files.put("items/test.yaml", files.get("items/test.yaml").replace("type: ADMINISTRATIVE_LICENSING\n  departmentType: FIRE_RESCUE",
				"type: LICENSING\n  departmentType: FIRE_RESCUE"));
		assertThat(errors(files)).extracting(CatalogueError::location)
			.contains("[0].promisedLimt", "[0].promisedLimit", "[2].type");
	}

	@Test
	void listsEveryErrorNotJustTheFirst() {
		var files = replace("items/test.yaml", "legalLimit: 3", "legalLimit: -3");
		files.put("matters/t-shop.yaml", files.get("matters/t-shop.yaml").replace("exclude: {items: [T-REG]}",
				"exclude: {items: [T-TAX]}"));
		files.remove("departments.yaml");
		assertThat(errors(files)).extracting(CatalogueError::file)
			.contains("items/test.yaml", "matters/t-shop.yaml", "departments.yaml");
	}

	private static Map<String, String> replace(String file, String from, String to) {
		Map<String, String> files = TestCatalogue.files();
		assertThat(files.get(file)).as("fixture text to replace").contains(from);
		files.put(file, files.get(file).replace(from, to));
		return files;
	}

	private static Catalogue read(Map<String, String> files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		if (outcome instanceof Rejected rejected) {
			throw new AssertionError("expected a valid catalogue: " + rejected.errors());
		}
		return ((Read) outcome).catalogue();
	}

	private static List<CatalogueError> errors(Map<String, String> files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(outcome).isInstanceOf(Rejected.class);
		return ((Rejected) outcome).errors();
	}
}
