package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.onego.cases.CaseEvents.ResultRevoked;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.cases.TaskState.Action;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.clock.Deadline;

/**
 * One item of a case in one department. Immutable and made of parts — what was decided, and the working-day
 * clock — so that a change is one line. Each transition asks {@link TaskState} whether it is allowed and
 * returns a {@link Transition}. The parts are shown flat, as one object.
 */
public record Task(TaskId id, CaseId caseId, String item, String department, boolean mandatory, boolean commitment,
		TaskState state, List<String> prerequisites, Map<String, TaskResult> inputs, @JsonUnwrapped Outcome outcome,
		@JsonUnwrapped Clock clock, int version) {

	/** What an approved item produced: a licence with its number, or a notice. */
	public record TaskResult(ResultKind kind, String licenceType, String number, String name, String notice) {
	}

	/**
	 * Why a task was refused, suspended or sent back: reason, legal basis, the special procedure and its
	 * longest duration in working days, the requests to the applicant.
	 */
	public record Decision(String reason, String legalBasis, String procedure, Integer maxWorkingDays,
			List<SupplementRequest> requests) {
	}

	/** Who has the task and what was decided: result or decision, the rule that decided it (秒批, 即办) and when. */
	public record Outcome(TaskResult result, Decision decision, String claimedBy, String autoRule, Instant decidedAt) {

		static Outcome none() {
			return new Outcome(null, null, null, null, null);
		}

		Outcome claimedBy(String reviewer) {
			return new Outcome(result, decision, reviewer, autoRule, decidedAt);
		}

		Outcome result(TaskResult value, String rule, Instant at) {
			return new Outcome(value, decision, claimedBy, rule, at);
		}

		Outcome decision(Decision value) {
			return new Outcome(result, value, claimedBy, autoRule, decidedAt);
		}

		Outcome decidedAt(Instant at) {
			return new Outcome(result, decision, claimedBy, autoRule, at);
		}
	}

	/**
	 * The task's working-day clock: started on, due on and warned from (null while the calendar of the year is
	 * not loaded), its limit, the working days lost to pauses, and the day the current pause began.
	 */
	public record Clock(LocalDate startedOn, LocalDate dueOn, Integer limitDays, int lostDays, LocalDate pausedOn,
			LocalDate warnOn) {

		static Clock notStarted(int limit) {
			return new Clock(null, null, limit, 0, null, null);
		}

		/** The clock as the deadline says, with due and warning days computed from it (null: pending calendar). */
		static Clock of(Deadline deadline, LocalDate due, LocalDate warn) {
			return new Clock(deadline.startedOn(), due, deadline.limit(), deadline.lostWorkingDays(), deadline.pausedOn(), warn);
		}

		/** The deadline this clock runs against, once started. */
		Deadline deadline() {
			return startedOn == null || limitDays == null ? null : new Deadline(startedOn, limitDays, lostDays, pausedOn);
		}
	}

	/** A new task of a case, waiting until it is started. */
	static Task waiting(TaskId id, CaseId caseId, String item, String department, boolean mandatory, boolean commitment,
			List<String> prerequisites, int limit) {
		return new Task(id, caseId, item, department, mandatory, commitment, TaskState.WAITING, List.copyOf(prerequisites), Map.of(),
				Outcome.none(), Clock.notStarted(limit), 0);
	}

	/** Starts the task with its prerequisites' results, on the clock given (computed from the calendar). */
	Transition<Task> start(Map<String, TaskResult> results, Clock started, String action, Act act, StepMessage detail) {
		Map<String, TaskResult> all = new LinkedHashMap<>(inputs);
		all.putAll(results);
		return step(moved(Action.START).withInputs(Map.copyOf(all)).withClock(started), act, action, detail);
	}

	Transition<Task> claim(Act act) {
		return step(moved(Action.CLAIM).withOutcome(outcome.claimedBy(act.by())), act, "CLAIMED", null);
	}

	Transition<Task> release(Act act) {
		return step(moved(Action.RELEASE).withOutcome(outcome.claimedBy(null)), act, "RELEASED", null);
	}

	Transition<Task> approve(TaskResult result, StepMessage detail, Act act) {
		return decided(moved(Action.APPROVE).withOutcome(outcome.result(result, outcome.autoRule(), act.at())), act, detail);
	}

	/** 秒批 or 即办: approved without a reviewer's claim, by a rule or at the window; {@code said} tells how. */
	Transition<Task> approveDirectly(TaskResult result, String rule, StepMessage said, Act act) {
		return decided(moved(Action.APPROVE_DIRECTLY).withOutcome(new Outcome(result, outcome.decision(), null, rule, act.at())),
				act, said);
	}

	Transition<Task> refuse(Decision why, Act act) {
		return decided(moved(Action.REFUSE).withOutcome(new Outcome(null, why, outcome.claimedBy(), outcome.autoRule(), act.at())),
				act, StepMessage.of(HistoryText.REASON_AND_BASIS, "reason", why.reason(), "legalBasis", why.legalBasis()));
	}

	Transition<Task> askForSupplement(Decision why, StepMessage detail, Act act) {
		return step(moved(Action.ASK_FOR_SUPPLEMENT).withOutcome(outcome.decision(why)), act, "SUPPLEMENT_REQUESTED", detail);
	}

	Transition<Task> suspend(Decision why, StepMessage detail, Act act) {
		return step(moved(Action.SUSPEND).withOutcome(outcome.decision(why)), act, "SUSPENDED", detail);
	}

	Transition<Task> resume(StepMessage detail, Act act) {
		return step(moved(Action.RESUME), act, "RESUMED", detail);
	}

	Transition<Task> cancel(StepMessage why, Act act) {
		return step(moved(Action.CANCEL).withOutcome(outcome.decidedAt(act.at())), act, "CANCELLED", why);
	}

	Transition<Task> revoke(Decision why, String finding, Act act) {
		return step(moved(Action.REVOKE).withOutcome(new Outcome(outcome.result(), why, outcome.claimedBy(), outcome.autoRule(),
				act.at())), act, "REVOKED", StepMessage.of(HistoryText.REVOKED, "finding", finding)).telling(new ResultRevoked(caseId, id, item, finding));
	}

	/** The task with its clock adjusted (stopped, restarted). */
	Task withClock(Clock next) {
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, inputs, outcome, next, version);
	}

	/** The task as stored after a save that changed it. */
	Task saved() {
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, inputs, outcome, clock,
				version + 1);
	}

	/** The task's working-day clock, once started. */
	public Deadline deadline() {
		return clock.deadline();
	}

	private Transition<Task> decided(Task after, Act act, StepMessage detail) {
		String told = after.state == TaskState.APPROVED ? (after.outcome.result() == null || after.outcome.result().number() == null ? ""
				: after.outcome.result().number()) : after.outcome.decision().reason();
		return Transition.of(this, after, Step.of(caseId, id, act, after.state.name(), state, after.state, detail))
			.telling(new TaskDecided(caseId, id, item, department, after.state, told));
	}

	private Transition<Task> step(Task after, Act act, String action, StepMessage detail) {
		return Transition.of(this, after, Step.of(caseId, id, act, action, state, after.state, detail));
	}

	private Task moved(Action action) {
		return new Task(id, caseId, item, department, mandatory, commitment, state.after(action), prerequisites, inputs, outcome,
				clock, version);
	}

	private Task withOutcome(Outcome next) {
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, inputs, next, clock, version);
	}

	private Task withInputs(Map<String, TaskResult> next) {
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, next, outcome, clock, version);
	}
}
