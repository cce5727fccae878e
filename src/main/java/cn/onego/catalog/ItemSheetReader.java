package cn.onego.catalog;

import static cn.onego.catalog.ItemColumns.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import cn.onego.catalog.AutoApproval.Condition;
import cn.onego.catalog.AutoApproval.Operator;
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
import cn.onego.platform.Message;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Reads the item workbook back into item files: the rows of 事项 Items become items, the rows of the other sheets
 * their materials, form fields and 秒批 conditions. Reading never stops at the first problem, so that a city fixing
 * a workbook sees every cell at once; and where each part came from is kept, so that the catalogue's own errors
 * can be pointed at cells too ({@link CellLocations}).
 */
final class ItemSheetReader {

	private static final Pattern FILE = Pattern.compile("items/[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\\.ya?ml");
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

	/** Where a written part of an item file came from: the sheet and the row (1-based, as Excel counts). */
	record Origin(String sheet, int row) {
	}

	/**
	 * What the workbook gave: its item files, the files listed on 文件 Files without any item (to remove), every
	 * cell error, and per file the origin of each written part by its location ({@code [2].materials[0]}).
	 */
	record Parsed(List<ItemFile> files, List<String> emptied, List<CellError> errors,
			Map<String, Map<String, Origin>> origins) {
	}

	/** Reads a workbook; every cell that cannot be read becomes a {@link CellError}. */
	static Parsed read(Workbook workbook) {
		return new ItemSheetReader(workbook).read();
	}

	private final Workbook workbook;
	private final List<CellError> errors = new ArrayList<>();
	private final CellReader cells = new CellReader(errors);
	private final Map<String, WorkbookItem> drafts = new LinkedHashMap<>();

	private ItemSheetReader(Workbook workbook) {
		this.workbook = workbook;
	}

	private Parsed read() {
		Sheet items = required(ITEMS);
		Sheet files = workbook.getSheet(FILES);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		if (files != null) {
			cells.checkHeaders(files, FILE_COLUMNS);
			for (int r : cells.rows(files)) {
				String path = cells.text(files, r, FILE_PATH);
				if (path == null) {
					continue;
				}
				if (!FILE.matcher(path).matches()) {
					cells.error(files, r, FILE_PATH, "目录文件应为 items/名称.yaml：" + path, "a catalogue file is items/NAME.yaml: " + path);
				}
				else if (headers.containsKey(path)) {
					cells.error(files, r, FILE_PATH, "目录文件重复列出：" + path, "catalogue file listed twice: " + path);
				}
				else {
					String header = cells.text(files, r, FILE_HEADER);
					headers.put(path, header == null ? List.of() : List.of(header.split("\r?\n", -1)));
				}
			}
		}
		if (items != null) {
			cells.checkHeaders(items, ITEM_COLUMNS);
			cells.rows(items).forEach(r -> item(items, r));
		}
		lines(MATERIALS, MATERIAL_COLUMNS, MATERIAL_ITEM, this::material);
		lines(FIELDS, FIELD_COLUMNS, FIELD_ITEM, this::field);
		lines(RULES, RULE_COLUMNS, RULE_ITEM, this::condition);
		if (items != null && drafts.isEmpty() && headers.isEmpty() && errors.isEmpty()) {
			errors.add(new CellError(ITEMS, 2, CODE_COLUMN, Message.of("工作簿中没有事项", "the workbook has no items")));
		}
		return assemble(headers);
	}

	private Parsed assemble(Map<String, List<String>> headers) {
		Map<String, List<WorkbookItem>> byFile = new LinkedHashMap<>();
		drafts.values().forEach(d -> byFile.computeIfAbsent(d.file, f -> new ArrayList<>()).add(d));
		List<ItemFile> files = new ArrayList<>();
		Map<String, Map<String, Origin>> origins = new LinkedHashMap<>();
		for (Map.Entry<String, List<WorkbookItem>> file : byFile.entrySet()) {
			List<Item> items = new ArrayList<>();
			Map<String, List<String>> notes = new LinkedHashMap<>();
			Map<String, Origin> origin = new LinkedHashMap<>();
			for (WorkbookItem d : file.getValue()) {
				if (d.item == null || d.broken) {
					continue;
				}
				String at = "[" + items.size() + "]";
				Item i = d.item;
				AutoApproval rule = d.conditions.isEmpty() ? null : new AutoApproval(i.code() + "#auto", List.copyOf(d.conditions));
				items.add(new Item(i.code(), i.name(), i.type(), i.departmentType(), i.applicantTypes(), i.legalBasis(),
						i.legalLimit(), i.promisedLimit(), i.instant(), i.steps(), i.levels(), i.delegatedToParks(),
						i.crossRegion(), i.fee(), i.result(), List.copyOf(d.materials), List.copyOf(d.fields), rule,
						i.assumption(), i.basicCode(), i.implementationCode()));
				if (!d.note.isEmpty() && rule != null) {
					notes.put(i.code(), List.copyOf(d.note));
				}
				origin.put(at, new Origin(ITEMS, d.row));
				for (int m = 0; m < d.materialRows.size(); m++) {
					origin.put(at + ".materials[" + m + "]", new Origin(MATERIALS, d.materialRows.get(m)));
				}
				for (int f = 0; f < d.fieldRows.size(); f++) {
					origin.put(at + ".fields[" + f + "]", new Origin(FIELDS, d.fieldRows.get(f)));
				}
				for (int c = 0; c < d.conditionRows.size(); c++) {
					origin.put(at + ".autoApproval.when[" + c + "]", new Origin(RULES, d.conditionRows.get(c)));
				}
			}
			files.add(new ItemFile(file.getKey(), headers.getOrDefault(file.getKey(), List.of()), items, notes));
			origins.put(file.getKey(), origin);
		}
		List<String> emptied = headers.keySet().stream().filter(path -> !byFile.containsKey(path)).toList();
		return new Parsed(files, emptied, List.copyOf(errors), origins);
	}

