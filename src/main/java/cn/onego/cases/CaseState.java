package cn.onego.cases;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a case; each state declares the states it may move to. */
public enum CaseState {

	/** 待受理: submitted, in the competent hall's (pre-review) queue. */
	AWAITING_ACCEPTANCE,
	/** 待补正: the window asked once, consolidated, for what is missing before acceptance. */
	AWAITING_SUPPLEMENT,
	/** 不予受理: refused at the window, with reason and legal basis. Final. */
	NOT_ACCEPTED,
	/** 办理中: accepted; the departments' tasks run (gaps of 容缺 may still be open). */
	IN_PROGRESS,
	/** 待出件: every task settled and no gap open; the result bundle waits at the exit window. */
	READY,
	/** 已出件: the result bundle was handed over or mailed. Final. */
	ISSUED,
	/** 不予许可: a mandatory item was refused; the waiting tasks were cancelled. Final. */
	REFUSED;

	private Set<CaseState> successors() {
		return switch (this) {
			case AWAITING_ACCEPTANCE -> EnumSet.of(AWAITING_SUPPLEMENT, NOT_ACCEPTED, IN_PROGRESS);
			case AWAITING_SUPPLEMENT -> EnumSet.of(AWAITING_ACCEPTANCE, NOT_ACCEPTED);
			case IN_PROGRESS -> EnumSet.of(READY, REFUSED);
			// a mandatory result revoked before issue (failed post-verification) ends the case refused
			case READY -> EnumSet.of(ISSUED, REFUSED);
			case NOT_ACCEPTED, ISSUED, REFUSED -> EnumSet.noneOf(CaseState.class);
		};
	}

	public boolean canMoveTo(CaseState next) {
		return successors().contains(next);
	}

	public boolean isFinal() {
		return successors().isEmpty();
	}
}
