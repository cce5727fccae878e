package cn.onego.platform.crypto;

import java.util.regex.Pattern;

/**
 * A text column whose values are sealed ({@link PersonalData#seal}) with its name as associated data, and the
 * column, if any, holding their blind index. Declared by the module owning the table, through
 * {@link SealedColumns}, so that {@link Resealing} can seal the rows written before and re-seal rows under a
 * new key.
 *
 * @param table the table
 * @param column the sealed column; its associated data is {@code table.column}
 * @param indexColumn the column holding the blind index of the plain value, or {@code null}
 */
public record SealedColumn(String table, String column, String indexColumn) {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

	public SealedColumn {
		for (String name : new String[] { table, column }) {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("not a plain SQL name: " + name);
			}
		}
		if (indexColumn != null && !NAME.matcher(indexColumn).matches()) {
			throw new IllegalArgumentException("not a plain SQL name: " + indexColumn);
		}
	}

	public static SealedColumn of(String table, String column) {
		return new SealedColumn(table, column, null);
	}

	public static SealedColumn indexed(String table, String column, String indexColumn) {
		return new SealedColumn(table, column, indexColumn);
	}

	/** What {@link PersonalData} binds the values to: {@code table.column}. */
	public String name() {
		return table + "." + column;
	}
}
