package cn.onego.supervision;

import java.util.ArrayList;
import java.util.List;

/**
 * The filter's conditions as SQL, only those it sets: a condition written as {@code (? IS NULL OR …)}
 * keeps PostgreSQL's generic plan from using the index on the region prefix, so a city's dashboard
 * would read the whole province's rows.
 */
record Conditions(String sql, Object[] params) {

	/** Columns as named in the query, null where the table has none; with or without the day range. */
	static Conditions of(Dashboard.Filter f, boolean days, String region, String hall, String department, String matter,
			String channel) {
		StringBuilder sql = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (days) {
			sql.append(" AND day BETWEEN ? AND ?");
			params.add(f.from());
			params.add(f.to());
		}
		add(sql, params, region, " LIKE ?", f.regionPattern());
		add(sql, params, hall, " = ?", f.hall());
		add(sql, params, department, " = ?", f.department());
		add(sql, params, matter, " = ?", f.matter());
		add(sql, params, channel, " = ?", f.channel());
		return new Conditions(sql.toString(), params.toArray());
	}

	private static void add(StringBuilder sql, List<Object> params, String column, String test, Object value) {
		if (column != null && value != null) {
			sql.append(" AND ").append(column).append(test);
			params.add(value);
		}
	}
}
