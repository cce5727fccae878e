package cn.onego.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.audit.AuditTrail;
import cn.onego.cases.CaseFile.Gap;
import cn.onego.cases.CaseFile.Issue;
import cn.onego.cases.CaseFile.Mode;
import cn.onego.cases.CaseFile.Refusal;
import cn.onego.cases.Task.Decision;
import cn.onego.cases.Task.TaskResult;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases, their tasks and their history in PostgreSQL. Updates carry the version read: a case or task
 * changed in between is not overwritten (optimistic locking), and the caller answers 409. Every step of a
 * history — each state change and decision — is also appended to the audit trail, in the same transaction.
 * The applicant's ID number and the delivery (address, mobile) are sealed; an applicant's cases are found by
 * the number's blind index.
 */
@Repository
class Cases implements SealedColumns {

	private static final SealedColumn APPLICANT_ID = SealedColumn.indexed("case_file", "applicant_id", "applicant_id_index");
	private static final SealedColumn DELIVERY = SealedColumn.of("case_file", "delivery");

	private static final TypeReference<List<Gap>> GAPS = new TypeReference<>() {
	};
	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};
	private static final TypeReference<List<SupplementRequest>> REQUESTS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, TaskResult>> INPUTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JdbcTemplate batches;
	private final JsonMapper json;
	private final AuditTrail audit;
	private final PersonalData data;

	Cases(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, AuditTrail audit, PersonalData data) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.json = json;
		this.audit = audit;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(APPLICANT_ID, DELIVERY);
	}

	long nextSerial() {
		return jdbc.sql("SELECT nextval('case_number_seq')").query(Long.class).single();
	}

	/**
	 * The case's query code (printed on the receipt), made now for a case opened before codes existed: one
	 * statement, and a concurrent reader gets the same code.
	 */
	String queryCode(UUID caseId) {
		return jdbc.sql("""
				UPDATE case_file SET query_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 8))
				WHERE id = ? AND query_code IS NULL RETURNING query_code""")
			.param(caseId)
			.query(String.class)
			.optional()
			.orElseGet(() -> jdbc.sql("SELECT query_code FROM case_file WHERE id = ?").param(caseId).query(String.class).single());
	}

	/** Inserts the case unless its application already has one; tells whether it did. */
	boolean insert(CaseFile c) {
		return jdbc.sql("""
				INSERT INTO case_file (id, number, application_id, matter, applicant_id, applicant_id_index, applicant_name,
				    applicant_username, region, hall, channel, state, mode, delivery, submitted_at, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (application_id) DO NOTHING""")
			.params(c.id(), c.number().value(), c.applicationId(), c.matter(), data.seal(c.applicantId(), APPLICANT_ID.name()),
					data.index(c.applicantId()), c.applicantName(), c.applicantUsername(), c.region(), c.hall(), c.channel(),
					c.state().name(), c.mode().name(), data.seal(write(c.delivery()), DELIVERY.name()),
					Timestamp.from(c.submittedAt()))
			.update() == 1;
	}

	/** Writes the case if it still has the version read, and bumps the version. */
	boolean update(CaseFile c, int expectedVersion) {
		return jdbc.sql("""
				UPDATE case_file SET state = ?, mode = ?, gaps = ?::jsonb, gap_deadline = ?, gaps_overdue = ?,
				    commitments = ?::jsonb, supplement = ?::jsonb, refusal = ?::jsonb, promised_date = ?, issue = ?::jsonb,
				    accepted_at = ?, closed_at = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(c.state().name(), c.mode().name(), write(c.gaps()), c.gapDeadline(), c.gapsOverdue(),
					write(c.commitments()), write(c.supplement()), write(c.refusal()), c.promisedDate(), write(c.issue()),
					time(c.acceptedAt()), time(c.closedAt()), c.id(), expectedVersion)
			.update() == 1;
	}

	// a single case read for a request is the case the request concerns: its number goes on the request's log lines
	Optional<CaseFile> find(UUID id) {
		return jdbc.sql("SELECT * FROM case_file WHERE id = ?").param(id).query(this::caseFile).optional().map(Cases::logged);
	}

	/** The case, locked against other writers until the transaction ends. */
	Optional<CaseFile> lock(UUID id) {
		return jdbc.sql("SELECT * FROM case_file WHERE id = ? FOR UPDATE").param(id).query(this::caseFile).optional()
			.map(Cases::logged);
	}

	Optional<CaseFile> byNumber(String number) {
		return jdbc.sql("SELECT * FROM case_file WHERE number = ?").param(number).query(this::caseFile).optional()
			.map(Cases::logged);
	}

	Optional<CaseFile> byApplication(UUID application) {
		return jdbc.sql("SELECT * FROM case_file WHERE application_id = ?").param(application).query(this::caseFile).optional()
			.map(Cases::logged);
	}

	private static CaseFile logged(CaseFile c) {
		cn.onego.platform.logging.LogContext.caseNumber(c.number().value());
		return c;
	}

	List<CaseFile> ofHall(String hall, CaseState state, int limit) {
		return jdbc.sql("""
				SELECT * FROM case_file WHERE hall = ? AND (?::text IS NULL OR state = ?)
				ORDER BY submitted_at LIMIT ?""")
			.params(hall, state == null ? null : state.name(), state == null ? null : state.name(), limit)
			.query(this::caseFile)
			.list();
	}

	List<CaseFile> ofApplicant(String applicantId, String username, int limit) {
		return jdbc.sql("""
				SELECT * FROM case_file WHERE applicant_id_index = ? OR applicant_username = ? ORDER BY submitted_at DESC LIMIT ?""")
			.params(data.index(applicantId), username, limit)
			.query(this::caseFile)
			.list();
	}

	/** Cases whose open gaps passed their deadline before the day and are not flagged yet (uses the partial index). */
	List<CaseFile> gapsDueBefore(LocalDate day) {
		return jdbc.sql("""
				SELECT * FROM case_file WHERE gap_deadline < ? AND gap_deadline IS NOT NULL AND NOT gaps_overdue
				  AND state IN ('IN_PROGRESS', 'READY')""")
			.param(day)
			.query(this::caseFile)
			.list();
	}

	// ------------------------------------------------------------------ tasks

	/**
	 * Inserts a case's tasks in one round trip (a JDBC batch), each with the case's facts that the live views
	 * of open tasks show and filter by, so that they need not join the case (V14).
	 */
	void insert(CaseFile c, List<Task> tasks) {
		batches.batchUpdate("""
				INSERT INTO case_task (id, case_id, item, department, mandatory, commitment, state, prerequisites, inputs,
				    started_on, due_on, limit_days, lost_days, paused_on, warn_on, version, colour,
				    case_number, applicant_name, region, hall, matter, channel)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)""",
				tasks.stream()
					.map(t -> new Object[] { t.id(), t.caseId(), t.item(), t.department(), t.mandatory(), t.commitment(),
							t.state().name(), write(t.prerequisites()), write(t.inputs()), t.startedOn(), t.dueOn(), t.limitDays(),
							t.lostDays(), t.pausedOn(), t.warnOn(), t.colour() == null ? "GREEN" : t.colour(), c.number().value(),
							c.applicantName(), c.region(), c.hall(), c.matter(), c.channel() })
					.toList());
	}

	boolean update(Task t, int expectedVersion) {
		return jdbc.sql("""
				UPDATE case_task SET state = ?, inputs = ?::jsonb, result = ?::jsonb, decision = ?::jsonb, claimed_by = ?,
				    auto_rule = ?, started_on = ?, due_on = ?, decided_at = ?, limit_days = ?, lost_days = ?, paused_on = ?,
				    warn_on = ?, colour = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(t.state().name(), write(t.inputs()), write(t.result()), write(t.decision()), t.claimedBy(), t.autoRule(),
					t.startedOn(), t.dueOn(), time(t.decidedAt()), t.limitDays(), t.lostDays(), t.pausedOn(), t.warnOn(),
					t.colour() == null ? "GREEN" : t.colour(), t.id(), expectedVersion)
			.update() == 1;
	}

	Optional<Task> task(UUID id) {
		return jdbc.sql("SELECT * FROM case_task WHERE id = ?").param(id).query(this::taskRow).optional();
	}

	List<Task> tasks(UUID caseId) {
		return jdbc.sql("SELECT * FROM case_task WHERE case_id = ? ORDER BY started_on NULLS LAST, item")
			.param(caseId)
			.query(this::taskRow)
			.list();
	}

	/** A task in a department's queue with what its row shows of the case. */
	record Queued(Task task, String caseNumber, String matter, String applicantName) {
	}

	/** A department's queue, oldest due first, filtered by state, latest due date and matter. */
	List<Queued> queue(String department, TaskState state, LocalDate dueBy, String matter, int limit) {
		return jdbc.sql("""
				SELECT t.* FROM case_task t
				WHERE t.department = ? AND (?::text IS NULL OR t.state = ?) AND (?::date IS NULL OR t.due_on <= ?)
				  AND (?::text IS NULL OR t.matter = ?)
				  AND t.state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED')
				ORDER BY t.due_on NULLS LAST, t.started_on LIMIT ?""")
			.params(department, state == null ? null : state.name(), state == null ? null : state.name(), dueBy, dueBy, matter,
					matter, limit)
			.query((rs, n) -> new Queued(taskRow(rs, n), rs.getString("case_number"), rs.getString("matter"),
					rs.getString("applicant_name")))
			.list();
	}

	// ------------------------------------------------------------------ history

	/** One step of the case's history. */
	record Step(long id, UUID caseId, UUID taskId, Instant at, String actor, String action, String from, String to,
			String detail) {
	}

	void record(UUID caseId, UUID taskId, Instant at, String actor, String action, Object from, Object to, String detail) {
		jdbc.sql("""
				INSERT INTO case_history (case_id, task_id, at, actor, action, from_state, to_state, detail)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, taskId, Timestamp.from(at), actor, action, from == null ? null : from.toString(),
					to == null ? null : to.toString(), detail)
			.update();
		audit(new NewStep(caseId, taskId, at, actor, action, from, to, detail));
	}

	/** The step in the audit trail: {@code case.<ACTION>} on {@code case/<id>[/task/<id>]}, with the states and detail. */
	private void audit(NewStep step) {
		String target = "case/" + step.caseId() + (step.taskId() == null ? "" : "/task/" + step.taskId());
		String states = step.from() == null && step.to() == null ? ""
				: (step.from() == null ? "" : step.from()) + " → " + (step.to() == null ? "" : step.to());
		String reason = states.isEmpty() ? step.detail()
				: step.detail() == null || step.detail().isEmpty() ? states : states + "; " + step.detail();
		audit.record(step.actor(), "case." + step.action(), target, reason);
	}

	/** A step to record. */
	record NewStep(UUID caseId, UUID taskId, Instant at, String actor, String action, Object from, Object to, String detail) {

		/** A step without state change (warnings and the like). */
		NewStep(UUID caseId, UUID taskId, Instant at, String actor, String action, String detail) {
			this(caseId, taskId, at, actor, action, null, null, detail);
		}
	}

	/** Records the steps in one statement, in their order. */
	void recordAll(List<NewStep> steps) {
		if (steps.isEmpty()) {
			return;
		}
		jdbc.sql("""
				INSERT INTO case_history (case_id, task_id, at, actor, action, from_state, to_state, detail)
				SELECT c, t, a, who, what, f, st, d
				FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    WITH ORDINALITY AS s(c, t, a, who, what, f, st, d, n) ORDER BY n""")
			.params(steps.stream().map(s -> s.caseId().toString()).toArray(String[]::new),
					steps.stream().map(s -> s.taskId() == null ? null : s.taskId().toString()).toArray(String[]::new),
					steps.stream().map(s -> s.at().toString()).toArray(String[]::new),
					steps.stream().map(NewStep::actor).toArray(String[]::new), steps.stream().map(NewStep::action).toArray(String[]::new),
					steps.stream().map(s -> s.from() == null ? null : s.from().toString()).toArray(String[]::new),
					steps.stream().map(s -> s.to() == null ? null : s.to().toString()).toArray(String[]::new),
					steps.stream().map(NewStep::detail).toArray(String[]::new))
			.update();
		steps.forEach(this::audit);
	}

	List<Step> history(UUID caseId) {
		return jdbc.sql("SELECT * FROM case_history WHERE case_id = ? ORDER BY id")
			.param(caseId)
			.query((rs, n) -> new Step(rs.getLong("id"), rs.getObject("case_id", UUID.class), rs.getObject("task_id", UUID.class),
					rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"), rs.getString("from_state"),
					rs.getString("to_state"), rs.getString("detail")))
			.list();
	}

	// ------------------------------------------------------------------ mapping

	private String write(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	private <T> T read(String text, Class<T> type) {
		return text == null ? null : json.readValue(text, type);
	}

	private <T> T read(String text, TypeReference<T> type) {
		return text == null ? null : json.readValue(text, type);
	}

	private static Timestamp time(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private CaseFile caseFile(ResultSet rs, int row) throws SQLException {
		List<SupplementRequest> supplement = read(rs.getString("supplement"), REQUESTS);
		return new CaseFile(rs.getObject("id", UUID.class), new CaseNumber(rs.getString("number")),
				rs.getObject("application_id", UUID.class), rs.getString("matter"), data.open(rs.getString("applicant_id"), APPLICANT_ID.name()),
				rs.getString("applicant_name"), rs.getString("applicant_username"), rs.getString("region"),
				rs.getString("hall"), rs.getString("channel"), CaseState.valueOf(rs.getString("state")),
				Mode.valueOf(rs.getString("mode")), read(rs.getString("gaps"), GAPS), rs.getObject("gap_deadline", LocalDate.class),
				rs.getBoolean("gaps_overdue"), read(rs.getString("commitments"), STRINGS),
				supplement == null ? List.of() : supplement, read(rs.getString("refusal"), Refusal.class),
				rs.getObject("promised_date", LocalDate.class), read(data.open(rs.getString("delivery"), DELIVERY.name()), Delivery.class),
				read(rs.getString("issue"), Issue.class), instant(rs.getTimestamp("submitted_at")),
				instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("closed_at")), rs.getInt("version"));
	}

	private Task taskRow(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("item"),
				rs.getString("department"), rs.getBoolean("mandatory"), rs.getBoolean("commitment"),
				TaskState.valueOf(rs.getString("state")), read(rs.getString("prerequisites"), STRINGS),
				read(rs.getString("inputs"), INPUTS), read(rs.getString("result"), TaskResult.class),
				read(rs.getString("decision"), Decision.class), rs.getString("claimed_by"), rs.getString("auto_rule"),
				rs.getObject("started_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
				instant(rs.getTimestamp("decided_at")), rs.getInt("version"), (Integer) rs.getObject("limit_days"),
				rs.getInt("lost_days"), rs.getObject("paused_on", LocalDate.class), rs.getObject("warn_on", LocalDate.class),
				rs.getString("colour"));
	}
}
