package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
 * The catalogue's items as the sheets of a workbook, the way cities keep their item lists (GB/T 39046 columns), and
 * back. One row per item on 事项 Items, one row per material, form field and 秒批 condition on the other sheets, tied
 * to their item by its code and kept in row order; 文件 Files names the catalogue files with their header comments.
 * Every cell needed to write the items' files again is there, so that a workbook exported from a catalogue reads
 * back to the same files.
 * <p>
 * Reading never stops at the first problem: every cell that cannot be read is reported with its sheet, row and
 * column, and where the rows came from is kept so that the catalogue's own errors can be pointed at cells too.
 */
final class ItemSheets {

	static final String README = "说明 README";
	static final String FILES = "文件 Files";
	static final String ITEMS = "事项 Items";
	static final String MATERIALS = "事项材料 Item materials";
	static final String FIELDS = "表单字段 Item fields";
	static final String RULES = "秒批规则 Auto-approval";
	static final String LISTS = "选项 Lists";

	/** The most rows one sheet may have: a city has about 1,250 items with some 10,000 material lines. */
	static final int MAX_ROWS = 50_000;
	/** The longest text a cell may hold; the longest legal basis in the shipped catalogue has 200 characters. */
	static final int MAX_CELL_CHARS = 4_000;

	private static final Pattern FILE = Pattern.compile("items/[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\\.ya?ml");
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
	/** The columns of long texts, shown wider. */
	private static final Set<String> LONG_TEXT = Set.of("header", "legalBasis", "fee.basis", "assumption", "exemptByLaw", "note");
	private static final String YES = "是";
	private static final String NO = "否";

	private ItemSheets() {
	}

	/** A column: its header in both languages and the key of the item file it holds (for pointing errors at it). */
	record Column(int index, String key, String zh, String en, Kind kind) {

		String letter() {
			return CellReference.convertNumToColString(index);
		}
	}

	/** What a column holds: its drop-down list, if any, and whether it is kept as text. */
	enum Kind {
		TEXT, NUMBER, YES_NO, ITEM_TYPE, SCOPE, RESULT_KIND, OPERATOR, DEPARTMENT_TYPE, MATERIAL, ELEMENT, ITEM_CODE,
		ENUM_LIST, REFERENCE_ONLY
	}

	private static final class Columns {

		private final List<Column> all = new ArrayList<>();

		Column add(String key, String zh, String en, Kind kind) {
			Column column = new Column(all.size(), key, zh, en, kind);
			all.add(column);
			return column;
		}

		Optional<Column> byKey(String key) {
			return all.stream().filter(c -> c.key().equals(key)).findFirst();
		}
	}

	static final Columns FILE_COLUMNS = new Columns();
	static final Column FILE_PATH = FILE_COLUMNS.add("path", "目录文件", "Catalogue file", Kind.TEXT);
	static final Column FILE_HEADER = FILE_COLUMNS.add("header", "文件说明（文件开头的注释）", "Header comment", Kind.TEXT);

	static final Columns ITEM_COLUMNS = new Columns();
	static final Column CODE_COLUMN = ITEM_COLUMNS.add("code", "事项编码", "Item code", Kind.TEXT);
	static final Column IMPLEMENTATION_CODE = ITEM_COLUMNS.add("implementationCode", "实施编码", "Implementation code", Kind.TEXT);
	static final Column BASIC_CODE = ITEM_COLUMNS.add("basicCode", "基本编码", "Basic code", Kind.TEXT);
	static final Column NAME_ZH = ITEM_COLUMNS.add("name.zh", "事项名称", "Item name (Chinese)", Kind.TEXT);
	static final Column NAME_EN = ITEM_COLUMNS.add("name.en", "事项名称（英文）", "Item name (English)", Kind.TEXT);
	static final Column TYPE = ITEM_COLUMNS.add("type", "事项类型（A.1）", "Item type (A.1)", Kind.ITEM_TYPE);
	static final Column DEPARTMENT_TYPE = ITEM_COLUMNS.add("departmentType", "部门类型", "Department type", Kind.DEPARTMENT_TYPE);
	static final Column APPLICANT_TYPES = ITEM_COLUMNS.add("applicantTypes", "服务对象", "Applicant types", Kind.ENUM_LIST);
	static final Column LEVELS = ITEM_COLUMNS.add("levels", "行使层级", "Handling levels", Kind.ENUM_LIST);
	static final Column LEGAL_LIMIT = ITEM_COLUMNS.add("legalLimit", "法定时限（工作日）", "Legal limit (working days)", Kind.NUMBER);
	static final Column PROMISED_LIMIT = ITEM_COLUMNS.add("promisedLimit", "承诺时限（工作日）", "Promised limit (working days)", Kind.NUMBER);
	static final Column INSTANT = ITEM_COLUMNS.add("instant", "即办件", "On the spot", Kind.YES_NO);
	static final Column SCOPE = ITEM_COLUMNS.add("crossRegion.scope", "通办范围", "Cross-region scope", Kind.SCOPE);
	static final Column PARTNERS = ITEM_COLUMNS.add("crossRegion.partners", "跨省通办合作地区", "Partner regions", Kind.TEXT);
	static final Column CHARGED = ITEM_COLUMNS.add("fee.charged", "是否收费", "Charged", Kind.YES_NO);
	static final Column FEE_AMOUNT = ITEM_COLUMNS.add("fee.amount", "收费金额（元）", "Fee (yuan)", Kind.NUMBER);
	static final Column FEE_BASIS = ITEM_COLUMNS.add("fee.basis", "收费依据", "Fee basis", Kind.TEXT);
	static final Column LEGAL_BASIS = ITEM_COLUMNS.add("legalBasis", "法律依据", "Legal basis", Kind.TEXT);
	static final Column STEPS = ITEM_COLUMNS.add("steps", "办理环节", "Steps", Kind.ENUM_LIST);
	static final Column PARKS = ITEM_COLUMNS.add("delegatedToParks", "下放园区", "Delegated to parks", Kind.YES_NO);
	static final Column RESULT_KIND = ITEM_COLUMNS.add("result.kind", "结果类型", "Result kind", Kind.RESULT_KIND);
	static final Column LICENCE_TYPE = ITEM_COLUMNS.add("result.licenceType", "证照类型", "Licence type", Kind.TEXT);
	static final Column RESULT_ZH = ITEM_COLUMNS.add("result.name.zh", "结果名称", "Result name (Chinese)", Kind.TEXT);
	static final Column RESULT_EN = ITEM_COLUMNS.add("result.name.en", "结果名称（英文）", "Result name (English)", Kind.TEXT);
	static final Column ASSUMPTION = ITEM_COLUMNS.add("assumption", "假设说明", "Assumption", Kind.TEXT);
	static final Column ITEM_FILE = ITEM_COLUMNS.add("file", "目录文件", "Catalogue file", Kind.TEXT);

