package cn.onego.demo;

/** Rows in PostgreSQL's COPY text format. */
final class CopyRows {

	private CopyRows() {
	}

	/** One row: tab-separated, \N for null. No generated value holds a tab, newline or backslash. */
	static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			out.append(values[i] == null ? "\\N" : values[i] instanceof Boolean b ? (b ? "t" : "f") : values[i].toString());
		}
		out.append('\n');
	}
}
