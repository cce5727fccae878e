package cn.onego.catalog;

import static cn.onego.catalog.ItemColumns.MAX_CELL_CHARS;
import static cn.onego.catalog.ItemColumns.NO;
import static cn.onego.catalog.ItemColumns.PARTNERS;
import static cn.onego.catalog.ItemColumns.YES;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import cn.onego.catalog.ItemColumns.Column;
import cn.onego.catalog.ItemColumns.Columns;
import cn.onego.platform.Message;
import cn.onego.shared.RegionCode;

/**
 * The cells of an item workbook read as values: text, whole numbers, decimals, 是/否, choices and lists. A cell
 * that cannot be read gives null and adds a {@link CellError} to the list it shares with its reader, so that one
 * pass over a workbook names every bad cell, not only the first.
 */
final class CellReader {

	private final List<CellError> errors;

	CellReader(List<CellError> errors) {
		this.errors = errors;
	}

	/** The header row must be the workbook's own: a moved column would silently put values in the wrong keys. */
	void checkHeaders(Sheet sheet, Columns columns) {
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
	List<Integer> rows(Sheet sheet) {
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

	void error(Sheet sheet, int r, Column column, String zh, String en) {
		errors.add(new CellError(sheet.getSheetName(), r + 1, column, Message.of(zh, en)));
	}

	/** The cell's value as text (numbers without a needless ".0"), or null when it is empty. */
	String raw(Cell cell) {
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

	String text(Sheet sheet, int r, Column column) {
		Row row = sheet.getRow(r);
		String value = raw(row == null ? null : row.getCell(column.index()));
		if (value != null && value.length() > MAX_CELL_CHARS) {
			error(sheet, r, column, "内容过长（至多 " + MAX_CELL_CHARS + " 个字符）", "too long (at most " + MAX_CELL_CHARS + " characters)");
			return null;
		}
		return value;
	}

	String requiredText(Sheet sheet, int r, Column column) {
		String value = text(sheet, r, column);
		if (value == null) {
			error(sheet, r, column, "缺少必填项：" + column.zh(), "required value is missing: " + column.en());
		}
		return value;
	}

	String national(Sheet sheet, int r, Column column, int length) {
		String value = text(sheet, r, column);
		if (value != null && !value.matches("[A-Za-z0-9]{1," + length + "}")) {
			error(sheet, r, column, column.zh() + "“" + value + "”只能由字母和数字组成（至多" + length + "位）",
					"the " + column.en().toLowerCase(Locale.ROOT) + " '" + value + "' consists of letters and digits only (at most " + length + ")");
			return null;
		}
		return value;
	}

	Integer whole(Sheet sheet, int r, Column column, boolean required) {
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
	BigDecimal decimal(Sheet sheet, int r, Column column, boolean signed) {
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

	Boolean yesNo(Sheet sheet, int r, Column column, Boolean fallback) {
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
	<E> E choice(Sheet sheet, int r, Column column, E[] values, Function<E, List<String>> names, boolean required) {
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

	<E extends Enum<E>> List<E> enumList(Sheet sheet, int r, Column column, Class<E> type) {
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

	<E extends Enum<E>> Set<E> enumSet(Sheet sheet, int r, Column column, Class<E> type) {
		List<E> values = enumList(sheet, r, column, type);
		return values.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(values));
	}

	List<RegionCode> partners(Sheet sheet, int r) {
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
