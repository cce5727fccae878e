package cn.onego.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import cn.onego.platform.StatementPart;

/**
 * The one statement that saves a transaction's {@link Changes}: data-modifying parts of a {@code WITH}, only those
 * the changes need — the case (inserted, or updated over the revision read), the tasks dispatched, the tasks
 * changed (over the versions read), the history steps, the applicant's messages, supervision's facts, the open
 * deadlines, the reviewers' queues, the post-verifications — each part one row per change, from arrays ({@code unnest}). The case comes
 * first, so every save locks a case before its tasks ({@link SaveStatementRecords} adds the parts after the tasks).
 * The statement answers whether the case and how many tasks were written; anything less means somebody saved the
 * case in between.
 */
final class SaveStatement {

	/** What the save needs besides the changes: how values are written, names, limits, calendars, now. */
	record Context(CaseRows rows, TaskClocks clocks, PlainWords words, ToIntFunction<String> promisedLimit,
			Instant now) {
	}

	private final StringBuilder with = new StringBuilder();
	final List<Object> params = new ArrayList<>();
	private final List<String> counted = new ArrayList<>();

	private SaveStatement() {
	}

	String sql() {
		return "WITH " + with + "\nSELECT " + String.join(", ", counted.stream().map(c -> "(SELECT count(*) FROM " + c + ")").toList());
	}

	Object[] params() {
		return params.toArray();
	}

	static SaveStatement of(Changes changes, Context context) {
		SaveStatement s = new SaveStatement();
		CaseFile c = changes.caseFile();
		CaseRows rows = context.rows();
		if (changes.isOpening()) {
			s.part("case_row", """
					INSERT INTO case_file (id, number, application_id, matter, applicant_id, applicant_id_index, applicant_name,
					    applicant_username, region, hall, channel, accepting_region, state, mode, delivery, submitted_at, version, revision,
					    supplement_rounds)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0) ON CONFLICT (application_id) DO NOTHING RETURNING 1""",
					c.id().value(), c.number().value(), c.applicationId(), c.matter(), rows.sealedApplicant(c.applicant().id()),
					rows.applicantIndex(c.applicant().id()), c.applicant().name(), c.applicant().username(),
					c.place().region().value(), c.place().hall().value(), c.place().channel().name(),
					c.place().crossRegion() ? c.place().acceptingRegion().value() : null, c.state().name(),
					c.terms().mode().name(), rows.sealedDelivery(c.delivery()), CaseRows.time(c.times().submittedAt()));
		}
		else if (changes.caseChanged()) {
			s.part("case_row", """
					UPDATE case_file SET state = ?, mode = ?, gaps = ?::jsonb, gap_deadline = ?, gaps_overdue = ?, commitments = ?::jsonb,
					    supplement = ?::jsonb, supplement_rounds = ?, refusal = ?::jsonb, promised_date = ?, issue = ?::jsonb,
					    accepted_at = ?, closed_at = ?, version = version + 1, revision = revision + 1
					WHERE id = ? AND revision = ? RETURNING 1""",
					c.state().name(), c.terms().mode().name(), rows.write(c.terms().gaps()), c.terms().gapDeadline(),
					c.terms().gapsOverdue(), rows.write(c.terms().commitments()), rows.write(c.supplements().requests()),
					c.supplements().rounds(), rows.write(c.outcome().refusal()), c.terms().promisedDate(),
					rows.write(c.outcome().issue()), CaseRows.time(c.times().acceptedAt()), CaseRows.time(c.times().closedAt()),
					c.id().value(), changes.caseRead().revision());
		}
		else {
			s.part("case_row", "UPDATE case_file SET revision = revision + 1 WHERE id = ? AND revision = ? RETURNING 1", c.id().value(),
					changes.caseRead().revision());
		}
		s.dispatched(changes.dispatched(), c, rows);
		s.changed(changes.changedTasks(), c, rows);
		SaveStatementRecords.steps(s, changes.steps(), context.rows());
		SaveStatementRecords.notices(s, changes, context);
		SaveStatementRecords.facts(s, changes, context);
		SaveStatementRecords.deadlines(s, changes, context);
		SaveStatementRecords.queue(s, changes, context);
		SaveStatementRecords.verifications(s, changes);
		return s;
	}

	void part(String name, String sql, Object... values) {
		if (!with.isEmpty()) {
			with.append(",\n");
		}
		with.append(name).append(" AS (").append(sql).append(")");
		params.addAll(java.util.Arrays.asList(values));
		counted.add(name);
	}

	/** A part another module gives the statement (its rows written with the case's, or not at all). */
	void part(StatementPart other) {
		part(other.name(), other.sql(), other.params().toArray());
	}

