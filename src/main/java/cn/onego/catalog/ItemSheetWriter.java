package cn.onego.catalog;

import static cn.onego.catalog.ItemColumns.*;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.shared.RegionCode;

/**
 * Writes a catalogue's items as the sheets of a workbook ({@link ItemColumns}), the way cities keep their item
 * lists: styled headers, cells kept as text so that codes are not turned into numbers, and drop-downs from the
 * catalogue in force, so that what is typed into an exported workbook or the empty template can be read back.
 */
final class ItemSheetWriter {

	/** The columns of long texts, shown wider. */
	private static final Set<String> LONG_TEXT = Set.of("header", "legalBasis", "fee.basis", "assumption", "exemptByLaw", "note");

	private ItemSheetWriter() {
	}

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
		values.put(Kind.ITEM_TYPE, Arrays.stream(ItemType.values()).map(ItemColumns::typeCell).toList());
		values.put(Kind.SCOPE, Arrays.stream(CrossRegionScope.values()).map(ItemColumns::scopeCell).toList());
		values.put(Kind.RESULT_KIND, Arrays.stream(ResultKind.values()).map(ItemColumns::resultCell).toList());
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
}
