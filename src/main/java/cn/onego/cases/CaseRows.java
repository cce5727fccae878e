package cn.onego.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseFile.Gap;
import cn.onego.cases.CaseFile.Issue;
import cn.onego.cases.CaseFile.Mode;
import cn.onego.cases.CaseFile.Refusal;
import cn.onego.cases.Task.Decision;
import cn.onego.cases.Task.TaskResult;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.shared.RegionCode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How cases and tasks are rows: the columns, and the records read from them (JSONB parts through Jackson). The
 * applicant's ID number and the delivery (address, mobile) are sealed; an applicant's cases are found by the
 * number's blind index.
 */
@Component
class CaseRows implements SealedColumns {

	static final SealedColumn APPLICANT_ID = SealedColumn.indexed("case_file", "applicant_id", "applicant_id_index");
	static final SealedColumn DELIVERY = SealedColumn.of("case_file", "delivery");

	static final List<String> CASE_COLUMNS = List.of("id", "number", "application_id", "matter", "applicant_id",
			"applicant_name", "applicant_username", "region", "hall", "channel", "accepting_region", "state", "mode", "gaps", "gap_deadline",
			"gaps_overdue", "commitments", "supplement", "supplement_rounds", "refusal", "promised_date", "delivery", "issue",
			"submitted_at", "accepted_at", "closed_at", "version", "revision");

	static final List<String> TASK_COLUMNS = List.of("id", "case_id", "item", "department", "mandatory", "commitment", "state",
			"prerequisites", "inputs", "result", "decision", "claimed_by", "auto_rule", "started_on", "due_on", "decided_at",
			"version", "limit_days", "lost_days", "paused_on", "warn_on");

	/** The case's columns as {@code c.col}, and the task's as {@code t.col AS t_col}, for reading both in one row. */
	static final String JOINED = CASE_COLUMNS.stream().map(c -> "c." + c).collect(Collectors.joining(", ")) + ", "
			+ TASK_COLUMNS.stream().map(c -> "t." + c + " AS t_" + c).collect(Collectors.joining(", "));

	private static final TypeReference<List<Gap>> GAPS = new TypeReference<>() {
	};
	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};
	private static final TypeReference<List<SupplementRequest>> REQUESTS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, TaskResult>> INPUTS = new TypeReference<>() {
	};

	private final JsonMapper json;
	private final PersonalData data;

	CaseRows(JsonMapper json, PersonalData data) {
		this.json = json;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(APPLICANT_ID, DELIVERY);
	}

	/** The applicant's ID number as stored: sealed. */
	String sealedApplicant(String applicantId) {
		return data.seal(applicantId, APPLICANT_ID.name());
	}

	/** The blind index an applicant's cases are found by. */
	String applicantIndex(String applicantId) {
		return data.index(applicantId);
	}

	/** The delivery as stored: its JSON, sealed. */
	String sealedDelivery(Delivery delivery) {
		return data.seal(write(delivery), DELIVERY.name());
	}

	CaseFile caseFile(ResultSet rs, int row) throws SQLException {
		List<SupplementRequest> supplement = read(rs.getString("supplement"), REQUESTS);
		return new CaseFile(CaseId.of(rs.getObject("id", UUID.class)), new CaseNumber(rs.getString("number")),
				rs.getObject("application_id", UUID.class), rs.getString("matter"),
				new CaseFile.Applicant(data.open(rs.getString("applicant_id"), APPLICANT_ID.name()), rs.getString("applicant_name"), rs.getString("applicant_username")),
				new CaseFile.Place(RegionCode.of(rs.getString("region")), HallCode.of(rs.getString("hall")),
						Channel.valueOf(rs.getString("channel")), RegionCode.parse(rs.getString("accepting_region")).orElse(null)),
				CaseState.valueOf(rs.getString("state")),
				new CaseFile.Terms(Mode.valueOf(rs.getString("mode")), listOrEmpty(read(rs.getString("gaps"), GAPS)),
						rs.getObject("gap_deadline", LocalDate.class), rs.getBoolean("gaps_overdue"),
						listOrEmpty(read(rs.getString("commitments"), STRINGS)), rs.getObject("promised_date", LocalDate.class)),
				new CaseFile.Supplements(listOrEmpty(supplement), (Integer) rs.getObject("supplement_rounds")),
				new CaseFile.Outcome(read(rs.getString("refusal"), Refusal.class), read(rs.getString("issue"), Issue.class)),
				read(data.open(rs.getString("delivery"), DELIVERY.name()), Delivery.class),
				new CaseFile.Times(instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("accepted_at")),
						instant(rs.getTimestamp("closed_at"))),
				rs.getInt("version"), rs.getInt("revision"));
	}

	Task task(ResultSet rs, int row) throws SQLException {
		return task(rs, "");
	}

	/** The task of a joined row ({@link #JOINED}), or null where the case has no task. */
	Task joinedTask(ResultSet rs) throws SQLException {
		return rs.getObject("t_id") == null ? null : task(rs, "t_");
	}

	private Task task(ResultSet rs, String p) throws SQLException {
		return new Task(TaskId.of(rs.getObject(p + "id", UUID.class)), CaseId.of(rs.getObject(p + "case_id", UUID.class)),
				rs.getString(p + "item"), rs.getString(p + "department"), rs.getBoolean(p + "mandatory"), rs.getBoolean(p + "commitment"),
				TaskState.valueOf(rs.getString(p + "state")), read(rs.getString(p + "prerequisites"), STRINGS),
				listOrEmpty(read(rs.getString(p + "inputs"), INPUTS)),
				new Task.Outcome(read(rs.getString(p + "result"), TaskResult.class), read(rs.getString(p + "decision"), Decision.class),
						rs.getString(p + "claimed_by"), rs.getString(p + "auto_rule"), instant(rs.getTimestamp(p + "decided_at"))),
				new Task.Clock(rs.getObject(p + "started_on", LocalDate.class), rs.getObject(p + "due_on", LocalDate.class),
						(Integer) rs.getObject(p + "limit_days"), rs.getInt(p + "lost_days"), rs.getObject(p + "paused_on", LocalDate.class),
						rs.getObject(p + "warn_on", LocalDate.class)),
				rs.getInt(p + "version"));
	}

	String write(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	<T> T read(String text, Class<T> type) {
		return text == null ? null : json.readValue(text, type);
	}

	<T> T read(String text, TypeReference<T> type) {
		return text == null ? null : json.readValue(text, type);
	}

	static Timestamp time(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static <T> List<T> listOrEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	private static <K, V> Map<K, V> listOrEmpty(Map<K, V> map) {
		return map == null ? Map.of() : map;
	}

	static String columns(List<String> columns) {
		return String.join(", ", columns);
	}

	static String[] strings(Object[] values) {
		return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}
}
