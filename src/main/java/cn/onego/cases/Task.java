package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One item of a case in one department. Immutable: each transition checks the state, and returns the
 * task as it is afterwards.
 */
public record Task(UUID id, UUID caseId, String item, String department, boolean mandatory, boolean commitment,
		TaskState state, List<String> prerequisites, Map<String, TaskResult> inputs, TaskResult result,
		Decision decision, String claimedBy, String autoRule, LocalDate startedOn, LocalDate dueOn, Instant decidedAt,
		int version, Integer limitDays, int lostDays, LocalDate pausedOn, LocalDate warnOn, String colour) {

	/** What an approved item produced: a licence with its number, or a notice. */
	public record TaskResult(String kind, String licenceType, String number, String name, String notice) {
	}

	/**
	 * Why a task was refused, suspended or sent back: reason, legal basis, the special procedure and its
	 * longest duration in working days, the requests to the applicant.
	 */
	public record Decision(String reason, String legalBasis, String procedure, Integer maxWorkingDays,
			List<SupplementRequest> requests) {
	}

	Task start(LocalDate on, LocalDate due) {
		IllegalTransition.check(state == TaskState.WAITING, "子件", state, "开始办理");
		return with(TaskState.PENDING, claimedBy, result, decision, autoRule, on, due, decidedAt);
	}

	Task claim(String reviewer) {
		IllegalTransition.check(state.canMoveTo(TaskState.CLAIMED) && state == TaskState.PENDING, "子件", state, "领取");
		return with(TaskState.CLAIMED, reviewer, result, decision, autoRule, startedOn, dueOn, decidedAt);
	}

	Task release() {
		IllegalTransition.check(state == TaskState.CLAIMED, "子件", state, "退回队列");
		return with(TaskState.PENDING, null, result, decision, autoRule, startedOn, dueOn, decidedAt);
	}

	Task approve(TaskResult result, Instant at) {
		IllegalTransition.check(state == TaskState.CLAIMED, "子件", state, "准予");
		return with(TaskState.APPROVED, claimedBy, result, decision, autoRule, startedOn, dueOn, at);
	}

	/** 秒批 or 即办: approved without a reviewer's claim, by a rule or at the window. */
	Task approveDirectly(TaskResult result, String rule, Instant at) {
		IllegalTransition.check(state == TaskState.PENDING, "子件", state, "即时准予");
		return with(TaskState.APPROVED, null, result, decision, rule, startedOn, dueOn, at);
	}

	Task refuse(Decision why, Instant at) {
		IllegalTransition.check(state == TaskState.CLAIMED, "子件", state, "不予");
		return with(TaskState.REFUSED, claimedBy, null, why, autoRule, startedOn, dueOn, at);
	}

	Task askForSupplement(Decision why) {
		IllegalTransition.check(state == TaskState.CLAIMED, "子件", state, "要求补正");
		return with(TaskState.AWAITING_SUPPLEMENT, claimedBy, result, why, autoRule, startedOn, dueOn, decidedAt);
	}

	Task suspend(Decision why) {
		IllegalTransition.check(state == TaskState.CLAIMED, "子件", state, "中止（特别程序）");
		return with(TaskState.SUSPENDED, claimedBy, result, why, autoRule, startedOn, dueOn, decidedAt);
	}

	/** Back to the reviewer after the applicant's supplement or the end of a special procedure. */
	Task resume() {
		IllegalTransition.check(state == TaskState.AWAITING_SUPPLEMENT || state == TaskState.SUSPENDED, "子件", state, "恢复办理");
		return with(TaskState.CLAIMED, claimedBy, result, decision, autoRule, startedOn, dueOn, decidedAt);
	}

	Task cancel(Instant at) {
		IllegalTransition.check(state.canMoveTo(TaskState.CANCELLED), "子件", state, "取消");
		return with(TaskState.CANCELLED, claimedBy, result, decision, autoRule, startedOn, dueOn, at);
	}

	Task revoke(Decision why, Instant at) {
		IllegalTransition.check(state == TaskState.APPROVED, "子件", state, "撤销");
		return with(TaskState.REVOKED, claimedBy, result, why, autoRule, startedOn, dueOn, at);
	}

	/** Attaches a prerequisite's result (e.g. the business licence number) to this task. */
	Task withInput(String prerequisite, TaskResult input) {
		Map<String, TaskResult> all = new LinkedHashMap<>(inputs);
		all.put(prerequisite, input);
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, Map.copyOf(all), result,
				decision, claimedBy, autoRule, startedOn, dueOn, decidedAt, version, limitDays, lostDays, pausedOn, warnOn, colour);
	}

	private Task with(TaskState next, String claimedBy, TaskResult result, Decision decision, String autoRule,
			LocalDate startedOn, LocalDate dueOn, Instant decidedAt) {
		return new Task(id, caseId, item, department, mandatory, commitment, next, prerequisites, inputs, result, decision,
				claimedBy, autoRule, startedOn, dueOn, decidedAt, version, limitDays, lostDays, pausedOn, warnOn, colour);
	}

	/** The task as stored after a write that bumped its version. */
	Task withVersion(int stored) {
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision,
				claimedBy, autoRule, startedOn, dueOn, decidedAt, stored, limitDays, lostDays, pausedOn, warnOn, colour);
	}

	/** The task's working-day clock, once started. */
	public cn.onego.clock.Deadline deadline() {
		return startedOn == null || limitDays == null ? null
				: new cn.onego.clock.Deadline(startedOn, limitDays, lostDays, pausedOn);
	}

	/** The task with its clock as the deadline says, due and warning days as computed from it (null: pending calendar). */
	Task withClock(cn.onego.clock.Deadline clock, LocalDate due, LocalDate warn, String colour) {
		return new Task(id, caseId, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision,
				claimedBy, autoRule, clock.startedOn(), due, decidedAt, version, clock.limit(), clock.lostWorkingDays(),
				clock.pausedOn(), warn, colour);
	}
}
