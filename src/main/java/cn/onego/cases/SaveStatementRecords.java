package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToIntFunction;

import cn.onego.application.CriticalPath;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.CaseOpened;
import cn.onego.cases.CaseEvents.CaseRefused;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.clock.Deadline.Colour;
import cn.onego.shared.Label;

/**
 * The parts of the {@link SaveStatement} that record what the transitions imply besides the case and its tasks:
 * the history steps, the applicant's messages, supervision's facts, the open deadlines, the reviewers' queues and the
 * post-verifications.
 * Each is one row per change from arrays ({@code unnest}) and is written only if the case row was.
 */
final class SaveStatementRecords {

	private SaveStatementRecords() {
	}

	static void steps(SaveStatement s, List<Step> steps, CaseRows rows) {
		if (steps.isEmpty()) {
			return;
		}
		s.columns("steps", """
				INSERT INTO case_history (case_id, task_id, at, actor, action, from_state, to_state, message)
				SELECT c, t, a, who, what, f, st, m
				FROM unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[])
				    WITH ORDINALITY AS s(c, t, a, who, what, f, st, m, n)
				WHERE EXISTS (SELECT 1 FROM case_row) ORDER BY n
				RETURNING 1""", List.of());
		addStepColumns(s.params, steps, rows);
	}

	/** The history steps as the eight arrays of an {@code unnest}, what they say as JSON. */
	static void addStepColumns(List<Object> params, List<Step> steps, CaseRows rows) {
		params.add(SaveStatement.texts(steps, s -> s.caseId().value()));
		params.add(SaveStatement.texts(steps, s -> s.taskId() == null ? null : s.taskId().value()));
		params.add(SaveStatement.texts(steps, Step::at));
		params.add(SaveStatement.texts(steps, Step::actor));
		params.add(SaveStatement.texts(steps, Step::action));
		params.add(SaveStatement.texts(steps, Step::from));
		params.add(SaveStatement.texts(steps, Step::to));
		params.add(SaveStatement.texts(steps, step -> step.message() == null ? null : rows.write(step.message())));
	}

	static void notices(SaveStatement s, Changes changes, SaveStatement.Context context) {
		// a refusal is told as the history says it (a required item not approved, named), not as its reason on record
		Label refusal = changes.steps()
			.stream()
			.filter(step -> "REFUSED".equals(step.action()) && step.taskId() == null && step.message() != null)
			.map(step -> context.words().say(step.message()))
			.findFirst()
			.orElse(null);
		List<Notices.Notice> notices = changes.events().stream()
			.map(e -> Notices.of(e, changes.caseFile(), context.words(), refusal))
			.flatMap(Optional::stream)
			.toList();
		if (notices.isEmpty()) {
			return;
		}
		s.columns("messages", """
				INSERT INTO notification (event_key, recipient, case_id, channel, text_zh, text_en, created_at)
				SELECT k, r, c, ch, zh, en, ?::timestamptz FROM unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[])
				    WITH ORDINALITY AS m(k, r, c, ch, zh, en, n)
				WHERE EXISTS (SELECT 1 FROM case_row) ORDER BY n
				ON CONFLICT (event_key) DO NOTHING RETURNING 1""", List.of());
		s.params.add(context.now().toString());
		s.params.add(SaveStatement.texts(notices, Notices.Notice::key));
		s.params.add(SaveStatement.texts(notices, Notices.Notice::recipient));
		s.params.add(SaveStatement.texts(notices, n -> n.caseId().value()));
		s.params.add(SaveStatement.texts(notices, Notices.Notice::channel));
		s.params.add(SaveStatement.texts(notices, Notices.Notice::zh));
		s.params.add(SaveStatement.texts(notices, Notices.Notice::en));
	}