	private Sheet required(String name) {
		Sheet sheet = workbook.getSheet(name);
		if (sheet == null) {
			errors.add(new CellError(name, 1, null, Message.of("缺少工作表“" + name + "”", "the sheet '" + name + "' is missing")));
		}
		return sheet;
	}

	private void item(Sheet sheet, int r) {
		String code = cells.text(sheet, r, CODE_COLUMN);
		String file = cells.text(sheet, r, ITEM_FILE);
		if (code == null) {
			cells.error(sheet, r, CODE_COLUMN, "缺少事项编码", "the item code is missing");
		}
		else if (!CODE.matcher(code).matches()) {
			cells.error(sheet, r, CODE_COLUMN, "事项编码“" + code + "”只能由字母、数字、下划线和连字符组成（至多40位）",
					"the item code '" + code + "' consists of letters, digits, underscores and hyphens (at most 40)");
			code = null;
		}
		else if (drafts.containsKey(code)) {
			cells.error(sheet, r, CODE_COLUMN, "事项编码重复（第 " + (drafts.get(code).row) + " 行已有）：" + code,
					"duplicate item code (already on row " + drafts.get(code).row + "): " + code);
			code = null;
		}
		if (file == null) {
			cells.error(sheet, r, ITEM_FILE, "缺少目录文件（如 items/market-regulation.yaml）", "the catalogue file is missing (e.g. items/market-regulation.yaml)");
		}
		else if (!FILE.matcher(file).matches()) {
			cells.error(sheet, r, ITEM_FILE, "目录文件应为 items/名称.yaml：" + file, "a catalogue file is items/NAME.yaml: " + file);
			file = null;
		}
		int before = errors.size();
		String basicCode = cells.national(sheet, r, BASIC_CODE, ItemReader.BASIC_CODE_LENGTH);
		String implementationCode = cells.national(sheet, r, IMPLEMENTATION_CODE, ItemReader.IMPLEMENTATION_CODE_LENGTH);
		String nameZh = cells.requiredText(sheet, r, NAME_ZH);
		ItemType type = cells.choice(sheet, r, TYPE, ItemType.values(), t -> List.of(t.gbCode, t.name(), typeCell(t)), true);
		String departmentType = cells.requiredText(sheet, r, DEPARTMENT_TYPE);
		Set<ApplicantType> applicantTypes = cells.enumSet(sheet, r, APPLICANT_TYPES, ApplicantType.class);
		Set<HandlingLevel> levels = cells.enumSet(sheet, r, LEVELS, HandlingLevel.class);
		Integer legalLimit = cells.whole(sheet, r, LEGAL_LIMIT, true);
		Integer promisedLimit = cells.whole(sheet, r, PROMISED_LIMIT, true);
		Boolean instant = cells.yesNo(sheet, r, INSTANT, false);
		CrossRegionScope scope = cells.choice(sheet, r, SCOPE, CrossRegionScope.values(), s -> List.of(s.name(), scopeCell(s)), false);
		List<RegionCode> partners = cells.partners(sheet, r);
		Boolean charged = cells.yesNo(sheet, r, CHARGED, null);
		BigDecimal amount = cells.decimal(sheet, r, FEE_AMOUNT, false);
		String feeBasis = cells.text(sheet, r, FEE_BASIS);
		String legalBasis = cells.requiredText(sheet, r, LEGAL_BASIS);
		List<Step> steps = cells.enumList(sheet, r, STEPS, Step.class);
		Boolean parks = cells.yesNo(sheet, r, PARKS, false);
		ResultKind resultKind = cells.choice(sheet, r, RESULT_KIND, ResultKind.values(), k -> List.of(k.name(), resultCell(k)), true);
		String resultZh = cells.requiredText(sheet, r, RESULT_ZH);
		if (amount == null) {
			amount = BigDecimal.ZERO;
		}
		if (charged != null && charged != (amount.signum() > 0)) {
			cells.error(sheet, r, CHARGED, charged ? "是否收费为“是”，但收费金额为0" : "是否收费为“否”，但填写了收费金额",
					charged ? "'charged' is yes but the fee is 0" : "'charged' is no but a fee is given");
		}
		WorkbookItem draft = new WorkbookItem(r + 1, file);
		if (code == null) {
			return;
		}
		drafts.put(code, draft);
		if (file == null || errors.size() > before || nameZh == null || type == null || departmentType == null
				|| legalLimit == null || promisedLimit == null || legalBasis == null || resultKind == null || resultZh == null) {
			draft.broken = true;
			return;
		}
		draft.item = new Item(code, new Label(nameZh, cells.text(sheet, r, NAME_EN)), type, departmentType, applicantTypes,
				legalBasis, legalLimit, promisedLimit, instant, steps, levels, parks,
				new CrossRegion(scope == null ? CrossRegionScope.NONE : scope, partners), new Fee(amount, feeBasis),
				new Result(resultKind, cells.text(sheet, r, LICENCE_TYPE), new Label(resultZh, cells.text(sheet, r, RESULT_EN))),
				List.of(), List.of(), null, cells.text(sheet, r, ASSUMPTION), basicCode, implementationCode);
	}

