package cn.onego.cases;

import java.time.Instant;

/**
 * One step of a case's history to record: who did what to the case or one of its tasks, from which state to
 * which, and what it says ({@link StepMessage}, null when the action says all). Steps without a change of state (a
 * warning, a scheduled verification) have neither state.
 */
record Step(CaseId caseId, TaskId taskId, Instant at, String actor, String action, String from, String to, StepMessage message) {

	static Step of(CaseId caseId, TaskId taskId, Act act, String action, Object from, Object to, StepMessage message) {
		return new Step(caseId, taskId, act.at(), act.by(), action, from == null ? null : from.toString(),
				to == null ? null : to.toString(), message);
	}

	/** A step without a change of state. */
	static Step note(CaseId caseId, TaskId taskId, Act act, String action, StepMessage message) {
		return of(caseId, taskId, act, action, null, null, message);
	}

	/** What the step says, for the audit trail (which keeps codes): its key and parameters. */
	String detail() {
		return message == null ? null : message.key() + " " + message.params();
	}
}
