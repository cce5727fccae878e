package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.CatalogueReader.Read;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.HandlingLevel;
import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Enums.Step;
import cn.onego.catalog.Item.CrossRegion;
import cn.onego.catalog.Item.Fee;
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.catalog.Item.Result;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * The canonical form of item files: the shipped files are in it, and what the writer writes reads back as the same
 * items. Run with {@code -Dcatalog.canonicalise=true} to rewrite every file of items/ into the canonical form (for
 * example after adding items by hand): the test then writes the files instead of failing on them.
 */
class ItemWriterTests {

	private static final Path ITEMS = Path.of("src/main/resources/catalog/items");

	@Test
	void shippedItemFilesAreInTheCanonicalForm() throws IOException {
		Catalogue bundled = BundledCatalogueTests.bundled();
		boolean canonicalise = Boolean.getBoolean("catalog.canonicalise");
		List<String> notCanonical = new ArrayList<>();
		for (Path path : itemFiles()) {
			String text = Files.readString(path, StandardCharsets.UTF_8);
			String canonical = ItemWriter.write(ItemFile.of("items/" + path.getFileName(), text, bundled));
			if (!canonical.equals(text)) {
				if (canonicalise) {
					Files.writeString(path, canonical, StandardCharsets.UTF_8);
				}
				else {
					notCanonical.add(path.getFileName().toString());
				}
			}
		}
		assertThat(notCanonical).as("item files not in the canonical form (rewrite them with -Dcatalog.canonicalise=true)")
			.isEmpty();
	}

	@Test
	void rewritingAFileGivesTheSameItems() throws IOException {
		Catalogue bundled = BundledCatalogueTests.bundled();
		Map<String, String> files = new TreeMap<>(BundledCatalogueTests.files());
		for (Path path : itemFiles()) {
			String key = "items/" + path.getFileName();
			files.put(key, ItemWriter.write(ItemFile.of(key, files.get(key), bundled)));
		}
		Catalogue rewritten = ((Read) CatalogueReader.read(new CatalogueFiles(files))).catalogue();
		assertThat(rewritten.items()).containsExactlyInAnyOrderElementsOf(bundled.items());
	}

	@Test
	void quotesWhatYamlWouldReadAsSomethingElse() {
		assertThat(ItemWriter.plain("《条例》第十九条", false)).isEqualTo("《条例》第十九条");
		assertThat(ItemWriter.plain("true", false)).isEqualTo("\"true\"");
		assertThat(ItemWriter.plain("0123", false)).isEqualTo("\"0123\"");
		assertThat(ItemWriter.plain("2020-01-01", false)).isEqualTo("\"2020-01-01\"");
		assertThat(ItemWriter.plain("20/15个工作日", false)).isEqualTo("20/15个工作日");
		assertThat(ItemWriter.plain("a, b", true)).isEqualTo("\"a, b\"");
		assertThat(ItemWriter.plain("a, b", false)).isEqualTo("a, b");
		assertThat(ItemWriter.plain("key: value", false)).isEqualTo("\"key: value\"");
		assertThat(ItemWriter.plain("\"quoted\" and \\ line\nbreak", false)).isEqualTo("\"\\\"quoted\\\" and \\\\ line\\nbreak\"");
	}

	@Test
	void writesAnItemWithEveryOptionalPartSoThatItReadsBack() {
		Item item = new Item("HN-TEST-FULL", Label.of("测试: 全部", "Test, all \"parts\""), ItemType.PUBLIC_SERVICE,
				"MARKET_REGULATION", Set.of(ApplicantType.PERSON, ApplicantType.ENTERPRISE), "yes", 10, 5, false,
				List.of(Step.ACCEPT, Step.DECIDE), Set.of(HandlingLevel.CITY), false,
				new CrossRegion(CrossRegionScope.CITY, List.of()), new Fee(new BigDecimal("12.5"), "收费依据, 第一条"),
				new Result(ResultKind.NOTICE, null, Label.of("结果", null)),
				List.of(new ItemMaterial("ID_CARD", false, true, true, "#免交", 2, 3)),
				List.of(new ItemField("APPLICANT_NAME", true, new Validation(2, 50, null, null, "^[^,]+$"))),
				null, "假设: 说明", "1234567890AB", "11430000MB0000000X400011700100001");
		Map<String, String> files = new TreeMap<>(TestCatalogue.files());
		files.put("items/full.yaml", ItemWriter.write(new ItemFile("items/full.yaml", List.of("测试事项"), List.of(item), Map.of())));
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(outcome).isInstanceOf(Read.class);
		assertThat(((Read) outcome).catalogue().item("HN-TEST-FULL")).contains(item);
	}

	static List<Path> itemFiles() throws IOException {
		try (Stream<Path> paths = Files.list(ITEMS)) {
			return paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
		}
	}
}