	/** Reads the lines of one of the item's lists: every row names an item of 事项 Items. */
	private void lines(String name, Columns columns, Column itemColumn, LineReader reader) {
		Sheet sheet = workbook.getSheet(name);
		if (sheet == null) {
			return;
		}
		cells.checkHeaders(sheet, columns);
		for (int r : cells.rows(sheet)) {
			String code = cells.text(sheet, r, itemColumn);
			WorkbookItem draft = code == null ? null : drafts.get(code);
			if (code == null) {
				cells.error(sheet, r, itemColumn, "缺少事项编码", "the item code is missing");
			}
			else if (draft == null) {
				cells.error(sheet, r, itemColumn, "事项编码不在“" + ITEMS + "”中：" + code, "the item code is not on '" + ITEMS + "': " + code);
			}
			int before = errors.size();
			reader.read(sheet, r, draft == null ? new WorkbookItem(0, null) : draft);
			if (draft != null && errors.size() > before) {
				draft.broken = true;
			}
		}
	}

	private interface LineReader {

		void read(Sheet sheet, int r, WorkbookItem draft);
	}

	private void material(Sheet sheet, int r, WorkbookItem draft) {
		String material = cells.requiredText(sheet, r, MATERIAL);
		Boolean required = cells.yesNo(sheet, r, MATERIAL_REQUIRED, true);
		Boolean gap = cells.yesNo(sheet, r, GAP_ALLOWED, false);
		Boolean commitment = cells.yesNo(sheet, r, COMMITMENT_ALLOWED, false);
		Integer originals = cells.whole(sheet, r, ORIGINALS, false);
		Integer copies = cells.whole(sheet, r, COPIES, false);
		if (material != null && required != null && gap != null && commitment != null) {
			draft.materials.add(new ItemMaterial(material, required, gap, commitment, cells.text(sheet, r, EXEMPT_BY_LAW),
					originals == null ? 0 : originals, copies == null ? 0 : copies));
			draft.materialRows.add(r + 1);
		}
	}

	private void field(Sheet sheet, int r, WorkbookItem draft) {
		String element = cells.requiredText(sheet, r, ELEMENT);
		Boolean required = cells.yesNo(sheet, r, FIELD_REQUIRED, true);
		Integer minLength = cells.whole(sheet, r, MIN_LENGTH, false);
		Integer maxLength = cells.whole(sheet, r, MAX_LENGTH, false);
		BigDecimal min = cells.decimal(sheet, r, MIN, true);
		BigDecimal max = cells.decimal(sheet, r, MAX, true);
		String pattern = cells.text(sheet, r, PATTERN);
		if (element != null && required != null) {
			Validation validation = new Validation(minLength, maxLength, min, max, pattern);
			draft.fields.add(new ItemField(element, required, validation));
			draft.fieldRows.add(r + 1);
		}
	}

	private void condition(Sheet sheet, int r, WorkbookItem draft) {
		String fact = cells.requiredText(sheet, r, FACT);
		Operator op = cells.choice(sheet, r, OPERATOR, Operator.values(), o -> List.of(o.name()), true);
		String values = cells.text(sheet, r, VALUES);
		String note = cells.text(sheet, r, NOTE);
		if (note != null) {
			draft.note.addAll(List.of(note.split("\r?\n", -1)));
		}
		if (fact != null && op != null) {
			draft.conditions.add(new Condition(fact, op,
					values == null ? List.of() : Arrays.stream(values.split("[,，]")).map(String::strip).filter(v -> !v.isEmpty()).toList()));
			draft.conditionRows.add(r + 1);
		}
	}
}