	static void facts(SaveStatement s, Changes changes, SaveStatement.Context context) {
		List<CaseFact> facts = changes.events().stream().map(e -> fact(e, changes, context)).flatMap(Optional::stream).toList();
		if (facts.isEmpty()) {
			return;
		}
		s.columns("facts", """
				INSERT INTO case_fact (kind, day, region, hall, department, matter, channel, late, late_on_critical_path, handling_days,
				    limit_days, accepting_region)
				SELECT * FROM unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],
				    ?::int[], ?::int[], ?::text[])
				WHERE EXISTS (SELECT 1 FROM case_row)
				RETURNING 1""", List.of());
		s.params.add(SaveStatement.texts(facts, f -> f.kind().stored()));
		s.params.add(SaveStatement.texts(facts, CaseFact::day));
		s.params.add(SaveStatement.texts(facts, CaseFact::region));
		s.params.add(SaveStatement.texts(facts, CaseFact::hall));
		s.params.add(SaveStatement.texts(facts, CaseFact::department));
		s.params.add(SaveStatement.texts(facts, CaseFact::matter));
		s.params.add(SaveStatement.texts(facts, CaseFact::channel));
		s.params.add(facts.stream().map(CaseFact::late).toArray(Boolean[]::new));
		s.params.add(facts.stream().map(CaseFact::lateOnCriticalPath).toArray(Boolean[]::new));
		s.params.add(facts.stream().map(CaseFact::handlingDays).toArray(Integer[]::new));
		s.params.add(facts.stream().map(CaseFact::limitDays).toArray(Integer[]::new));
		// NULL for a case received in its own region, as case_file stores it
		s.params.add(SaveStatement.texts(facts, f -> f.crossRegion() ? f.acceptingRegion() : null));
	}

	/** What the event adds to supervision's counts: the case's place and day, and for a decision the task's clock. */
	static Optional<CaseFact> fact(CaseEvent event, Changes changes, SaveStatement.Context context) {
		CaseFile c = changes.caseFile();
		CaseFact.Kind kind = event instanceof CaseOpened ? CaseFact.Kind.SUBMITTED
				: event instanceof CaseAccepted ? CaseFact.Kind.ACCEPTED
				: event instanceof CaseNotAccepted ? CaseFact.Kind.NOT_ACCEPTED
				: event instanceof CaseIssued ? CaseFact.Kind.ISSUED
				: event instanceof CaseRefused ? CaseFact.Kind.REFUSED
				: event instanceof TaskDecided ? CaseFact.Kind.DECIDED : null;
		if (kind == null) {
			return Optional.empty(); // not counted: supplement requests, ready cases, overdue gaps, revocations
		}
		String region = c.place().region().value();
		String hall = c.place().hall().value();
		String accepting = c.place().acceptingRegion().value();
		String channel = c.place().channel().name();
		if (kind != CaseFact.Kind.DECIDED) {
			Instant at = switch (kind) {
				case SUBMITTED -> c.times().submittedAt();
				case ACCEPTED -> c.times().acceptedAt();
				default -> c.times().closedAt();
			};
			return Optional.of(new CaseFact(kind, context.clocks().day(at == null ? context.now() : at), region, hall, null, c.matter(),
					channel, false, false, 0, 0, accepting));
		}
		Task t = changes.task(((TaskDecided) event).taskId());
		LocalDate decided = context.clocks().day(t.outcome().decidedAt() == null ? context.now() : t.outcome().decidedAt());
		boolean late = t.clock().dueOn() != null && decided.isAfter(t.clock().dueOn());
		int limit = t.clock().limitDays() == null ? 0 : t.clock().limitDays();
		int handling = context.clocks().handlingDays(t, c.place().region(), decided);
		boolean critical = late && onCriticalPath(t, changes.tasks(), context.promisedLimit());
		return Optional.of(new CaseFact(kind, decided, region, hall, t.department(), c.matter(), channel, late, critical, handling,
				limit, accepting));
	}

	/** Whether the task's item lies on the longest chain of promised limits through the case's tasks. */
	static boolean onCriticalPath(Task t, List<Task> tasks, ToIntFunction<String> promisedLimit) {
		var path = CriticalPath.of(tasks.stream().map(Task::item).toList(),
				item -> tasks.stream().filter(x -> x.item().equals(item)).findFirst().map(Task::prerequisites).orElse(List.of()),
				promisedLimit::applyAsInt);
		return path.nodes().contains(t.item());
	}

