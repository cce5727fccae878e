package cn.onego.cases;

import java.time.Instant;

/**
 * One step of a case's history to record: who did what to the case or one of its tasks, from which state to
 * which, and why. Steps without a change of state (a warning, a scheduled verification) have neither.
 */
record Step(CaseId caseId, TaskId taskId, Instant at, String actor, String action, String from, String to, String detail) {

	static Step of(CaseId caseId, TaskId taskId, Act act, String action, Object from, Object to, String detail) {
		return new Step(caseId, taskId, act.at(), act.by(), action, from == null ? null : from.toString(),
				to == null ? null : to.toString(), detail);
	}

	/** A step without a change of state. */
	static Step note(CaseId caseId, TaskId taskId, Act act, String action, String detail) {
		return of(caseId, taskId, act, action, null, null, detail);
	}
}
