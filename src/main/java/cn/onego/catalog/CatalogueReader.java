package cn.onego.catalog;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import cn.onego.catalog.DataElement.Option;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.HandlingLevel;
import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.MaterialKind;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Enums.Section;
import cn.onego.catalog.Enums.SituationType;
import cn.onego.catalog.Enums.Step;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.Item.CrossRegion;
import cn.onego.catalog.Item.Fee;
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.catalog.Item.Result;
import cn.onego.catalog.Matter.Condition;
import cn.onego.catalog.Matter.Effect;
import cn.onego.catalog.Matter.MatterItem;
import cn.onego.catalog.Matter.Situation;
import cn.onego.platform.Message;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Reads a catalogue's files into a {@link Catalogue}, or lists every error it finds: malformed files,
 * missing or unknown keys, values outside their enumerations, duplicate codes, unknown references,
 * negative or inverted limits, invalid region codes or check digits, situation rules naming items
 * outside their matter, and dependency cycles. The format is docs/CATALOGUE.md.
 */
final class CatalogueReader {

	/** The largest file, in code points, a catalogue may hold (the bundled regions.csv has 180,000). */
	static final int MAX_FILE_CODE_POINTS = 4 * 1024 * 1024;

	static final String REGIONS = "regions.csv";
	static final String DEPARTMENT_TYPES = "department-types.yaml";
	static final String DEPARTMENTS = "departments.yaml";
	static final String ELEMENTS = "data-elements.yaml";
	static final String MATERIALS = "materials.yaml";
	private static final List<String> REQUIRED = List.of(REGIONS, DEPARTMENT_TYPES, DEPARTMENTS);
	private static final List<String> FOLDERS = List.of("data-elements/", "materials/", "items/", "matters/");

	/** What reading gave: a catalogue, or the complete list of errors. */
	sealed interface Outcome {
	}

	record Read(Catalogue catalogue) implements Outcome {
	}

	record Rejected(List<CatalogueError> errors) implements Outcome {
	}

	private final CatalogueFiles files;
	private final List<CatalogueError> errors = new ArrayList<>();
	private final Map<RegionCode, Region> regions = new LinkedHashMap<>();
	private final Map<String, DepartmentType> departmentTypes = new LinkedHashMap<>();
	private final Map<String, Department> departments = new LinkedHashMap<>();
	private final Map<String, Park> parks = new LinkedHashMap<>();
	private final Map<String, DataElement> elements = new LinkedHashMap<>();
	private final Map<String, Material> materials = new LinkedHashMap<>();
	private final Map<String, Item> items = new LinkedHashMap<>();
	private final Map<String, Matter> matters = new LinkedHashMap<>();

	/** Codes declared in a file even when their definition had errors: no second "unknown" error for them. */
	private final Set<String> declaredWithErrors = new HashSet<>();

	private CatalogueReader(CatalogueFiles files) {
		this.files = files;
	}

	static Outcome read(CatalogueFiles files) {
		return new CatalogueReader(files).readAll();
	}

	private Outcome readAll() {
		for (String required : REQUIRED) {
			if (!files.files().containsKey(required)) {
				fileError(required, "缺少必需的文件", "required file is missing");
			}
		}
		for (String path : files.files().keySet()) {
			boolean known = REQUIRED.contains(path) || path.equals(ELEMENTS) || path.equals(MATERIALS)
					|| FOLDERS.stream().anyMatch(folder -> isYamlUnder(path, folder));
			if (!known) {
				fileError(path, "未知的目录文件（应为 docs/CATALOGUE.md 所列文件，或 data-elements/、materials/、items/、matters/ 下的 .yaml 文件）",
						"unknown catalogue file (expected the files of docs/CATALOGUE.md, or .yaml files under data-elements/, materials/, items/ and matters/)");
			}
		}
		readRegions();
		each(DEPARTMENT_TYPES, this::readDepartmentType);
		YamlCursor departmentsFile = document(DEPARTMENTS);
		if (departmentsFile != null) {
			readDepartments(departmentsFile);
		}
		each(ELEMENTS, this::readElement);
		filesUnder("data-elements/").forEach(file -> each(file, this::readElement));
		each(MATERIALS, this::readMaterial);
		filesUnder("materials/").forEach(file -> each(file, this::readMaterial));
		filesUnder("items/").forEach(file -> each(file, this::readItem));
		for (String file : filesUnder("matters/")) {
			YamlCursor matter = document(file);
			if (matter != null) {
				readMatter(matter);
			}
		}
		checkMatterReferences();
		if (!errors.isEmpty()) {
			return new Rejected(List.copyOf(errors));
		}
		return new Read(new Catalogue(0, Instant.EPOCH, files.checksum(), regions.values(), departmentTypes.values(),
				departments.values(), parks.values(), elements.values(), materials.values(), items.values(),
				matters.values()));
	}