	/**
	 * The open deadlines: a task that starts or runs again gets its row (green when it starts, coloured as its clock
	 * says when it resumes); one that stops or settles loses it; claiming and releasing change nothing here.
	 */
	static void deadlines(SaveStatement s, Changes changes, SaveStatement.Context context) {
		CaseFile c = changes.caseFile();
		List<Task> open = new ArrayList<>();
		List<String> colours = new ArrayList<>();
		List<Task> gone = new ArrayList<>();
		for (Task t : changes.dispatched()) {
			if (isOpen(t)) {
				open.add(t);
				colours.add(Colour.GREEN.name());
			}
		}
		changes.changedTasks().forEach((before, after) -> {
			boolean was = isOpen(before);
			if (isOpen(after) && (!was || !Objects.equals(before.clock().dueOn(), after.clock().dueOn())
					|| !Objects.equals(before.clock().warnOn(), after.clock().warnOn()))) {
				open.add(after);
				Colour colour = before.state() == TaskState.WAITING ? Colour.GREEN
						: context.clocks().colour(after, c.place().region(), context.clocks().today());
				colours.add(colour == null ? Colour.GREEN.name() : colour.name());
			}
			else if (was && !isOpen(after)) {
				gone.add(after);
			}
		});
		if (!gone.isEmpty()) {
			s.columns("deadlines_gone", "DELETE FROM open_deadline WHERE task_id = ANY(?::uuid[]) AND EXISTS (SELECT 1 FROM case_row) RETURNING 1", List.of());
			s.params.add(SaveStatement.texts(gone, t -> t.id().value()));
		}
		if (!open.isEmpty()) {
			s.columns("deadlines", """
					INSERT INTO open_deadline (task_id, case_id, case_number, item, department, region, hall, matter, channel, due_on, warn_on,
					    colour)
					SELECT id, ?::uuid, ?, item, department, ?, ?, ?, ?, due_on, warn_on, colour
					FROM unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::date[], ?::text[]) AS d(id, item, department, due_on, warn_on, colour)
					WHERE EXISTS (SELECT 1 FROM case_row)
					ON CONFLICT (task_id) DO UPDATE SET due_on = excluded.due_on, warn_on = excluded.warn_on, colour = excluded.colour
					RETURNING 1""", List.of());
			s.params.addAll(List.of(c.id().value().toString(), c.number().value(), c.place().region().value(), c.place().hall().value(),
					c.matter(), c.place().channel().name()));
			s.params.add(SaveStatement.texts(open, t -> t.id().value()));
			s.params.add(SaveStatement.texts(open, Task::item));
			s.params.add(SaveStatement.texts(open, Task::department));
			s.params.add(SaveStatement.texts(open, t -> t.clock().dueOn()));
			s.params.add(SaveStatement.texts(open, t -> t.clock().warnOn()));
			s.params.add(colours.toArray(String[]::new));
		}
	}

