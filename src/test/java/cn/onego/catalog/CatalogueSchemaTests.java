package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue files' schema (catalog/schema/): its closed lists are the Java enumerations, and what it
 * refuses is reported like any other catalogue error, located and in both languages.
 */
class CatalogueSchemaTests {

	private static final Path SCHEMAS = Path.of("src/main/resources/catalog/schema");

	@Test
	void listsExactlyTheConstantsOfEveryJavaEnumerationItNames() throws Exception {
		Set<Class<?>> covered = new HashSet<>();
		List<String> checked = new ArrayList<>();
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			for (Path file : files.sorted().toList()) {
				JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(file));
				walk(schema, file.getFileName() + "#", (where, node) -> {
					String comment = node.path("$comment").asString("");
					if (comment.startsWith("enum ") || comment.startsWith("keys ")) {
						Class<?> type = enumClass(comment.substring(5));
						List<String> listed = new ArrayList<>();
						if (comment.startsWith("enum ")) {
							node.get("enum").forEach(v -> {
								if (!v.isNull()) {
									listed.add(v.asString());
								}
							});
						}
						else {
							listed.addAll(node.get("properties").propertyNames());
						}
						assertThat(listed).as(where + " lists the constants of " + type.getSimpleName())
							.containsExactly(Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toArray(String[]::new));
						covered.add(type);
						checked.add(where);
					}
				});
			}
		}
		Set<Class<?>> catalogueEnums = new HashSet<>(List.of(Enums.class.getClasses()));
		catalogueEnums.add(AutoApproval.Operator.class);
		assertThat(covered).as("every enumeration of the catalogue appears in a schema").containsAll(catalogueEnums);
		assertThat(checked).hasSizeGreaterThan(catalogueEnums.size());
	}

	@Test
	void reportsUnknownAndMissingKeysWrongTypesAndValuesWithTheirLines() {
		var files = TestCatalogue.files();
		files.put("items/test.yaml", TestCatalogue.ITEMS.replace("  legalLimit: 3\n", "  legalLimt: 3\n")
			.replace("levels: [CITY]", "levels: [CITY, DISTRICT]")
			.replace("- {material: ID_CARD}\n  fields:", "- {material: ID_CARD, copies: two}\n  fields:"));
		files.put("matters/t-shop.yaml", TestCatalogue.MATTER.replace("offeredIn: [\"430000\"]", "offeredIn: [430000]"));
		files.put("materials.yaml", TestCatalogue.MATERIALS.replace("code: ID_CARD", "code: ID CARD"));

		List<CatalogueError> errors = errors(files);

		assertThat(errors).extracting(CatalogueError::where, e -> e.message().en()).contains(
				tuple("items/test.yaml:7 [0].legalLimt",
						"unknown key 'legalLimt'; allowed: code, basicCode, implementationCode, name, type, departmentType, "
								+ "applicantTypes, legalBasis, legalLimit, promisedLimit, instant, steps, levels, delegatedToParks, "
								+ "crossRegion, fee, result, materials, fields, autoApproval, assumption"),
				tuple("items/test.yaml:1 [0].legalLimit", "required value is missing"),
				tuple("items/test.yaml:44 [2].levels[1]",
						"invalid value 'DISTRICT'; allowed: PROVINCE, CITY, COUNTY, TOWN, VILLAGE"),
				tuple("items/test.yaml:13 [0].materials[0].copies", "expected a whole number, found text: two"),
				tuple("matters/t-shop.yaml:7 offeredIn[0]",
						"expected text, found a whole number: 430000 (quote codes that look like numbers)"),
				tuple("materials.yaml:1 [0].code", "code 'ID CARD' may contain only letters, digits, '_' and '-' (at most 40)"));
		assertThat(errors).filteredOn(e -> e.location().equals("[0].legalLimt")).singleElement()
			.satisfies(e -> assertThat(e.message().zh()).startsWith("未知的键“legalLimt”，可用的键：code, basicCode"));
		assertThat(errors).filteredOn(e -> e.location().equals("[2].levels[1]")).singleElement()
			.satisfies(e -> assertThat(e.message().zh()).isEqualTo("取值“DISTRICT”无效，可用：PROVINCE, CITY, COUNTY, TOWN, VILLAGE"));
	}

	@Test
	void reportsADuplicateKeyThatAJsonTreeCouldNotHold() {
		var files = TestCatalogue.files();
		files.put("matters/t-shop.yaml", TestCatalogue.MATTER.replace("theme: ENTERPRISE_OPENING\n",
				"theme: ENTERPRISE_OPENING\ntheme: ENTERPRISE_CHANGE\n"));
		assertThat(errors(files)).extracting(CatalogueError::where, e -> e.message().en())
			.containsExactly(tuple("matters/t-shop.yaml:5 theme", "duplicate key 'theme'"));
	}

	@Test
	void acceptsTheKeysAddedForNationalCodingAndTheNationalLists() {
		var files = TestCatalogue.files();
		files.put("items/test.yaml", TestCatalogue.ITEMS.replace("- code: T-REG\n",
				"- code: T-REG\n  basicCode: \"000110001000\"\n  implementationCode: 11430000MB1234567X000110001000\n")
			.replace("  result: {kind: NOTICE", "  fee: {amount: 0, basis: 不收费}\n  result: {kind: NOTICE"));
		files.put("matters/t-shop.yaml", TestCatalogue.MATTER.replace("offeredIn:",
				"national: {batch: \"2024-1\", year: 2024, leadDepartmentType: MARKET_REGULATION,"
						+ " cooperatingDepartmentTypes: [FIRE_RESCUE], stage: ENTRY_AND_OPERATION}\nofferedIn:"));
		assertThat(CatalogueReader.read(new CatalogueFiles(files))).isInstanceOf(CatalogueReader.Read.class);

		files.put("items/test.yaml", files.get("items/test.yaml").replace("basicCode: \"000110001000\"", "basicCode: \"0001-10001000\""));
		assertThat(errors(files)).extracting(CatalogueError::location).containsExactly("[0].basicCode");
	}

	@Test
	void readsAFileThatNamesItsSchemaForEditors() {
		Map<String, String> files = TestCatalogue.files();
		files.put("items/test.yaml", "# yaml-language-server: $schema=../schema/items.schema.json\n" + TestCatalogue.ITEMS);
		files.put("matters/t-shop.yaml", "# yaml-language-server: $schema=../schema/matters.schema.json\n" + TestCatalogue.MATTER);
		assertThat(TestCatalogue.catalogue(files).items()).hasSize(3);
	}

	private static Class<?> enumClass(String name) {
		try {
			return Class.forName(name);
		}
		catch (ClassNotFoundException e) {
			throw new AssertionError("the schema names an enumeration that does not exist: " + name);
		}
	}

	private interface Visitor {
		void visit(String where, JsonNode node);
	}

	private static void walk(JsonNode node, String where, Visitor visitor) {
		if (node.isObject()) {
			visitor.visit(where, node);
			for (String key : node.propertyNames()) {
				walk(node.get(key), where + "/" + key, visitor);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), where + "/" + i, visitor);
			}
		}
	}

	private static List<CatalogueError> errors(Map<String, String> files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(outcome).isInstanceOf(CatalogueReader.Rejected.class);
		return ((CatalogueReader.Rejected) outcome).errors();
	}
}