	static final Columns MATERIAL_COLUMNS = new Columns();
	static final Column MATERIAL_ITEM = MATERIAL_COLUMNS.add("item", "事项编码", "Item code", Kind.ITEM_CODE);
	static final Column MATERIAL = MATERIAL_COLUMNS.add("material", "材料", "Material", Kind.MATERIAL);
	static final Column MATERIAL_NAME = MATERIAL_COLUMNS.add("", "材料名称（仅供参考）", "Material name (for reference)", Kind.REFERENCE_ONLY);
	static final Column MATERIAL_REQUIRED = MATERIAL_COLUMNS.add("required", "必须提交", "Required", Kind.YES_NO);
	static final Column GAP_ALLOWED = MATERIAL_COLUMNS.add("gapAllowed", "容缺", "Gap allowed", Kind.YES_NO);
	static final Column COMMITMENT_ALLOWED = MATERIAL_COLUMNS.add("commitmentAllowed", "告知承诺", "Commitment allowed", Kind.YES_NO);
	static final Column EXEMPT_BY_LAW = MATERIAL_COLUMNS.add("exemptByLaw", "依法免交依据", "Exempt by law", Kind.TEXT);
	static final Column ORIGINALS = MATERIAL_COLUMNS.add("originals", "原件份数", "Originals", Kind.NUMBER);
	static final Column COPIES = MATERIAL_COLUMNS.add("copies", "复印件份数", "Copies", Kind.NUMBER);

	static final Columns FIELD_COLUMNS = new Columns();
	static final Column FIELD_ITEM = FIELD_COLUMNS.add("item", "事项编码", "Item code", Kind.ITEM_CODE);
	static final Column ELEMENT = FIELD_COLUMNS.add("element", "数据元", "Data element", Kind.ELEMENT);
	static final Column ELEMENT_NAME = FIELD_COLUMNS.add("", "数据元名称（仅供参考）", "Element name (for reference)", Kind.REFERENCE_ONLY);
	static final Column FIELD_REQUIRED = FIELD_COLUMNS.add("required", "必填", "Required", Kind.YES_NO);
	static final Column MIN_LENGTH = FIELD_COLUMNS.add("validation.minLength", "最小长度", "Min length", Kind.NUMBER);
	static final Column MAX_LENGTH = FIELD_COLUMNS.add("validation.maxLength", "最大长度", "Max length", Kind.NUMBER);
	static final Column MIN = FIELD_COLUMNS.add("validation.min", "最小值", "Minimum", Kind.NUMBER);
	static final Column MAX = FIELD_COLUMNS.add("validation.max", "最大值", "Maximum", Kind.NUMBER);
	static final Column PATTERN = FIELD_COLUMNS.add("validation.pattern", "格式（正则表达式）", "Pattern (regular expression)", Kind.TEXT);

	static final Columns RULE_COLUMNS = new Columns();
	static final Column RULE_ITEM = RULE_COLUMNS.add("item", "事项编码", "Item code", Kind.ITEM_CODE);
	static final Column FACT = RULE_COLUMNS.add("fact", "事实（form.字段 或 registry.库.键）", "Fact (form.FIELD or registry.REGISTRY.KEY)", Kind.TEXT);
	static final Column OPERATOR = RULE_COLUMNS.add("op", "条件", "Operator", Kind.OPERATOR);
	static final Column VALUES = RULE_COLUMNS.add("values", "取值（多个用逗号分隔）", "Value(s), comma-separated", Kind.TEXT);
	static final Column NOTE = RULE_COLUMNS.add("note", "说明（规则前的注释）", "Note (comment before the rule)", Kind.TEXT);

	private static final Map<ItemType, String> TYPE_NAMES = Map.of(ItemType.ADMINISTRATIVE_LICENSING, "行政许可",
			ItemType.ADMINISTRATIVE_CONFIRMATION, "行政确认", ItemType.ADMINISTRATIVE_PAYMENT, "行政给付",
			ItemType.ADMINISTRATIVE_REWARD, "行政奖励", ItemType.ADMINISTRATIVE_RULING, "行政裁决",
			ItemType.OTHER_ADMINISTRATIVE, "其他行政权力", ItemType.PUBLIC_SERVICE, "公共服务");
	private static final Map<CrossRegionScope, String> SCOPE_NAMES = Map.of(CrossRegionScope.NONE, "仅限属地办理",
			CrossRegionScope.CITY, "全市通办", CrossRegionScope.PROVINCE, "全省通办", CrossRegionScope.CROSS_PROVINCE, "跨省通办",
			CrossRegionScope.NATIONWIDE, "全国通办");
	private static final Map<ResultKind, String> RESULT_NAMES = Map.of(ResultKind.LICENCE, "证照", ResultKind.NOTICE, "结果通知");