	/**
	 * The reviewers' queues ({@code queued_task}, V70): a task that enters a queue state gets its row, one that changes
	 * while queued has it written again whole (state, reviewer, clock, decision, version), one that leaves loses it. The
	 * row's version is the one its case_task row gets from this statement.
	 */
	static void queue(SaveStatement s, Changes changes, SaveStatement.Context context) {
		CaseFile c = changes.caseFile();
		List<Task> queued = new ArrayList<>();
		List<Integer> versions = new ArrayList<>();
		List<Task> gone = new ArrayList<>();
		for (Task t : changes.dispatched()) {
			if (isQueued(t)) {
				queued.add(t);
				versions.add(t.version());
			}
		}
		changes.changedTasks().forEach((before, after) -> {
			if (isQueued(after)) {
				queued.add(after);
				versions.add(before.version() + 1);
			}
			else if (isQueued(before)) {
				gone.add(after);
			}
		});
		if (!gone.isEmpty()) {
			s.columns("unqueued", "DELETE FROM queued_task WHERE id = ANY(?::uuid[]) AND EXISTS (SELECT 1 FROM case_row) RETURNING 1", List.of());
			s.params.add(SaveStatement.texts(gone, t -> t.id().value()));
		}
		if (queued.isEmpty()) {
			return;
		}
		s.columns("queued", """
				INSERT INTO queued_task (id, case_id, item, department, mandatory, commitment, state, prerequisites, inputs, result,
				    decision, claimed_by, auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, version,
				    case_number, matter, applicant_name, case_hall, cross_region, submitted_at)
				SELECT id, ?::uuid, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision, claimed_by,
				    auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, version, ?, ?, ?, ?, ?::boolean,
				    ?::timestamptz
				FROM unnest(?::uuid[], ?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::text[], ?::jsonb[], ?::int[], ?::jsonb[],
				    ?::jsonb[], ?::jsonb[], ?::text[], ?::text[], ?::date[], ?::date[], ?::timestamptz[], ?::int[], ?::int[], ?::date[],
				    ?::date[])
				    AS v(id, item, department, mandatory, commitment, state, prerequisites, version, inputs, result, decision, claimed_by,
				         auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on)
				WHERE EXISTS (SELECT 1 FROM case_row)
				ON CONFLICT (id) DO UPDATE SET state = excluded.state, inputs = excluded.inputs, result = excluded.result,
				    decision = excluded.decision, claimed_by = excluded.claimed_by, auto_rule = excluded.auto_rule,
				    started_on = excluded.started_on, due_on = excluded.due_on, decided_at = excluded.decided_at,
				    limit_days = excluded.limit_days, lost_days = excluded.lost_days, paused_on = excluded.paused_on,
				    warn_on = excluded.warn_on, version = excluded.version
				RETURNING 1""", List.of());
		s.params.addAll(List.of(c.id().value().toString(), c.number().value(), c.matter(), c.applicant().name(), c.place().hall().value(),
				c.place().crossRegion()));
		s.params.add(CaseRows.time(c.times().submittedAt()));
		s.params.add(SaveStatement.texts(queued, t -> t.id().value()));
		s.params.add(SaveStatement.texts(queued, Task::item));
		s.params.add(SaveStatement.texts(queued, Task::department));
		s.params.add(queued.stream().map(Task::mandatory).toArray(Boolean[]::new));
		s.params.add(queued.stream().map(Task::commitment).toArray(Boolean[]::new));
		s.params.add(SaveStatement.texts(queued, t -> t.state().name()));
		s.params.add(SaveStatement.texts(queued, t -> context.rows().write(t.prerequisites())));
		s.params.add(versions.toArray(Integer[]::new));
		s.taskColumns(queued, context.rows());
	}

	/** In a department's queue: waiting to be claimed, claimed, or stopped for a supplement or a special procedure. */
	private static boolean isQueued(Task t) {
		return switch (t.state()) {
			case PENDING, CLAIMED, AWAITING_SUPPLEMENT, SUSPENDED -> true;
			default -> false;
		};
	}

	private static boolean isOpen(Task t) {
		return t.state().running() && t.clock().dueOn() != null;
	}

	static void verifications(SaveStatement s, Changes changes) {
		List<Changes.NewVerification> scheduled = changes.verifications();
		if (!scheduled.isEmpty()) {
			s.columns("verifications", """
					INSERT INTO verification (id, case_id, task_id, department, due_on, state)
					SELECT id, ?::uuid, task, department, due_on, 'PENDING'
					FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::date[]) AS v(id, task, department, due_on)
					WHERE EXISTS (SELECT 1 FROM case_row)
					ON CONFLICT (task_id) DO NOTHING RETURNING 1""", List.of());
			s.params.add(changes.caseFile().id().value().toString());
			s.params.add(SaveStatement.texts(scheduled, Changes.NewVerification::id));
			s.params.add(SaveStatement.texts(scheduled, v -> v.task().value()));
			s.params.add(SaveStatement.texts(scheduled, Changes.NewVerification::department));
			s.params.add(SaveStatement.texts(scheduled, Changes.NewVerification::dueOn));
		}
		Changes.Verified verified = changes.verified();
		if (verified != null) {
			s.part("verified", """
					UPDATE verification SET state = ?, finding = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = 'PENDING' AND EXISTS (SELECT 1 FROM case_row)
					RETURNING 1""", verified.passed() ? "PASSED" : "FAILED", verified.finding(), verified.act().by(),
					CaseRows.time(verified.act().at()), verified.id());
		}
	}
}
