package cn.onego.catalog.web;

import java.util.List;
import java.util.Map;

/** RFC 4180 CSV with a UTF-8 byte-order mark, which spreadsheet programs need to read Chinese. */
final class Csv {

	private Csv() {
	}

	static String write(List<Map<String, Object>> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		if (rows.isEmpty()) {
			return out.toString();
		}
		out.append(String.join(",", rows.get(0).keySet().stream().map(Csv::cell).toList())).append("\r\n");
		for (Map<String, Object> row : rows) {
			out.append(String.join(",", row.values().stream().map(v -> cell(v == null ? "" : v.toString())).toList()))
				.append("\r\n");
		}
		return out.toString();
	}

	private static String cell(String value) {
		// a leading =, +, - or @ would be run as a formula by spreadsheet programs
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
				? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