	// ---------------------------------------------------------------------------------------------- writing

	/** A workbook with {@code files}' items, with the drop-downs of the template; no files gives the empty template. */
	static XSSFWorkbook write(Catalogue catalogue, List<ItemFile> files) {
		XSSFWorkbook workbook = new XSSFWorkbook();
		Styles styles = new Styles(workbook);
		readme(workbook.createSheet(README), styles);
		Sheet fileSheet = sheet(workbook, FILES, FILE_COLUMNS, styles);
		Sheet items = sheet(workbook, ITEMS, ITEM_COLUMNS, styles);
		Sheet materials = sheet(workbook, MATERIALS, MATERIAL_COLUMNS, styles);
		Sheet fields = sheet(workbook, FIELDS, FIELD_COLUMNS, styles);
		Sheet rules = sheet(workbook, RULES, RULE_COLUMNS, styles);
		for (ItemFile file : files) {
			Row row = fileSheet.createRow(fileSheet.getLastRowNum() + 1);
			text(row, FILE_PATH, file.path(), styles);
			text(row, FILE_HEADER, file.header().isEmpty() ? null : String.join("\n", file.header()), styles);
			for (Item item : file.items()) {
				itemRow(items.createRow(items.getLastRowNum() + 1), item, file.path(), styles);
				for (ItemMaterial m : item.materials()) {
					Row line = materials.createRow(materials.getLastRowNum() + 1);
					text(line, MATERIAL_ITEM, item.code(), styles);
					text(line, MATERIAL, m.material(), styles);
					text(line, MATERIAL_NAME, catalogue.material(m.material()).map(x -> x.name().zh()).orElse(null), styles);
					yesNo(line, MATERIAL_REQUIRED, m.required(), styles);
					yesNo(line, GAP_ALLOWED, m.gapAllowed(), styles);
					yesNo(line, COMMITMENT_ALLOWED, m.commitmentAllowed(), styles);
					text(line, EXEMPT_BY_LAW, m.exemptByLaw(), styles);
					number(line, ORIGINALS, m.originals());
					number(line, COPIES, m.copies());
				}
				for (ItemField f : item.fields()) {
					Row line = fields.createRow(fields.getLastRowNum() + 1);
					text(line, FIELD_ITEM, item.code(), styles);
					text(line, ELEMENT, f.element(), styles);
					text(line, ELEMENT_NAME, catalogue.element(f.element()).map(x -> x.label().zh()).orElse(null), styles);
					yesNo(line, FIELD_REQUIRED, f.required(), styles);
					Validation v = f.validation() == null ? Validation.NONE : f.validation();
					if (v.minLength() != null) {
						number(line, MIN_LENGTH, v.minLength());
					}
					if (v.maxLength() != null) {
						number(line, MAX_LENGTH, v.maxLength());
					}
					decimal(line, MIN, v.min(), styles);
					decimal(line, MAX, v.max(), styles);
					text(line, PATTERN, v.pattern(), styles);
				}
				if (item.autoApproval() != null) {
					List<String> note = file.notes().getOrDefault(item.code(), List.of());
					boolean first = true;
					for (Condition c : item.autoApproval().when()) {
						Row line = rules.createRow(rules.getLastRowNum() + 1);
						text(line, RULE_ITEM, item.code(), styles);
						text(line, FACT, c.fact(), styles);
						text(line, OPERATOR, c.op().name(), styles);
						text(line, VALUES, c.values().isEmpty() ? null : String.join(", ", c.values()), styles);
						text(line, NOTE, first && !note.isEmpty() ? String.join("\n", note) : null, styles);
						first = false;
					}
				}
			}
		}
		dropDowns(workbook, catalogue);
		return workbook;
	}

	private static void itemRow(Row row, Item item, String file, Styles styles) {
		text(row, CODE_COLUMN, item.code(), styles);
		text(row, IMPLEMENTATION_CODE, item.implementationCode(), styles);
		text(row, BASIC_CODE, item.basicCode(), styles);
		text(row, NAME_ZH, item.name().zh(), styles);
		text(row, NAME_EN, item.name().en(), styles);
		text(row, TYPE, typeCell(item.type()), styles);
		text(row, DEPARTMENT_TYPE, item.departmentType(), styles);
		text(row, APPLICANT_TYPES, names(item.applicantTypes()), styles);
		text(row, LEVELS, names(item.levels()), styles);
		number(row, LEGAL_LIMIT, item.legalLimit());
		number(row, PROMISED_LIMIT, item.promisedLimit());
		yesNo(row, INSTANT, item.instant(), styles);
		text(row, SCOPE, scopeCell(item.crossRegion().scope()), styles);
		text(row, PARTNERS, item.crossRegion().partners().isEmpty() ? null
				: item.crossRegion().partners().stream().map(RegionCode::value).collect(Collectors.joining(", ")), styles);
		yesNo(row, CHARGED, !item.fee().free(), styles);
		decimal(row, FEE_AMOUNT, item.fee().amount(), styles);
		text(row, FEE_BASIS, item.fee().basis(), styles);
		text(row, LEGAL_BASIS, item.legalBasis(), styles);
		text(row, STEPS, names(item.steps()), styles);
		yesNo(row, PARKS, item.delegatedToParks(), styles);
		text(row, RESULT_KIND, resultCell(item.result().kind()), styles);
		text(row, LICENCE_TYPE, item.result().licenceType(), styles);
		text(row, RESULT_ZH, item.result().name().zh(), styles);
		text(row, RESULT_EN, item.result().name().en(), styles);
		text(row, ASSUMPTION, item.assumption(), styles);
		text(row, ITEM_FILE, file, styles);
	}

