package cn.onego.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables as people take them away: CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * show Chinese, cells that would run as formulas defused) and Excel (.xlsx, streamed row by row).
 */
public final class Tables {

	private Tables() {
	}

	public static byte[] csv(List<String> columns, List<Map<String, Object>> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append(String.join(",", columns.stream().map(Tables::cell).toList())).append("\r\n");
		for (Map<String, Object> row : rows) {
			List<String> cells = new ArrayList<>();
			for (String column : columns) {
				Object value = row.get(column);
				cells.add(cell(value == null ? "" : value.toString()));
			}
			out.append(String.join(",", cells)).append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] xlsx(String sheetName, List<String> columns, List<Map<String, Object>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
			Sheet sheet = workbook.createSheet(sheetName);
			Row header = sheet.createRow(0);
			for (int c = 0; c < columns.size(); c++) {
				header.createCell(c).setCellValue(columns.get(c));
			}
			int r = 1;
			for (Map<String, Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < columns.size(); c++) {
					Object value = values.get(columns.get(c));
					if (value instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					}
					else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String cell(String value) {
		// a leading =, +, - or @ would be run as a formula by spreadsheet programs
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
