package cn.onego.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.Step;
import cn.onego.catalog.Enums.Theme;

/**
 * A catalogue at a real city's scale, written out as files: the shipped regions, department types,
 * departments, data elements and materials, and on top of them {@code items} generated service items and
 * {@code matters} generated matters — 1,500 and 400 are a city's (about 1,250 items and 400 matters). The
 * shape is the shipped catalogue's: items of the city's department types (over twenty of them), each asking
 * for two to six materials out of a shared pool (so most materials serve several items) and three to eight
 * fields; matters of three to eight items of one applicant type, with prerequisites between them (always on
 * an earlier item, so never a cycle), and one or two situation questions that exclude an item or a material.
 * The same seed gives the same files, and so the same checksum.
 */
public final class GeneratedCatalogue {

	/** A city's catalogue: 1,500 items and 400 matters. */
	public static final int CITY_ITEMS = 1500;
	public static final int CITY_MATTERS = 400;

	private static final Path SHIPPED = Path.of("src/main/resources/catalog");
	private static final int ITEMS_PER_FILE = 100;
	private static final int GENERATED_MATERIALS = 600;

	private final Random random;
	private final StringBuilder out = new StringBuilder();

	private GeneratedCatalogue(long seed) {
		this.random = new Random(seed);
	}

	/** The files of a city's catalogue (seed 19). */
	public static Map<String, String> city() {
		return files(CITY_ITEMS, CITY_MATTERS, 19);
	}

	public static Map<String, String> files(int items, int matters, long seed) {
		return new GeneratedCatalogue(seed).generate(items, matters);
	}

	private Map<String, String> generate(int itemCount, int matterCount) {
		Map<String, String> files = new LinkedHashMap<>();
		for (String shipped : List.of("regions.csv", "department-types.yaml", "departments.yaml", "data-elements.yaml",
				"materials.yaml")) {
			files.put(shipped, read(shipped));
		}
		List<String> departmentTypes = cityDepartmentTypes(files.get("departments.yaml"));
		List<String> elements = codes(files.get("data-elements.yaml"));
		List<String> materials = new ArrayList<>(codes(files.get("materials.yaml")));
		files.put("materials/generated.yaml", materials(materials));

		List<GeneratedItem> items = new ArrayList<>();
		for (int i = 1; i <= itemCount; i++) {
			items.add(new GeneratedItem(String.format("G-I-%04d", i), departmentTypes.get(random.nextInt(departmentTypes.size())),
					random.nextInt(3) == 0 ? "PERSON" : "ENTERPRISE", pick(materials, 2 + random.nextInt(5)),
					pick(elements, 3 + random.nextInt(6))));
		}
		for (int from = 0; from < items.size(); from += ITEMS_PER_FILE) {
			files.put(String.format("items/generated-%02d.yaml", from / ITEMS_PER_FILE + 1),
					items(items.subList(from, Math.min(items.size(), from + ITEMS_PER_FILE))));
		}
		Map<String, List<GeneratedItem>> byApplicant = new LinkedHashMap<>();
		items.forEach(item -> byApplicant.computeIfAbsent(item.applicantType, k -> new ArrayList<>()).add(item));
		for (int m = 1; m <= matterCount; m++) {
			String applicantType = random.nextInt(3) == 0 ? "PERSON" : "ENTERPRISE";
			List<GeneratedItem> pool = byApplicant.get(applicantType);
			List<GeneratedItem> chosen = pick(pool, 3 + random.nextInt(6));
			String code = String.format("G-M-%04d", m);
			files.put("matters/" + code.toLowerCase() + ".yaml", matter(code, applicantType, chosen));
		}
		return files;
	}

	private record GeneratedItem(String code, String departmentType, String applicantType, List<String> materials,
			List<String> fields) {
	}

	private String materials(List<String> pool) {
		out.setLength(0);
		String[] kinds = { "CERTIFICATE", "PROOF", "OTHER" };
		for (int i = 1; i <= GENERATED_MATERIALS; i++) {
			String code = String.format("G-MAT-%04d", i);
			line("- code: " + code);
			line("  name: {zh: 生成材料" + i + ", en: Generated material " + i + "}");
			line("  kind: " + kinds[random.nextInt(kinds.length)]);
			if (random.nextInt(4) == 0) {
				line("  licenceType: G_LICENCE_" + i);
			}
			pool.add(code);
		}
		return out.toString();
	}

