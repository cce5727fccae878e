package cn.onego.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.clock.Deadline.Colour;
import cn.onego.platform.ReadOnlyData;
import cn.onego.shared.RegionCode;

/**
 * The running tasks that are yellow or red now, as supervision shows them: counted by colour, and listed red first,
 * then by due day. Read from the open deadlines the scanner marks, on the read replica when one is configured
 * (a warning a second late is still a warning).
 */
@Service
public class OpenDeadlines {

	/** Which warned tasks: a region (and everything below it), a hall, a department, a matter, a channel; each optional. */
	public record Scope(RegionCode region, String hall, String department, String matter, String channel) {
	}

	/** A task yellow or red now. */
	public record Warned(TaskId task, CaseId caseId, String caseNumber, String item, String department, Colour colour,
			LocalDate dueOn) {
	}

	private final ReadOnlyData reads;

	OpenDeadlines(ReadOnlyData reads) {
		this.reads = reads;
	}

	/** How many tasks are yellow and how many red now, counted (a list of them is cut short). */
	public Map<Colour, Long> count(Scope scope) {
		Map<Colour, Long> counts = new EnumMap<>(Colour.class);
		Conditions where = Conditions.of(scope);
		jdbc().sql("SELECT colour, count(*) FROM open_deadline" + where.sql + " GROUP BY colour")
			.params(where.params)
			.query((rs, n) -> counts.put(Colour.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Red first, then yellow, each by due day: read as the first {@code limit} of each colour, which the index in
	 * due-day order gives without sorting all of a province's warned tasks.
	 */
	public List<Warned> list(Scope scope, int limit) {
		Conditions where = Conditions.of(scope);
		String ofColour = "SELECT task_id, case_id, case_number, item, department, colour, due_on FROM open_deadline" + where.sql
				+ " AND colour = ? ORDER BY due_on LIMIT " + limit;
		List<Object> params = new ArrayList<>(List.of(where.params));
		params.add(Colour.RED.name());
		params.addAll(List.of(where.params));
		params.add(Colour.YELLOW.name());
		return jdbc().sql("SELECT * FROM ((" + ofColour + ") UNION ALL (" + ofColour + ")) w ORDER BY w.colour = 'RED' DESC, w.due_on LIMIT "
				+ limit)
			.params(params)
			.query((rs, n) -> new Warned(TaskId.of(rs.getObject(1, UUID.class)), CaseId.of(rs.getObject(2, UUID.class)), rs.getString(3),
					rs.getString(4), rs.getString(5), Colour.valueOf(rs.getString(6)), rs.getObject(7, LocalDate.class)))
			.list();
	}

	private JdbcClient jdbc() {
		return reads.jdbc();
	}

	/**
	 * The scope's conditions as SQL, only those it sets: a condition written as {@code (? IS NULL OR …)} keeps
	 * PostgreSQL's generic plan from using the index on the region prefix.
	 */
	private record Conditions(String sql, Object[] params) {

		static Conditions of(Scope s) {
			StringBuilder sql = new StringBuilder(" WHERE colour <> 'GREEN'");
			List<Object> params = new ArrayList<>();
			if (s.region() != null) {
				sql.append(" AND region LIKE ?");
				params.add(s.region().prefix() + "%");
			}
			add(sql, params, "hall", s.hall());
			add(sql, params, "department", s.department());
			add(sql, params, "matter", s.matter());
			add(sql, params, "channel", s.channel());
			return new Conditions(sql.toString(), params.toArray());
		}

		private static void add(StringBuilder sql, List<Object> params, String column, String value) {
			if (value != null) {
				sql.append(" AND ").append(column).append(" = ?");
				params.add(value);
			}
		}
	}
}
