package cn.onego.cases;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.shared.RegionCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The cases a region's departments handled, as history: for each accepted case of some matters, its tasks with the
 * days they started and were decided (or are due). For looking back at what cases took — the reform office's
 * what-if replay — never for handling them. Kept in one class so that every read of past cases for figures goes
 * through one place.
 */
@Service
public class HandledCases {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	/** A case accepted on {@code acceptedOn}; {@code closed} once issued or refused. */
	public record HandledCase(UUID id, String number, String matter, String region, CaseState state, LocalDate acceptedOn,
			boolean closed, List<HandledTask> tasks) {
	}

	/**
	 * A task of the case: its item in its department, the items it waited for, the day it started, the day it was
	 * decided (null while open), the day it is due and its limit in working days.
	 */
	public record HandledTask(String item, String department, List<String> prerequisites, TaskState state, LocalDate startedOn,
			LocalDate decidedOn, LocalDate dueOn, Integer limitDays) {
	}

	private final JdbcClient jdbc;
	private final ObjectMapper json = new ObjectMapper();

	HandledCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The cases of the matters, competent in the region or below it, accepted from {@code from} to {@code to} (both
	 * included), in order of acceptance; cases never accepted are no handling and are left out.
	 */
	public List<HandledCase> acceptedIn(RegionCode region, Set<String> matters, LocalDate from, LocalDate to) {
		if (matters.isEmpty()) {
			return List.of();
		}
		Map<UUID, HandledCase> cases = new LinkedHashMap<>();
		Map<UUID, List<HandledTask>> tasks = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT id, number, matter, region, state, accepted_at FROM case_file
				WHERE region LIKE ? AND matter = ANY(?) AND accepted_at >= ? AND accepted_at < ?
				ORDER BY accepted_at, number""")
			.params(region.prefix() + "%", matters.toArray(String[]::new), Timestamp.from(from.atStartOfDay(CHINA).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(CHINA).toInstant()))
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				CaseState state = CaseState.valueOf(rs.getString("state"));
				List<HandledTask> own = new ArrayList<>();
				tasks.put(id, own);
				return cases.put(id, new HandledCase(id, rs.getString("number"), rs.getString("matter"), rs.getString("region"), state,
						rs.getTimestamp("accepted_at").toInstant().atZone(CHINA).toLocalDate(),
						state == CaseState.ISSUED || state == CaseState.REFUSED, own));
			})
			.list();
		if (cases.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				SELECT case_id, item, department, prerequisites, state, started_on, decided_at, due_on, limit_days FROM case_task
				WHERE case_id = ANY(?) ORDER BY case_id, item""")
			.param(cases.keySet().toArray(UUID[]::new))
			.query((rs, n) -> {
				Timestamp decided = rs.getTimestamp("decided_at");
				return tasks.get(rs.getObject("case_id", UUID.class))
					.add(new HandledTask(rs.getString("item"), rs.getString("department"), json.readValue(rs.getString("prerequisites"), STRINGS),
							TaskState.valueOf(rs.getString("state")), rs.getObject("started_on", LocalDate.class),
							decided == null ? null : decided.toInstant().atZone(CHINA).toLocalDate(), rs.getObject("due_on", LocalDate.class),
							(Integer) rs.getObject("limit_days")));
			})
			.list();
		return cases.values()
			.stream()
			.map(c -> new HandledCase(c.id(), c.number(), c.matter(), c.region(), c.state(), c.acceptedOn(), c.closed(),
					List.copyOf(c.tasks())))
			.toList();
	}
}