	private String items(List<GeneratedItem> items) {
		out.setLength(0);
		line("# yaml-language-server: $schema=../schema/items.schema.json");
		Step[][] stepSets = { { Step.ACCEPT, Step.DECIDE }, { Step.ACCEPT, Step.REVIEW, Step.DECIDE, Step.ISSUE },
				{ Step.ACCEPT, Step.REVIEW, Step.INSPECT, Step.DECIDE, Step.ISSUE } };
		for (GeneratedItem item : items) {
			int number = Integer.parseInt(item.code.substring(4));
			ItemType type = ItemType.values()[random.nextInt(ItemType.values().length)];
			boolean instant = random.nextInt(10) == 0;
			int legal = instant ? 0 : 5 + random.nextInt(56);
			int promised = instant ? 0 : Math.max(1, legal * (20 + random.nextInt(60)) / 100);
			line("- code: " + item.code);
			line("  name: {zh: 生成事项" + number + ", en: Generated item " + number + "}");
			line("  type: " + type);
			line("  departmentType: " + item.departmentType);
			line("  applicantTypes: [" + item.applicantType + "]");
			line("  legalBasis: 《生成的法规》第" + (1 + random.nextInt(80)) + "条");
			line("  legalLimit: " + legal);
			line("  promisedLimit: " + promised);
			if (instant) {
				line("  instant: true");
			}
			line("  steps: " + List.of(stepSets[random.nextInt(stepSets.length)]));
			line("  levels: [CITY]");
			if (random.nextInt(3) == 0) {
				line("  crossRegion: {scope: PROVINCE}");
			}
			if (random.nextInt(8) == 0) {
				line("  fee: {amount: " + (10 + random.nextInt(200)) + ", basis: 《生成的收费标准》}");
			}
			line(random.nextBoolean() ? "  result: {kind: LICENCE, licenceType: G_RESULT_" + number + ", name: {zh: 生成证照" + number + "}}"
					: "  result: {kind: NOTICE, name: {zh: 生成结果通知" + number + "}}");
			line("  materials:");
			for (String material : item.materials) {
				line("    - {material: " + material + (random.nextInt(5) == 0 ? ", gapAllowed: true" : "")
						+ (random.nextInt(7) == 0 ? ", commitmentAllowed: true" : "") + ", originals: 1}");
			}
			line("  fields:");
			for (String field : item.fields) {
				line("    - {element: " + field + (random.nextInt(4) == 0 ? ", required: false" : "") + "}");
			}
		}
		return out.toString();
	}

	private String matter(String code, String applicantType, List<GeneratedItem> items) {
		out.setLength(0);
		int number = Integer.parseInt(code.substring(4));
		List<Theme> themes = java.util.Arrays.stream(Theme.values())
			.filter(t -> t.enterprise == applicantType.equals("ENTERPRISE"))
			.toList();
		line("# yaml-language-server: $schema=../schema/matters.schema.json");
		line("code: " + code);
		line("name: {zh: 生成一件事" + number + ", en: Generated matter " + number + "}");
		line("aliases: [我要办生成事" + number + "]");
		line("theme: " + themes.get(random.nextInt(themes.size())));
		line("applicantType: " + applicantType);
		line("leadDepartmentType: " + items.get(0).departmentType);
		line("offeredIn: [\"" + (random.nextInt(4) == 0 ? "430000" : "430100") + "\"]");
		line("items:");
		GeneratedItem optional = items.get(items.size() - 1);
		for (GeneratedItem item : items) {
			line("  - {item: " + item.code + (item == optional ? ", mandatory: false" : "") + "}");
		}
		List<String> dependencies = new ArrayList<>();
		for (int i = 1; i < items.size(); i++) {
			if (random.nextInt(5) < 2) {
				dependencies.add("  - {item: " + items.get(i).code + ", needs: [" + items.get(random.nextInt(i)).code + "]}");
			}
		}
		if (!dependencies.isEmpty()) {
			line("dependencies:");
			dependencies.forEach(this::line);
		}
		line("situations:");
		line("  - code: NEEDS_OPTIONAL");
		line("    question: {zh: 是否需要办理生成事项" + optional.code.substring(4) + "？, en: \"Is the optional item needed?\"}");
		line("    options:");
		line("      - {value: \"YES\", label: {zh: 是, en: \"Yes\"}}");
		line("      - {value: \"NO\", label: {zh: 否, en: \"No\"}, exclude: {items: [" + optional.code + "]}}");
		if (random.nextBoolean()) {
			String material = items.get(0).materials.get(0);
			line("  - code: HOLDS_MATERIAL");
			line("    question: {zh: 是否已持有该材料？, en: \"Do you already hold it?\"}");
			line("    askedWhen: {situation: NEEDS_OPTIONAL, anyOf: [\"YES\", \"NO\"]}");
			line("    options:");
			line("      - {value: \"YES\", label: {zh: 是, en: \"Yes\"}, exclude: {materials: [" + material + "]}}");
			line("      - {value: \"NO\", label: {zh: 否, en: \"No\"}}");
		}
		return out.toString();
	}

	private <T> List<T> pick(List<T> pool, int count) {
		Set<T> chosen = new LinkedHashSet<>();
		while (chosen.size() < Math.min(count, pool.size())) {
			chosen.add(pool.get(random.nextInt(pool.size())));
		}
		return List.copyOf(chosen);
	}

	private void line(String text) {
		out.append(text).append('\n');
	}

	/** The department types every city of the shipped catalogue has (its CITY set). */
	@SuppressWarnings("unchecked")
	private static List<String> cityDepartmentTypes(String departments) {
		Map<String, Object> document = new Yaml().load(departments);
		Map<String, List<String>> sets = (Map<String, List<String>>) document.get("standardSets");
		return Collections.unmodifiableList(sets.get("CITY"));
	}

	@SuppressWarnings("unchecked")
	private static List<String> codes(String definitions) {
		List<Map<String, Object>> list = new Yaml().load(definitions);
		return list.stream().map(d -> String.valueOf(d.get("code"))).toList();
	}

	private static String read(String file) {
		try {
			return Files.readString(SHIPPED.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