	private List<String> filesUnder(String folder) {
		return files.files().keySet().stream().filter(p -> isYamlUnder(p, folder)).toList();
	}

	private static boolean isYamlUnder(String path, String folder) {
		return path.startsWith(folder) && (path.endsWith(".yaml") || path.endsWith(".yml"));
	}

	private void fileError(String file, String zh, String en) {
		errors.add(new CatalogueError(file, 0, "", Message.of(zh, en)));
	}

	private YamlCursor document(String file) {
		String content = files.files().get(file);
		if (content == null) {
			return null;
		}
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			// the limits of a hostile file: no alias bombs ("billion laughs"), no recursive keys, no file larger
			// than an import may be, no nesting deeper than the format's
			options.setMaxAliasesForCollections(20);
			options.setAllowRecursiveKeys(false);
			options.setNestingDepthLimit(30);
			options.setCodePointLimit(MAX_FILE_CODE_POINTS);
			Node node = new Yaml(options).compose(new StringReader(content));
			if (node == null) {
				fileError(file, "文件为空", "the file is empty");
				return null;
			}
			return YamlCursor.root(file, node, errors);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
			errors.add(new CatalogueError(file, line, "",
					Message.of("YAML 格式错误：" + e.getProblem(), "malformed YAML: " + e.getProblem())));
			return null;
		}
		catch (YAMLException e) {
			fileError(file, "YAML 格式错误：" + e.getMessage(), "malformed YAML: " + e.getMessage());
			return null;
		}
	}

	private void each(String file, java.util.function.Consumer<YamlCursor> reader) {
		YamlCursor document = document(file);
		if (document != null) {
			document.list().forEach(reader);
		}
	}

	private <T> void register(Map<String, T> registry, String code, T value, YamlCursor at, String whatZh,
			String whatEn) {
		if (code == null || value == null) {
			return;
		}
		if (registry.containsKey(code)) {
			at.get("code").error(whatZh + "编码重复：" + code, "duplicate " + whatEn + " code: " + code);
			return;
		}
		registry.put(code, value);
	}

	// ---------------------------------------------------------------- regions

	private void readRegions() {
		String content = files.files().get(REGIONS);
		if (content == null) {
			return;
		}
		String[] lines = content.split("\r?\n");
		Map<RegionCode, Integer> lineOf = new HashMap<>();
		boolean header = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int number = i + 1;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (!header) {
				header = true;
				if (!line.equals("code,name,level,parent")) {
					errors.add(new CatalogueError(REGIONS, number, "", Message.of("表头应为 code,name,level,parent",
							"the header must be code,name,level,parent")));
				}
				continue;
			}
			List<String> cells = csvCells(line);
			if (cells.size() != 4) {
				regionError(number, "应有4列，实有" + cells.size() + "列", "expected 4 columns, found " + cells.size());
				continue;
			}
			String code = cells.get(0);
			if (!RegionCode.isWellFormed(code)) {
				regionError(number, "行政区划代码无效：" + code, "invalid region code: " + code);
				continue;
			}
			RegionLevel level;
			try {
				level = RegionLevel.valueOf(cells.get(2));
			}
			catch (IllegalArgumentException e) {
				regionError(number, "层级无效：" + cells.get(2), "invalid level: " + cells.get(2));
				continue;
			}
			int expectedLength = switch (level) {
				case PROVINCE, PREFECTURE, COUNTY -> 6;
				case TOWN -> 9;
				case VILLAGE -> 12;
			};
			if (code.length() != expectedLength) {
				regionError(number, "代码 " + code + " 的位数与层级 " + level + " 不符",
						"code " + code + " does not have the length of level " + level);
			}
			RegionCode parent = null;
			if (!cells.get(3).isEmpty()) {
				if (!RegionCode.isWellFormed(cells.get(3))) {
					regionError(number, "上级代码无效：" + cells.get(3), "invalid parent code: " + cells.get(3));
					continue;
				}
				parent = RegionCode.of(cells.get(3));
			}
			else if (level != RegionLevel.PROVINCE) {
				regionError(number, "非省级区划必须有上级", "a region below province level needs a parent");
			}
			RegionCode regionCode = RegionCode.of(code);
			if (regions.containsKey(regionCode)) {
				regionError(number, "行政区划代码重复：" + code, "duplicate region code: " + code);
				continue;
			}
			regions.put(regionCode, new Region(regionCode, cells.get(1), level, parent));
			lineOf.put(regionCode, number);
		}
		for (Region region : regions.values()) {
			if (region.parent() == null) {
				continue;
			}
			Region parent = regions.get(region.parent());
			if (parent == null) {
				regionError(lineOf.get(region.code()), "上级区划不存在：" + region.parent(),
						"parent region does not exist: " + region.parent());
			}
			else if (parent.level().ordinal() >= region.level().ordinal()) {
				regionError(lineOf.get(region.code()), "上级区划 " + parent.code() + " 的层级不高于本级",
						"parent region " + parent.code() + " is not of a higher level");
			}
		}
	}

	private void regionError(int line, String zh, String en) {
		errors.add(new CatalogueError(REGIONS, line, "", Message.of(zh, en)));
	}

	static List<String> csvCells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}

	/** A region code that must exist in regions.csv. */
	private RegionCode regionRef(YamlCursor at) {
		String value = at.text();
		if (value == null) {
			return null;
		}
		if (!RegionCode.isWellFormed(value)) {
			at.error("行政区划代码格式无效：" + value + "（应为6、9或12位数字）",
					"malformed region code: " + value + " (6, 9 or 12 digits expected)");
			return null;
		}
		RegionCode code = RegionCode.of(value);
		if (!regions.containsKey(code)) {
			at.error("行政区划代码不存在：" + value, "unknown region code: " + value);
			return null;
		}
		return code;
	}

	// ---------------------------------------------------------------- departments

	private void readDepartmentType(YamlCursor at) {
		at.allowOnly("code", "name", "nameTemplate", "nameByLevel", "government");
		String code = at.get("code").requiredCode();
		Label name = at.get("name").requiredLabel();
		String template = at.get("nameTemplate").requiredText();
		if (template != null && !template.contains("{region}")) {
			at.get("nameTemplate").error("名称模板须包含 {region}", "the name template must contain {region}");
		}
		Map<RegionLevel, String> byLevel = new java.util.EnumMap<>(RegionLevel.class);
		YamlCursor levels = at.get("nameByLevel");
		if (levels.present()) {
			levels.allowOnly(java.util.Arrays.stream(RegionLevel.values()).map(Enum::name).toArray(String[]::new));
			for (RegionLevel level : RegionLevel.values()) {
				String variant = levels.get(level.name()).text();
				if (variant == null) {
					continue;
				}
				if (!variant.contains("{region}")) {
					levels.get(level.name()).error("名称模板须包含 {region}", "the name template must contain {region}");
				}
				byLevel.put(level, variant);
			}
		}
		if (code != null && name != null && template != null) {
			register(departmentTypes, code, new DepartmentType(code, name, template, java.util.Map.copyOf(byLevel),
					at.get("government").bool(true)), at, "部门类型", "department type");
		}
	}

	private String departmentTypeRef(YamlCursor at) {
		String code = at.text();
		if (code != null && !departmentTypes.containsKey(code)) {
			at.error("部门类型不存在：" + code, "unknown department type: " + code);
			return null;
		}
		return code;
	}

	private void readDepartments(YamlCursor file) {
		file.allowOnly("standardSets", "placements", "parks");
		Map<String, List<String>> sets = new LinkedHashMap<>();
		YamlCursor standardSets = file.get("standardSets");
		if (standardSets.present() && !standardSets.isMapping()) {
			standardSets.error("应为键值对象", "expected a mapping");
		}
		for (String name : List.of("PROVINCE", "CITY", "COUNTY", "TOWN", "PARK")) {
			YamlCursor set = standardSets.get(name);
			if (set.present()) {
				sets.put(name, set.list().stream().map(this::departmentTypeRef).filter(t -> t != null).toList());
			}
		}
		standardSets.allowOnly("PROVINCE", "CITY", "COUNTY", "TOWN", "PARK");
		for (YamlCursor placement : file.get("placements").list()) {
			placement.allowOnly("region", "under", "levels", "set", "types");
			List<String> types = new ArrayList<>();
			String set = placement.get("set").text();
			if (set != null) {
				if (!sets.containsKey(set)) {
					placement.get("set").error("部门集合不存在：" + set, "unknown department set: " + set);
				}
				else {
					types.addAll(sets.get(set));
				}
			}
			placement.get("types").list().stream().map(this::departmentTypeRef).filter(t -> t != null).forEach(types::add);
			List<Region> targets = new ArrayList<>();
			if (placement.get("region").present()) {
				RegionCode code = regionRef(placement.get("region"));
				if (code != null) {
					targets.add(regions.get(code));
				}
			}
			else if (placement.get("under").present()) {
				RegionCode under = regionRef(placement.get("under"));
				List<RegionLevel> levels = placement.get("levels").enums(RegionLevel.class);
				if (under != null) {
					for (Region region : regions.values()) {
						if (levels.contains(region.level()) && isWithin(region.code(), under)) {
							targets.add(region);
						}
					}
				}
			}
			else {
				placement.error("须给出 region 或 under", "either region or under is required");
			}
			for (Region region : targets) {
				for (String type : types) {
					String code = region.code().value() + "-" + type;
					departments.putIfAbsent(code,
							new Department(code, departmentTypes.get(type).nameIn(region), type, region.code(), null));
				}
			}
		}
		for (YamlCursor park : file.get("parks").list()) {
			park.allowOnly("code", "name", "region");
			String code = park.get("code").requiredCode();
			Label name = park.get("name").requiredLabel();
			RegionCode region = park.get("region").present() ? regionRef(park.get("region")) : null;
			if (!park.get("region").present()) {
				park.get("region").error("缺少必填项", "required value is missing");
			}
			if (code != null && name != null && region != null) {
				register(parks, code, new Park(code, name, region), park, "园区", "park");
				for (String type : sets.getOrDefault("PARK", List.of())) {
					String departmentCode = code + "-" + type;
					String departmentName = departmentTypes.get(type).nameTemplate().replace("{region}", name.zh());
					departments.putIfAbsent(departmentCode, new Department(departmentCode, departmentName, type, region, code));
				}
			}
		}
	}

	private boolean isWithin(RegionCode region, RegionCode ancestor) {
		Region current = regions.get(region);
		int guard = 0;
		while (current != null && guard++ < 8) {
			if (current.code().equals(ancestor)) {
				return true;
			}
			current = current.parent() == null ? null : regions.get(current.parent());
		}
		return false;
	}

	// ---------------------------------------------------------------- data elements and materials

	private void readElement(YamlCursor at) {
		at.allowOnly("code", "label", "type", "section", "validation", "options", "personal", "registry", "example");
		String code = at.get("code").requiredCode();
		Label label = at.get("label").requiredLabel();
		ElementType type = at.get("type").requiredEnum(ElementType.class);
		Section section = at.get("section").enumValue(Section.class, Section.OTHER);
		Validation validation = validation(at.get("validation"));
		List<Option> options = new ArrayList<>();
		for (YamlCursor option : at.get("options").list()) {
			option.allowOnly("value", "label");
			String value = option.get("value").requiredText();
			Label optionLabel = option.get("label").requiredLabel();
			if (value != null && optionLabel != null) {
				options.add(new Option(value, optionLabel));
			}
		}
		if (type == ElementType.ENUM && options.isEmpty()) {
			at.get("options").error("枚举类型的数据元须列出选项", "an ENUM data element needs options");
		}
		if (type != null && type != ElementType.ENUM && !options.isEmpty()) {
			at.get("options").error("只有枚举类型可以有选项", "only ENUM data elements have options");
		}
		String example = at.get("example").text();
		if (example != null && type != null && type != ElementType.ENUM) {
			Message problem = checkValue(type, example);
			if (problem != null) {
				at.get("example").error("示例值无效：" + problem.zh(), "invalid example: " + problem.en());
			}
		}
		if (code != null && (label == null || type == null)) {
			declaredWithErrors.add(code);
		}
		if (code != null && label != null && type != null) {
			register(elements, code,
					new DataElement(code, label, type, section, validation, List.copyOf(options),
							at.get("personal").bool(false), at.get("registry").enumValue(Registry.class, null), example),
					at, "数据元", "data element");
		}
	}

	/** What is wrong with a catalogue's sample value of a type, or null. */
	static Message checkValue(ElementType type, String value) {
		return FieldValues.typeProblem(type, List.of(), value);
	}

	private Validation validation(YamlCursor at) {
		if (!at.present()) {
			return Validation.NONE;
		}
		at.allowOnly("minLength", "maxLength", "min", "max", "pattern");
		Integer minLength = at.get("minLength").integer();
		Integer maxLength = at.get("maxLength").integer();
		BigDecimal min = at.get("min").decimal();
		BigDecimal max = at.get("max").decimal();
		String pattern = at.get("pattern").text();
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException e) {
				at.get("pattern").error("正则表达式无效：" + pattern, "invalid regular expression: " + pattern);
			}
		}
		if ((minLength != null && minLength < 0) || (maxLength != null && maxLength < 0)) {
			at.error("长度不能为负数", "lengths cannot be negative");
		}
		if (minLength != null && maxLength != null && minLength > maxLength) {
			at.error("最小长度大于最大长度", "minLength is greater than maxLength");
		}
		if (min != null && max != null && min.compareTo(max) > 0) {
			at.error("最小值大于最大值", "min is greater than max");
		}
		return new Validation(minLength, maxLength, min, max, pattern);
	}

	private void readMaterial(YamlCursor at) {
		at.allowOnly("code", "name", "kind", "issuer", "licenceType", "registry", "assumption");
		String code = at.get("code").requiredCode();
		Label name = at.get("name").requiredLabel();
		MaterialKind kind = at.get("kind").requiredEnum(MaterialKind.class);
		if (code != null && (name == null || kind == null)) {
			declaredWithErrors.add(code);
		}
		if (code != null && name != null && kind != null) {
			register(materials, code, new Material(code, name, kind, at.get("issuer").label(),
					at.get("licenceType").text(), at.get("registry").enumValue(Registry.class, null),
					at.get("assumption").text()), at, "材料", "material");
		}
	}

	// ---------------------------------------------------------------- items

	private void readItem(YamlCursor at) {
		at.allowOnly("code", "name", "type", "departmentType", "applicantTypes", "legalBasis", "legalLimit",
				"promisedLimit", "instant", "steps", "levels", "delegatedToParks", "crossRegion", "fee", "result",
				"materials", "fields", "autoApproval", "assumption");
		String code = at.get("code").requiredCode();
		Label name = at.get("name").requiredLabel();
		ItemType type = at.get("type").requiredEnum(ItemType.class);
		String departmentType = at.get("departmentType").present() ? departmentTypeRef(at.get("departmentType")) : null;
		if (!at.get("departmentType").present()) {
			at.get("departmentType").error("缺少必填项", "required value is missing");
		}
		Set<ApplicantType> applicantTypes = enumSet(ApplicantType.class, at.get("applicantTypes"));
		if (applicantTypes.isEmpty()) {
			at.get("applicantTypes").error("至少须有一类服务对象", "at least one applicant type is required");
		}
		String legalBasis = at.get("legalBasis").requiredText();
		Integer legalLimit = at.get("legalLimit").integer();
		Integer promisedLimit = at.get("promisedLimit").integer();
		if (legalLimit == null) {
			at.get("legalLimit").error("缺少必填项", "required value is missing");
		}
		else if (legalLimit < 0) {
			at.get("legalLimit").error("法定时限不能为负数：" + legalLimit, "the legal limit cannot be negative: " + legalLimit);
		}
		if (promisedLimit == null) {
			at.get("promisedLimit").error("缺少必填项", "required value is missing");
		}
		else if (promisedLimit < 0) {
			at.get("promisedLimit").error("承诺时限不能为负数：" + promisedLimit,
					"the promised limit cannot be negative: " + promisedLimit);
		}
		else if (legalLimit != null && legalLimit >= 0 && promisedLimit > legalLimit) {
			at.get("promisedLimit").error("承诺时限（" + promisedLimit + "）超过法定时限（" + legalLimit + "）",
					"the promised limit (" + promisedLimit + ") exceeds the legal limit (" + legalLimit + ")");
		}
		boolean instant = at.get("instant").bool(false);
		if (instant && promisedLimit != null && promisedLimit > 0) {
			at.get("instant").error("即办件的承诺时限应为0", "an on-the-spot item has a promised limit of 0");
		}
		List<Step> steps = at.get("steps").enums(Step.class);
		if (steps.isEmpty()) {
			at.get("steps").error("至少须有一个环节", "at least one step is required");
		}
		Set<HandlingLevel> levels = enumSet(HandlingLevel.class, at.get("levels"));
		if (levels.isEmpty()) {
			at.get("levels").error("至少须有一个行使层级", "at least one handling level is required");
		}
		CrossRegion crossRegion = crossRegion(at.get("crossRegion"));
		Fee fee = fee(at.get("fee"));
		Result result = result(at.get("result"));
		List<ItemMaterial> itemMaterials = new ArrayList<>();
		Set<String> seenMaterials = new HashSet<>();
		for (YamlCursor line : at.get("materials").list()) {
			line.allowOnly("material", "required", "gapAllowed", "commitmentAllowed", "exemptByLaw", "originals",
					"copies", "assumption");
			String material = line.get("material").requiredText();
			if (material != null && !materials.containsKey(material)) {
				if (declaredWithErrors.contains(material)) {
					continue;
				}
				line.get("material").error("材料不存在：" + material, "unknown material: " + material);
				continue;
			}
			if (material != null && !seenMaterials.add(material)) {
				line.get("material").error("同一事项重复列出材料：" + material, "material listed twice for the item: " + material);
				continue;
			}
			int originals = line.get("originals").integer(0);
			int copies = line.get("copies").integer(0);
			if (originals < 0 || copies < 0) {
				line.error("份数不能为负数", "counts of originals and copies cannot be negative");
			}
			if (material != null) {
				itemMaterials.add(new ItemMaterial(material, line.get("required").bool(true),
						line.get("gapAllowed").bool(false), line.get("commitmentAllowed").bool(false),
						line.get("exemptByLaw").text(), originals, copies));
			}
		}
		List<ItemField> fields = new ArrayList<>();
		Set<String> seenFields = new HashSet<>();
		for (YamlCursor line : at.get("fields").list()) {
			line.allowOnly("element", "required", "validation", "assumption");
			String element = line.get("element").requiredText();
			if (element != null && !elements.containsKey(element)) {
				if (declaredWithErrors.contains(element)) {
					continue;
				}
				line.get("element").error("数据元不存在：" + element, "unknown data element: " + element);
				continue;
			}
			if (element != null && !seenFields.add(element)) {
				line.get("element").error("同一事项重复列出数据元：" + element, "data element listed twice for the item: " + element);
				continue;
			}
			if (element != null) {
				fields.add(new ItemField(element, line.get("required").bool(true), validation(line.get("validation"))));
			}
		}
		AutoApproval autoApproval = autoApproval(at.get("autoApproval"), code, seenFields);
		boolean complete = name != null && type != null && departmentType != null && legalBasis != null
				&& legalLimit != null && promisedLimit != null && crossRegion != null && fee != null && result != null;
		if (code != null && !complete) {
			declaredWithErrors.add(code);
		}
		if (code != null && complete) {
			register(items, code, new Item(code, name, type, departmentType, applicantTypes, legalBasis, legalLimit,
					promisedLimit, instant, steps, levels, at.get("delegatedToParks").bool(false), crossRegion, fee,
					result, List.copyOf(itemMaterials), List.copyOf(fields), autoApproval, at.get("assumption").text()), at,
					"事项", "item");
		}
	}

	/** A 秒批 rule: facts are fields of the item ({@code form.X}) or registry keys ({@code registry.R.KEY}). */
	private AutoApproval autoApproval(YamlCursor at, String item, Set<String> itemFields) {
		if (!at.present()) {
			return null;
		}
		at.allowOnly("when");
		List<AutoApproval.Condition> conditions = new ArrayList<>();
		for (YamlCursor c : at.get("when").list()) {
			c.allowOnly("fact", "op", "value", "values");
			String fact = c.get("fact").requiredText();
			AutoApproval.Operator op = c.get("op").requiredEnum(AutoApproval.Operator.class);
			List<String> values = c.get("values").present() ? c.get("values").strings()
					: c.get("value").present() ? List.of(c.get("value").text()) : List.of();
			if (fact != null) {
				String[] parts = fact.split("\\.");
				boolean known = (parts.length == 2 && parts[0].equals("form") && itemFields.contains(parts[1]))
						|| (parts.length == 3 && parts[0].equals("registry") && isRegistry(parts[1]));
				if (!known) {
					c.get("fact").error("秒批条件的事实应为本事项的表单字段（form.字段）或共享库数据（registry.库.键）：" + fact,
							"a fact is a field of the item (form.FIELD) or a registry key (registry.REGISTRY.KEY): " + fact);
				}
			}
			boolean needsValue = op != null && op != AutoApproval.Operator.PRESENT && op != AutoApproval.Operator.ABSENT;
			if (needsValue && values.isEmpty()) {
				c.error("该条件需要 value 或 values", "the condition needs a value or values");
			}
			if (op != null && List.of(AutoApproval.Operator.LT, AutoApproval.Operator.LTE, AutoApproval.Operator.GT,
					AutoApproval.Operator.GTE).contains(op) && !values.isEmpty() && checkValue(ElementType.NUMBER, values.get(0)) != null) {
				c.get("value").error("比较条件的值应为数值", "a comparison needs a numeric value");
			}
			if (fact != null && op != null && (!needsValue || !values.isEmpty())) {
				conditions.add(new AutoApproval.Condition(fact, op, List.copyOf(values)));
			}
		}
		if (!at.get("when").present()) {
			at.get("when").error("秒批规则至少须有一个条件", "a 秒批 rule needs at least one condition");
		}
		return new AutoApproval(item + "#auto", List.copyOf(conditions));
	}

	private static boolean isRegistry(String name) {
		return java.util.Arrays.stream(Registry.values()).anyMatch(r -> r.name().equals(name));
	}

	private <E extends Enum<E>> Set<E> enumSet(Class<E> type, YamlCursor at) {
		List<E> values = at.enums(type);
		return values.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(values));
	}

	private CrossRegion crossRegion(YamlCursor at) {
		if (!at.present()) {
			return new CrossRegion(CrossRegionScope.NONE, List.of());
		}
		at.allowOnly("scope", "partners");
		CrossRegionScope scope = at.get("scope").enumValue(CrossRegionScope.class, CrossRegionScope.NONE);
		List<RegionCode> partners = at.get("partners").list().stream().map(this::regionRef).filter(r -> r != null).toList();
		if (scope == CrossRegionScope.CROSS_PROVINCE && partners.isEmpty() && !at.get("partners").present()) {
			at.get("partners").error("跨省通办须列出合作地区", "cross-province handling names its partner regions");
		}
		return new CrossRegion(scope, partners);
	}

	private Fee fee(YamlCursor at) {
		if (!at.present()) {
			return new Fee(BigDecimal.ZERO, null);
		}
		at.allowOnly("amount", "basis");
		BigDecimal amount = at.get("amount").decimal();
		if (amount == null) {
			amount = BigDecimal.ZERO;
		}
		if (amount.signum() < 0) {
			at.get("amount").error("收费不能为负数", "a fee cannot be negative");
		}
		String basis = at.get("basis").text();
		if (amount.signum() > 0 && basis == null) {
			at.get("basis").error("收费须写明依据", "a fee names its legal basis");
		}
		return new Fee(amount, basis);
	}

	private Result result(YamlCursor at) {
		if (!at.present()) {
			at.error("缺少必填项", "required value is missing");
			return null;
		}
		at.allowOnly("kind", "licenceType", "name");
		ResultKind kind = at.get("kind").requiredEnum(ResultKind.class);
		String licenceType = at.get("licenceType").text();
		if (kind == ResultKind.LICENCE && licenceType == null) {
			at.get("licenceType").error("证照类结果须给出证照类型", "a licence result names its licence type");
		}
		Label name = at.get("name").requiredLabel();
		return kind == null || name == null ? null : new Result(kind, licenceType, name);
	}

	// ---------------------------------------------------------------- matters

	private final Map<String, YamlCursor> matterCursors = new LinkedHashMap<>();

	private void readMatter(YamlCursor at) {
		at.allowOnly("code", "name", "aliases", "theme", "applicantType", "leadDepartmentType", "national",
				"offeredIn", "basedOn", "description", "items", "dependencies", "situations", "assumption");
		String code = at.get("code").requiredCode();
		Label name = at.get("name").requiredLabel();
		Theme theme = at.get("theme").requiredEnum(Theme.class);
		ApplicantType applicantType = at.get("applicantType").requiredEnum(ApplicantType.class);
		String lead = at.get("leadDepartmentType").present() ? departmentTypeRef(at.get("leadDepartmentType")) : null;
		String batch = null;
		if (at.get("national").present()) {
			at.get("national").allowOnly("batch");
			batch = at.get("national").get("batch").text();
		}
		List<RegionCode> offeredIn = at.get("offeredIn").list().stream().map(this::regionRef).filter(r -> r != null).toList();
		if (!at.get("offeredIn").present()) {
			at.get("offeredIn").error("须列出提供该一件事的地区", "the regions where the matter is offered are required");
		}
		List<MatterItem> matterItems = new ArrayList<>();
		Set<String> itemCodes = new LinkedHashSet<>();
		for (YamlCursor line : at.get("items").list()) {
			line.allowOnly("item", "mandatory", "included", "assumption");
			String item = line.get("item").requiredText();
			if (item == null) {
				continue;
			}
			if (!items.containsKey(item)) {
				if (!declaredWithErrors.contains(item)) {
					line.get("item").error("事项不存在：" + item, "unknown item: " + item);
				}
				continue;
			}
			if (!itemCodes.add(item)) {
				line.get("item").error("事项重复列出：" + item, "item listed twice: " + item);
				continue;
			}
			matterItems.add(new MatterItem(item, line.get("mandatory").bool(true), line.get("included").bool(true)));
		}
		if (!at.get("items").present()) {
			at.get("items").error("一件事至少须包含一个事项", "a matter bundles at least one item");
		}
		Set<String> matterMaterials = new HashSet<>();
		itemCodes.forEach(i -> items.get(i).materials().forEach(m -> matterMaterials.add(m.material())));

		Map<String, List<String>> dependencies = new LinkedHashMap<>();
		for (YamlCursor line : at.get("dependencies").list()) {
			line.allowOnly("item", "needs");
			String item = line.get("item").requiredText();
			if (item != null && !itemCodes.contains(item)) {
				line.get("item").error("依赖关系中的事项不属于本一件事：" + item, "dependency names an item outside the matter: " + item);
				continue;
			}
			List<String> needs = new ArrayList<>();
			for (YamlCursor need : line.get("needs").list()) {
				String prerequisite = need.text();
				if (prerequisite == null) {
					continue;
				}
				if (!itemCodes.contains(prerequisite)) {
					need.error("前置事项不属于本一件事：" + prerequisite, "prerequisite is not an item of the matter: " + prerequisite);
				}
				else if (prerequisite.equals(item)) {
					need.error("事项不能依赖自身：" + item, "an item cannot depend on itself: " + item);
				}
				else {
					needs.add(prerequisite);
				}
			}
			if (item != null) {
				if (dependencies.containsKey(item)) {
					line.get("item").error("同一事项的依赖关系重复：" + item, "dependencies of the item given twice: " + item);
				}
				else {
					dependencies.put(item, List.copyOf(needs));
				}
			}
		}
		List<String> cycle = cycleIn(dependencies);
		if (!cycle.isEmpty()) {
			at.get("dependencies").error("依赖关系存在循环：" + String.join(" → ", cycle),
					"the dependencies form a cycle: " + String.join(" → ", cycle));
		}

		List<Situation> situations = new ArrayList<>();
		Map<String, Set<String>> optionValues = new HashMap<>();
		for (YamlCursor s : at.get("situations").list()) {
			s.allowOnly("code", "question", "type", "askedWhen", "options");
			String situationCode = s.get("code").requiredCode();
			Label question = s.get("question").requiredLabel();
			SituationType type = s.get("type").enumValue(SituationType.class, SituationType.SINGLE);
			Condition askedWhen = null;
			if (s.get("askedWhen").present()) {
				YamlCursor when = s.get("askedWhen").allowOnly("situation", "anyOf");
				String other = when.get("situation").requiredText();
				List<String> anyOf = when.get("anyOf").strings();
				if (other != null && !optionValues.containsKey(other)) {
					when.get("situation").error("前置情形不存在或未在此前声明：" + other,
							"the situation it depends on is unknown or declared later: " + other);
				}
				else if (other != null) {
					anyOf.stream().filter(v -> !optionValues.get(other).contains(v)).forEach(v -> when.get("anyOf")
						.error("情形 " + other + " 没有选项 " + v, "situation " + other + " has no option " + v));
				}
				askedWhen = new Condition(other, anyOf);
			}
			List<Matter.Option> options = new ArrayList<>();
			Set<String> values = new LinkedHashSet<>();
			for (YamlCursor o : s.get("options").list()) {
				o.allowOnly("value", "label", "include", "exclude");
				String value = o.get("value").requiredText();
				Label label = o.get("label").requiredLabel();
				if (value != null && !values.add(value)) {
					o.get("value").error("选项取值重复：" + value, "duplicate option value: " + value);
				}
				Effect include = effect(o.get("include"), itemCodes, matterMaterials);
				Effect exclude = effect(o.get("exclude"), itemCodes, matterMaterials);
				if (value != null && label != null) {
					options.add(new Matter.Option(value, label, include, exclude));
				}
			}
			if (options.size() < 2 && s.get("options").present()) {
				s.get("options").error("情形问题至少须有两个选项", "a situation question needs at least two options");
			}
			if (!s.get("options").present()) {
				s.get("options").error("缺少必填项", "required value is missing");
			}
			if (situationCode != null) {
				if (optionValues.containsKey(situationCode)) {
					s.get("code").error("情形编码重复：" + situationCode, "duplicate situation code: " + situationCode);
				}
				optionValues.put(situationCode, values);
				if (question != null) {
					situations.add(new Situation(situationCode, question, type, askedWhen, List.copyOf(options)));
				}
			}
		}
		if (code != null && name != null && theme != null && applicantType != null) {
			Matter matter = new Matter(code, name, at.get("aliases").strings(), theme, applicantType, lead, batch,
					offeredIn, at.get("basedOn").text(), at.get("description").label(), List.copyOf(matterItems),
					dependencies, List.copyOf(situations), at.get("assumption").text());
			register(matters, code, matter, at, "一件事", "matter");
			matterCursors.putIfAbsent(code, at);
		}
	}

	private Effect effect(YamlCursor at, Set<String> itemCodes, Set<String> matterMaterials) {
		if (!at.present()) {
			return Effect.NONE;
		}
		at.allowOnly("items", "materials");
		List<String> effectItems = new ArrayList<>();
		for (YamlCursor item : at.get("items").list()) {
			String code = item.text();
			if (code != null && !itemCodes.contains(code)) {
				item.error("情形规则引用了不属于本一件事的事项：" + code, "situation rule names an item that is not in the matter: " + code);
			}
			else if (code != null) {
				effectItems.add(code);
			}
		}
		List<String> effectMaterials = new ArrayList<>();
		for (YamlCursor material : at.get("materials").list()) {
			String code = material.text();
			if (code != null && !matterMaterials.contains(code)) {
				material.error("情形规则引用了本一件事各事项都不需要的材料：" + code,
						"situation rule names a material none of the matter's items asks for: " + code);
			}
			else if (code != null) {
				effectMaterials.add(code);
			}
		}
		return new Effect(List.copyOf(effectItems), List.copyOf(effectMaterials));
	}

	private void checkMatterReferences() {
		for (Matter matter : matters.values()) {
			YamlCursor at = matterCursors.get(matter.code());
			if (matter.basedOn() != null) {
				if (!matters.containsKey(matter.basedOn())) {
					at.get("basedOn").error("所依据的一件事不存在：" + matter.basedOn(), "unknown standard matter: " + matter.basedOn());
				}
				else if (matter.basedOn().equals(matter.code())) {
					at.get("basedOn").error("一件事不能以自身为依据", "a matter cannot be based on itself");
				}
			}
		}
	}

	/** A cycle in the dependency graph as the list of items along it, or an empty list. */
	static List<String> cycleIn(Map<String, List<String>> dependencies) {
		Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
		for (String start : dependencies.keySet()) {
			List<String> path = new ArrayList<>();
			List<String> cycle = visit(start, dependencies, state, path);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		return List.of();
	}

	private static List<String> visit(String node, Map<String, List<String>> graph, Map<String, Integer> state,
			List<String> path) {
		Integer seen = state.get(node);
		if (seen != null && seen == 2) {
			return List.of();
		}
		if (seen != null && seen == 1) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
			cycle.add(node);
			return cycle;
		}
		state.put(node, 1);
		path.add(node);
		for (String next : graph.getOrDefault(node, List.of())) {
			List<String> cycle = visit(next, graph, state, path);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		state.put(node, 2);
		return List.of();
	}
}