	static String typeCell(ItemType type) {
		return type.gbCode + " " + TYPE_NAMES.get(type);
	}

	static String scopeCell(CrossRegionScope scope) {
		return scope.name() + " " + SCOPE_NAMES.get(scope);
	}

	static String resultCell(ResultKind kind) {
		return kind.name() + " " + RESULT_NAMES.get(kind);
	}

	private static String names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	/** The cell styles one workbook shares (a workbook holds at most 64,000). */
	private static final class Styles {

		final CellStyle header;
		final CellStyle text;

		Styles(Workbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			header.setWrapText(true);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			text = workbook.createCellStyle();
			// "@": what is typed stays text, so that codes such as 430100 or 0012 are not turned into numbers
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
		}
	}

	private static Sheet sheet(Workbook workbook, String name, Columns columns, Styles styles) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		header.setHeightInPoints(32);
		for (Column column : columns.all) {
			Cell cell = header.createCell(column.index());
			cell.setCellValue(column.zh() + "\n" + column.en());
			cell.setCellStyle(styles.header);
			sheet.setColumnWidth(column.index(), 256 * (LONG_TEXT.contains(column.key()) ? 50 : 22));
			if (column.kind() != Kind.NUMBER) {
				sheet.setDefaultColumnStyle(column.index(), styles.text);
			}
		}
		sheet.createFreezePane(1, 1);
		return sheet;
	}

	private static void text(Row row, Column column, String value, Styles styles) {
		if (value != null) {
			Cell cell = row.createCell(column.index(), CellType.STRING);
			cell.setCellStyle(styles.text);
			cell.setCellValue(value);
		}
	}

	private static void yesNo(Row row, Column column, boolean value, Styles styles) {
		text(row, column, value ? YES : NO, styles);
	}

	private static void number(Row row, Column column, int value) {
		row.createCell(column.index(), CellType.NUMERIC).setCellValue(value);
	}

	/** A decimal as a number when a double holds it exactly, as text otherwise (so that nothing is rounded). */
	private static void decimal(Row row, Column column, BigDecimal value, Styles styles) {
		if (value == null) {
			return;
		}
		if (new BigDecimal(Double.toString(value.doubleValue())).compareTo(value) == 0) {
			row.createCell(column.index(), CellType.NUMERIC).setCellValue(value.doubleValue());
		}
		else {
			text(row, column, value.toPlainString(), styles);
		}
	}

	private static void readme(Sheet sheet, Styles styles) {
		List<String> lines = List.of("OneGo 事项目录工作簿 · OneGo item catalogue workbook",
				"",
				"每行一个事项（事项 Items）；材料、表单字段、秒批条件各占一行，以“事项编码”关联，按行序排列。",
				"One row per item on 事项 Items; one row per material, form field and 秒批 condition on the other sheets, tied to the item by its code, in row order.",
				"“目录文件”决定事项写入哪个目录文件（items/*.yaml）；导入时工作簿列出的文件整体替换，其余文件不变；文件 Files 中列出但没有事项的文件将被删除。",
				"The 'Catalogue file' column decides which file (items/*.yaml) an item is written to; an import replaces the files the workbook names and keeps the others; a file listed on 文件 Files without items is removed.",
				"是/否 列填“是”或“否”；服务对象、行使层级、办理环节可填多个代码，用逗号分隔；下拉列表来自现行目录（选项 Lists）。",
				"Yes/no columns take 是 or 否; applicant types, levels and steps take several codes separated by commas; drop-downs list the catalogue in force (选项 Lists).",
				"导入时整体校验：任何错误都会使整个导入被拒绝，并逐一列出工作表、行和列（如 事项 Items!F12）。",
				"An import is validated as a whole: any error rejects all of it, each error named by sheet, row and column (e.g. 事项 Items!F12).",
				"",
				"服务对象 Applicant types: " + names(EnumSet.allOf(ApplicantType.class)),
				"行使层级 Handling levels: " + names(EnumSet.allOf(HandlingLevel.class)),
				"办理环节 Steps: " + names(EnumSet.allOf(Step.class)) + "（受理、审查、勘验、决定、制证送达）",
				"条件 Operators: " + names(EnumSet.allOf(Operator.class)),
				"格式说明见 docs/CATALOGUE.md 的“Excel”一节 · The format is described in docs/CATALOGUE.md, section Excel.");
		for (int i = 0; i < lines.size(); i++) {
			sheet.createRow(i).createCell(0).setCellValue(lines.get(i));
		}
		sheet.setColumnWidth(0, 256 * 160);
	}

	/** Drop-downs for every column with a closed list; long lists live on the hidden 选项 Lists sheet. */
	private static void dropDowns(XSSFWorkbook workbook, Catalogue catalogue) {
		Sheet lists = workbook.createSheet(LISTS);
		Map<Kind, List<String>> values = new LinkedHashMap<>();
		values.put(Kind.YES_NO, List.of(YES, NO));
		values.put(Kind.ITEM_TYPE, Arrays.stream(ItemType.values()).map(ItemSheets::typeCell).toList());
		values.put(Kind.SCOPE, Arrays.stream(CrossRegionScope.values()).map(ItemSheets::scopeCell).toList());
		values.put(Kind.RESULT_KIND, Arrays.stream(ResultKind.values()).map(ItemSheets::resultCell).toList());
		values.put(Kind.OPERATOR, Arrays.stream(Operator.values()).map(Enum::name).toList());
		values.put(Kind.DEPARTMENT_TYPE, catalogue.departmentTypes().stream().map(DepartmentType::code).sorted().toList());
		values.put(Kind.MATERIAL, catalogue.materials().stream().map(Material::code).sorted().toList());
		values.put(Kind.ELEMENT, catalogue.elements().stream().map(DataElement::code).sorted().toList());
		Map<Kind, String> ranges = new LinkedHashMap<>();
		int column = 0;
		for (Map.Entry<Kind, List<String>> list : values.entrySet()) {
			Row header = row(lists, 0);
			header.createCell(column).setCellValue(list.getKey().name());
			for (int i = 0; i < list.getValue().size(); i++) {
				row(lists, i + 1).createCell(column).setCellValue(list.getValue().get(i));
			}
			String letter = CellReference.convertNumToColString(column);
			ranges.put(list.getKey(), "'" + LISTS + "'!$" + letter + "$2:$" + letter + "$" + Math.max(2, list.getValue().size() + 1));
			column++;
		}
		ranges.put(Kind.ITEM_CODE, "'" + ITEMS + "'!$A$2:$A$" + MAX_ROWS);
		workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
		validate(workbook.getSheet(ITEMS), ITEM_COLUMNS, ranges);
		validate(workbook.getSheet(MATERIALS), MATERIAL_COLUMNS, ranges);
		validate(workbook.getSheet(FIELDS), FIELD_COLUMNS, ranges);
		validate(workbook.getSheet(RULES), RULE_COLUMNS, ranges);
	}

	private static Row row(Sheet sheet, int index) {
		Row row = sheet.getRow(index);
		return row != null ? row : sheet.createRow(index);
	}

	private static void validate(Sheet sheet, Columns columns, Map<Kind, String> ranges) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		for (Column column : columns.all) {
			String range = ranges.get(column.kind());
			DataValidationConstraint constraint = range != null ? helper.createFormulaListConstraint(range)
					: column.kind() == Kind.NUMBER && !column.key().equals("validation.min") && !column.key().equals("validation.max")
							? helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null)
							: null;
			if (constraint == null) {
				continue;
			}
			DataValidation validation = helper.createValidation(constraint,
					new CellRangeAddressList(1, MAX_ROWS, column.index(), column.index()));
			validation.setShowErrorBox(true);
			validation.createErrorBox("取值无效 Invalid value", "请从列表中选择或填写不小于0的数。Pick a value from the list, or a number of at least 0.");
			sheet.addValidationData(validation);
		}
	}

	// ---------------------------------------------------------------------------------------------- reading

	/** A problem with one cell (column null: the row as a whole), in Chinese and English. */
	record CellError(String sheet, int row, Column column, Message message) {

		/** {@code 事项 Items!F12}, or {@code 事项 Items!12} for a whole row. */
		String where() {
			return sheet + "!" + (column == null ? "" : column.letter()) + row;
		}
	}

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
		return new Reader(workbook).read();
	}

	private static final class Reader {

		private final Workbook workbook;
		private final List<CellError> errors = new ArrayList<>();
		private final Map<String, Draft> drafts = new LinkedHashMap<>();

		Reader(Workbook workbook) {
			this.workbook = workbook;
		}

		/** An item being read: its row, its values and its lines from the other sheets. */
		private static final class Draft {

			final int row;
			final String file;
			Item item;
			final List<ItemMaterial> materials = new ArrayList<>();
			final List<Integer> materialRows = new ArrayList<>();
			final List<ItemField> fields = new ArrayList<>();
			final List<Integer> fieldRows = new ArrayList<>();
			final List<Condition> conditions = new ArrayList<>();
			final List<Integer> conditionRows = new ArrayList<>();
			final List<String> note = new ArrayList<>();
			boolean broken;

			Draft(int row, String file) {
				this.row = row;
				this.file = file;
			}
		}

		Parsed read() {
			Sheet items = required(ITEMS);
			Sheet files = workbook.getSheet(FILES);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			if (files != null) {
				checkHeaders(files, FILE_COLUMNS);
				for (int r : rows(files)) {
					String path = text(files, r, FILE_PATH);
					if (path == null) {
						continue;
					}
					if (!FILE.matcher(path).matches()) {
						error(files, r, FILE_PATH, "目录文件应为 items/名称.yaml：" + path, "a catalogue file is items/NAME.yaml: " + path);
					}
					else if (headers.containsKey(path)) {
						error(files, r, FILE_PATH, "目录文件重复列出：" + path, "catalogue file listed twice: " + path);
					}
					else {
						String header = text(files, r, FILE_HEADER);
						headers.put(path, header == null ? List.of() : List.of(header.split("\r?\n", -1)));
					}
				}
			}
			if (items != null) {
				checkHeaders(items, ITEM_COLUMNS);
				rows(items).forEach(r -> item(items, r));
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
			Map<String, List<Draft>> byFile = new LinkedHashMap<>();
			drafts.values().forEach(d -> byFile.computeIfAbsent(d.file, f -> new ArrayList<>()).add(d));
			List<ItemFile> files = new ArrayList<>();
			Map<String, Map<String, Origin>> origins = new LinkedHashMap<>();
			for (Map.Entry<String, List<Draft>> file : byFile.entrySet()) {
				List<Item> items = new ArrayList<>();
				Map<String, List<String>> notes = new LinkedHashMap<>();
				Map<String, Origin> origin = new LinkedHashMap<>();
				for (Draft d : file.getValue()) {
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

		/** The header row must be the workbook's own: a moved column would silently put values in the wrong keys. */
		private void checkHeaders(Sheet sheet, Columns columns) {
			Row header = sheet.getRow(0);
			for (Column column : columns.all) {
				Cell cell = header == null ? null : header.getCell(column.index());
				String value = cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
				if (!value.startsWith(column.zh())) {
					errors.add(new CellError(sheet.getSheetName(), 1, column, Message.of(
							"表头应为“" + column.zh() + "”（请使用导出的工作簿或模板，不要移动列）",
							"the header should be '" + column.en() + "' (use an exported workbook or the template; do not move columns)")));
				}
			}
		}

		/** The data rows that have any value, by index (0-based; row 0 is the header). */
		private List<Integer> rows(Sheet sheet) {
			List<Integer> rows = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				boolean any = false;
				for (Cell cell : row) {
					any |= raw(cell) != null;
				}
				if (any) {
					rows.add(r);
				}
			}
			return rows;
		}

		private void item(Sheet sheet, int r) {
			String code = text(sheet, r, CODE_COLUMN);
			String file = text(sheet, r, ITEM_FILE);
			if (code == null) {
				error(sheet, r, CODE_COLUMN, "缺少事项编码", "the item code is missing");
			}
			else if (!CODE.matcher(code).matches()) {
				error(sheet, r, CODE_COLUMN, "事项编码“" + code + "”只能由字母、数字、下划线和连字符组成（至多40位）",
						"the item code '" + code + "' consists of letters, digits, underscores and hyphens (at most 40)");
				code = null;
			}
			else if (drafts.containsKey(code)) {
				error(sheet, r, CODE_COLUMN, "事项编码重复（第 " + (drafts.get(code).row) + " 行已有）：" + code,
						"duplicate item code (already on row " + drafts.get(code).row + "): " + code);
				code = null;
			}
			if (file == null) {
				error(sheet, r, ITEM_FILE, "缺少目录文件（如 items/market-regulation.yaml）", "the catalogue file is missing (e.g. items/market-regulation.yaml)");
			}
			else if (!FILE.matcher(file).matches()) {
				error(sheet, r, ITEM_FILE, "目录文件应为 items/名称.yaml：" + file, "a catalogue file is items/NAME.yaml: " + file);
				file = null;
			}
			int before = errors.size();
			String basicCode = national(sheet, r, BASIC_CODE, ItemReader.BASIC_CODE_LENGTH);
			String implementationCode = national(sheet, r, IMPLEMENTATION_CODE, ItemReader.IMPLEMENTATION_CODE_LENGTH);
			String nameZh = requiredText(sheet, r, NAME_ZH);
			ItemType type = choice(sheet, r, TYPE, ItemType.values(), t -> List.of(t.gbCode, t.name(), typeCell(t)), true);
			String departmentType = requiredText(sheet, r, DEPARTMENT_TYPE);
			Set<ApplicantType> applicantTypes = enumSet(sheet, r, APPLICANT_TYPES, ApplicantType.class);
			Set<HandlingLevel> levels = enumSet(sheet, r, LEVELS, HandlingLevel.class);
			Integer legalLimit = whole(sheet, r, LEGAL_LIMIT, true);
			Integer promisedLimit = whole(sheet, r, PROMISED_LIMIT, true);
			Boolean instant = yesNo(sheet, r, INSTANT, false);
			CrossRegionScope scope = choice(sheet, r, SCOPE, CrossRegionScope.values(), s -> List.of(s.name(), scopeCell(s)), false);
			List<RegionCode> partners = partners(sheet, r);
			Boolean charged = yesNo(sheet, r, CHARGED, null);
			BigDecimal amount = decimal(sheet, r, FEE_AMOUNT, false);
			String feeBasis = text(sheet, r, FEE_BASIS);
			String legalBasis = requiredText(sheet, r, LEGAL_BASIS);
			List<Step> steps = enumList(sheet, r, STEPS, Step.class);
			Boolean parks = yesNo(sheet, r, PARKS, false);
			ResultKind resultKind = choice(sheet, r, RESULT_KIND, ResultKind.values(), k -> List.of(k.name(), resultCell(k)), true);
			String resultZh = requiredText(sheet, r, RESULT_ZH);
			if (amount == null) {
				amount = BigDecimal.ZERO;
			}
			if (charged != null && charged != (amount.signum() > 0)) {
				error(sheet, r, CHARGED, charged ? "是否收费为“是”，但收费金额为0" : "是否收费为“否”，但填写了收费金额",
						charged ? "'charged' is yes but the fee is 0" : "'charged' is no but a fee is given");
			}
			Draft draft = new Draft(r + 1, file);
			if (code == null) {
				return;
			}
			drafts.put(code, draft);
			if (file == null || errors.size() > before || nameZh == null || type == null || departmentType == null
					|| legalLimit == null || promisedLimit == null || legalBasis == null || resultKind == null || resultZh == null) {
				draft.broken = true;
				return;
			}
			draft.item = new Item(code, new Label(nameZh, text(sheet, r, NAME_EN)), type, departmentType, applicantTypes,
					legalBasis, legalLimit, promisedLimit, instant, steps, levels, parks,
					new CrossRegion(scope == null ? CrossRegionScope.NONE : scope, partners), new Fee(amount, feeBasis),
					new Result(resultKind, text(sheet, r, LICENCE_TYPE), new Label(resultZh, text(sheet, r, RESULT_EN))),
					List.of(), List.of(), null, text(sheet, r, ASSUMPTION), basicCode, implementationCode);
		}

		/** Reads the lines of one of the item's lists: every row names an item of 事项 Items. */
		private void lines(String name, Columns columns, Column itemColumn, LineReader reader) {
			Sheet sheet = workbook.getSheet(name);
			if (sheet == null) {
				return;
			}
			checkHeaders(sheet, columns);
			for (int r : rows(sheet)) {
				String code = text(sheet, r, itemColumn);
				Draft draft = code == null ? null : drafts.get(code);
				if (code == null) {
					error(sheet, r, itemColumn, "缺少事项编码", "the item code is missing");
				}
				else if (draft == null) {
					error(sheet, r, itemColumn, "事项编码不在“" + ITEMS + "”中：" + code, "the item code is not on '" + ITEMS + "': " + code);
				}
				int before = errors.size();
				reader.read(sheet, r, draft == null ? new Draft(0, null) : draft);
				if (draft != null && errors.size() > before) {
					draft.broken = true;
				}
			}
		}

		private interface LineReader {

			void read(Sheet sheet, int r, Draft draft);
		}

		private void material(Sheet sheet, int r, Draft draft) {
			String material = requiredText(sheet, r, MATERIAL);
			Boolean required = yesNo(sheet, r, MATERIAL_REQUIRED, true);
			Boolean gap = yesNo(sheet, r, GAP_ALLOWED, false);
			Boolean commitment = yesNo(sheet, r, COMMITMENT_ALLOWED, false);
			Integer originals = whole(sheet, r, ORIGINALS, false);
			Integer copies = whole(sheet, r, COPIES, false);
			if (material != null && required != null && gap != null && commitment != null) {
				draft.materials.add(new ItemMaterial(material, required, gap, commitment, text(sheet, r, EXEMPT_BY_LAW),
						originals == null ? 0 : originals, copies == null ? 0 : copies));
				draft.materialRows.add(r + 1);
			}
		}

		private void field(Sheet sheet, int r, Draft draft) {
			String element = requiredText(sheet, r, ELEMENT);
			Boolean required = yesNo(sheet, r, FIELD_REQUIRED, true);
			Integer minLength = whole(sheet, r, MIN_LENGTH, false);
			Integer maxLength = whole(sheet, r, MAX_LENGTH, false);
			BigDecimal min = decimal(sheet, r, MIN, true);
			BigDecimal max = decimal(sheet, r, MAX, true);
			String pattern = text(sheet, r, PATTERN);
			if (element != null && required != null) {
				Validation validation = new Validation(minLength, maxLength, min, max, pattern);
				draft.fields.add(new ItemField(element, required, validation));
				draft.fieldRows.add(r + 1);
			}
		}

		private void condition(Sheet sheet, int r, Draft draft) {
			String fact = requiredText(sheet, r, FACT);
			Operator op = choice(sheet, r, OPERATOR, Operator.values(), o -> List.of(o.name()), true);
			String values = text(sheet, r, VALUES);
			String note = text(sheet, r, NOTE);
			if (note != null) {
				draft.note.addAll(List.of(note.split("\r?\n", -1)));
			}
			if (fact != null && op != null) {
				draft.conditions.add(new Condition(fact, op,
						values == null ? List.of() : Arrays.stream(values.split("[,，]")).map(String::strip).filter(v -> !v.isEmpty()).toList()));
				draft.conditionRows.add(r + 1);
			}
		}

		// ------------------------------------------------------------------------------------------ cells

		private void error(Sheet sheet, int r, Column column, String zh, String en) {
			errors.add(new CellError(sheet.getSheetName(), r + 1, column, Message.of(zh, en)));
		}

		/** The cell's value as text (numbers without a needless ".0"), or null when it is empty. */
		private String raw(Cell cell) {
			if (cell == null) {
				return null;
			}
			CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
			String value = switch (type) {
				case STRING -> cell.getStringCellValue();
				case NUMERIC -> new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
				case BOOLEAN -> cell.getBooleanCellValue() ? YES : NO;
				default -> null;
			};
			return value == null || value.isBlank() ? null : value.strip();
		}

		private String text(Sheet sheet, int r, Column column) {
			Row row = sheet.getRow(r);
			String value = raw(row == null ? null : row.getCell(column.index()));
			if (value != null && value.length() > MAX_CELL_CHARS) {
				error(sheet, r, column, "内容过长（至多 " + MAX_CELL_CHARS + " 个字符）", "too long (at most " + MAX_CELL_CHARS + " characters)");
				return null;
			}
			return value;
		}

		private String requiredText(Sheet sheet, int r, Column column) {
			String value = text(sheet, r, column);
			if (value == null) {
				error(sheet, r, column, "缺少必填项：" + column.zh(), "required value is missing: " + column.en());
			}
			return value;
		}

		private String national(Sheet sheet, int r, Column column, int length) {
			String value = text(sheet, r, column);
			if (value != null && !value.matches("[A-Za-z0-9]{1," + length + "}")) {
				error(sheet, r, column, column.zh() + "“" + value + "”只能由字母和数字组成（至多" + length + "位）",
						"the " + column.en().toLowerCase(Locale.ROOT) + " '" + value + "' consists of letters and digits only (at most " + length + ")");
				return null;
			}
			return value;
		}

		private Integer whole(Sheet sheet, int r, Column column, boolean required) {
			String value = required ? requiredText(sheet, r, column) : text(sheet, r, column);
			if (value == null) {
				return null;
			}
			if (!value.matches("\\d{1,6}")) {
				error(sheet, r, column, "应为不小于0的整数：" + value, "expected a whole number of at least 0: " + value);
				return null;
			}
			return Integer.valueOf(value);
		}

		/** A decimal of at most 12 digits before the point; negative only when {@code signed} (a field's limits). */
		private BigDecimal decimal(Sheet sheet, int r, Column column, boolean signed) {
			String value = text(sheet, r, column);
			if (value == null) {
				return null;
			}
			try {
				BigDecimal number = new BigDecimal(value);
				if ((!signed && number.signum() < 0) || number.precision() - number.scale() > 12) {
					throw new NumberFormatException();
				}
				return number;
			}
			catch (NumberFormatException e) {
				error(sheet, r, column, signed ? "应为数值：" + value : "应为不小于0的数：" + value,
						signed ? "expected a number: " + value : "expected a number of at least 0: " + value);
				return null;
			}
		}

		private Boolean yesNo(Sheet sheet, int r, Column column, Boolean fallback) {
			String value = text(sheet, r, column);
			if (value == null) {
				return fallback;
			}
			return switch (value.toLowerCase(Locale.ROOT)) {
				case YES, "true", "yes", "y", "1" -> true;
				case NO, "false", "no", "n", "0" -> false;
				default -> {
					error(sheet, r, column, "应为“是”或“否”：" + value, "expected 是 (yes) or 否 (no): " + value);
					yield null;
				}
			};
		}

		/** One of {@code values}, matched by any of the spellings {@code names} gives it. */
		private <E> E choice(Sheet sheet, int r, Column column, E[] values, Function<E, List<String>> names, boolean required) {
			String value = required ? requiredText(sheet, r, column) : text(sheet, r, column);
			if (value == null) {
				return null;
			}
			for (E candidate : values) {
				if (names.apply(candidate).contains(value) || names.apply(candidate).contains(value.split("\\s+")[0])) {
					return candidate;
				}
			}
			String allowed = Arrays.stream(values).map(v -> names.apply(v).get(names.apply(v).size() - 1)).collect(Collectors.joining("、"));
			error(sheet, r, column, "取值“" + value + "”无效，可用：" + allowed, "invalid value '" + value + "'; allowed: " + allowed);
			return null;
		}

		private <E extends Enum<E>> List<E> enumList(Sheet sheet, int r, Column column, Class<E> type) {
			String value = requiredText(sheet, r, column);
			List<E> values = new ArrayList<>();
			if (value == null) {
				return values;
			}
			Set<String> seen = new LinkedHashSet<>();
			for (String name : value.split("[,，、;；\\s]+")) {
				if (name.isEmpty()) {
					continue;
				}
				try {
					E constant = Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
					if (seen.add(constant.name())) {
						values.add(constant);
					}
				}
				catch (IllegalArgumentException e) {
					String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
					error(sheet, r, column, "取值“" + name + "”无效，可用：" + allowed, "invalid value '" + name + "'; allowed: " + allowed);
				}
			}
			return values;
		}

		private <E extends Enum<E>> Set<E> enumSet(Sheet sheet, int r, Column column, Class<E> type) {
			List<E> values = enumList(sheet, r, column, type);
			return values.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(values));
		}

		private List<RegionCode> partners(Sheet sheet, int r) {
			String value = text(sheet, r, PARTNERS);
			List<RegionCode> partners = new ArrayList<>();
			if (value == null) {
				return partners;
			}
			for (String code : value.split("[,，、;；\\s]+")) {
				if (code.isEmpty()) {
					continue;
				}
				try {
					partners.add(RegionCode.of(code));
				}
				catch (RuntimeException e) {
					error(sheet, r, PARTNERS, "地区代码无效：" + code, "invalid region code: " + code);
				}
			}
			return partners;
		}
	}

	// ---------------------------------------------------------------------------------------------- errors

	/**
	 * The cell a catalogue error points at, when it is in a file the workbook wrote: the row of the item, material,
	 * field or condition, and the column of the key ({@code [2].materials[0].copies} → 事项材料 Item materials!I5).
	 */
	static Optional<CellError> cellOf(CatalogueError error, Map<String, Map<String, Origin>> origins,
			Map<String, ItemWriter.Layout> layouts) {
		Map<String, Origin> origin = origins.get(error.file());
		if (origin == null) {
			return Optional.empty();
		}
		String location = error.location();
		if (location.isEmpty() && layouts.containsKey(error.file())) {
			location = layouts.get(error.file()).entries().stream()
				.filter(e -> e.line() <= error.line())
				.reduce((a, b) -> b)
				.map(ItemWriter.Layout.Entry::location)
				.orElse("");
		}
		String prefix = location;
		while (!prefix.isEmpty() && !origin.containsKey(prefix)) {
			int cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
			prefix = cut <= 0 ? "" : prefix.substring(0, cut);
		}
		Origin at = origin.get(prefix);
		if (at == null) {
			return Optional.empty();
		}
		String key = location.substring(prefix.length()).replaceAll("\\[\\d+]", "").replaceFirst("^\\.", "");
		Columns columns = switch (at.sheet()) {
			case MATERIALS -> MATERIAL_COLUMNS;
			case FIELDS -> FIELD_COLUMNS;
			case RULES -> RULE_COLUMNS;
			default -> ITEM_COLUMNS;
		};
		return Optional.of(new CellError(at.sheet(), at.row(), column(columns, key), error.message()));
	}

	private static final Map<String, String> KEY_ALIASES = Map.of("name", "name.zh", "crossRegion", "crossRegion.scope",
			"fee", "fee.amount", "result", "result.kind", "result.name", "result.name.zh", "value", "values",
			"validation", "validation.pattern");

	private static Column column(Columns columns, String key) {
		for (String k = key; !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
			Optional<Column> found = columns.byKey(k);
			if (found.isPresent()) {
				return found.get();
			}
			String alias = KEY_ALIASES.get(k);
			if (alias != null && columns.byKey(alias).isPresent()) {
				return columns.byKey(alias).get();
			}
		}
		return null;
	}
}