	/** A part with its parameters given as columns (arrays), one element per row. */
	void columns(String name, String sql, List<Object[]> columns) {
		if (!with.isEmpty()) {
			with.append(",\n");
		}
		with.append(name).append(" AS (").append(sql).append(")");
		params.addAll(columns);
		counted.add(name);
	}

	private void dispatched(Collection<Task> tasks, CaseFile c, CaseRows rows) {
		if (tasks.isEmpty()) {
			return;
		}
		List<Task> t = List.copyOf(tasks);
		columns("new_tasks", """
				INSERT INTO case_task (id, case_id, item, department, mandatory, commitment, state, prerequisites, inputs, result,
				    decision, claimed_by, auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, version,
				    case_number, applicant_name, region, hall, matter, channel)
				SELECT id, ?::uuid, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision, claimed_by,
				    auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, 0, ?, ?, ?, ?, ?, ?
				FROM unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::text[], ?::jsonb[], ?::jsonb[], ?::jsonb[],
				    ?::jsonb[], ?::text[], ?::text[], ?::date[], ?::date[], ?::timestamptz[], ?::int[], ?::int[], ?::date[], ?::date[])
				    AS v(id, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision, claimed_by,
				         auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on)
				WHERE EXISTS (SELECT 1 FROM case_row)
				RETURNING 1""", List.of());
		params.addAll(List.of(c.id().value().toString(), c.number().value(), c.applicant().name(), c.place().region().value(),
				c.place().hall().value(), c.matter(), c.place().channel().name()));
		params.add(texts(t, x -> x.id().value()));
		params.add(texts(t, Task::item));
		params.add(texts(t, Task::department));
		params.add(t.stream().map(Task::mandatory).toArray(Boolean[]::new));
		params.add(t.stream().map(Task::commitment).toArray(Boolean[]::new));
		params.add(texts(t, x -> x.state().name()));
		params.add(texts(t, x -> rows.write(x.prerequisites())));
		taskColumns(t, rows);
	}

	private void changed(Map<Task, Task> changed, CaseFile c, CaseRows rows) {
		if (changed.isEmpty()) {
			return;
		}
		List<Task> t = List.copyOf(changed.values());
		columns("task_rows", """
				UPDATE case_task t SET state = v.state, inputs = v.inputs, result = v.result, decision = v.decision,
				    claimed_by = v.claimed_by, auto_rule = v.auto_rule, started_on = v.started_on, due_on = v.due_on,
				    decided_at = v.decided_at, limit_days = v.limit_days, lost_days = v.lost_days, paused_on = v.paused_on,
				    warn_on = v.warn_on, version = t.version + 1
				FROM unnest(?::uuid[], ?::int[], ?::text[], ?::jsonb[], ?::jsonb[], ?::jsonb[], ?::text[], ?::text[], ?::date[], ?::date[],
				    ?::timestamptz[], ?::int[], ?::int[], ?::date[], ?::date[])
				    AS v(id, expected, state, inputs, result, decision, claimed_by, auto_rule, started_on, due_on, decided_at,
				         limit_days, lost_days, paused_on, warn_on)
				WHERE t.case_id = ?::uuid AND t.id = v.id AND t.version = v.expected AND EXISTS (SELECT 1 FROM case_row)
				RETURNING 1""", List.of());
		params.add(texts(t, x -> x.id().value()));
		params.add(changed.keySet().stream().map(Task::version).toArray(Integer[]::new));
		params.add(texts(t, x -> x.state().name()));
		taskColumns(t, rows);
		// the case's own tasks, by its index: a planner that takes the arrays for ten rows would otherwise hash them
		// against the whole table while it is small enough to look cheap (a few thousand tasks)
		params.add(c.id().value().toString());
	}

	/** The columns of a task that transitions change, from {@code inputs} on. */
	void taskColumns(List<Task> t, CaseRows rows) {
		params.add(texts(t, x -> rows.write(x.inputs())));
		params.add(texts(t, x -> rows.write(x.outcome().result())));
		params.add(texts(t, x -> rows.write(x.outcome().decision())));
		params.add(texts(t, x -> x.outcome().claimedBy()));
		params.add(texts(t, x -> x.outcome().autoRule()));
		params.add(texts(t, x -> x.clock().startedOn()));
		params.add(texts(t, x -> x.clock().dueOn()));
		params.add(texts(t, x -> x.outcome().decidedAt()));
		params.add(t.stream().map(x -> x.clock().limitDays()).toArray(Integer[]::new));
		params.add(t.stream().map(x -> x.clock().lostDays()).toArray(Integer[]::new));
		params.add(texts(t, x -> x.clock().pausedOn()));
		params.add(texts(t, x -> x.clock().warnOn()));
	}

	static <T> String[] texts(Collection<T> values, Function<T, Object> value) {
		return values.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}

	/** The names of the parts whose counts the statement answers with, in order. */
	List<String> parts() {
		return counted;
	}
}
