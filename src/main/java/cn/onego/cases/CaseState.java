package cn.onego.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a case. Each state declares what may be done to a case in it and where each action
 * leads; the successors are exactly where its actions lead. {@link CaseFile}'s transitions ask this table
 * and nothing else.
 */
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
	REFUSED,
	/** 已撤回: the applicant withdrew the application before the window accepted it. Final. */
	WITHDRAWN;

	/** What may be done to a case; the Chinese name is the one an illegal attempt is refused with. */
	public enum Action {
		ACCEPT("受理"),
		REFUSE_TO_ACCEPT("不予受理"),
		ASK_FOR_SUPPLEMENT("一次性告知补正"),
		/** The applicant supplies what was asked (before acceptance) or what was missing (during handling). */
		SUPPLY("提交补正材料"),
		/** A department's request joins the case's one list of what to supply. */
		ADD_SUPPLEMENT_REQUESTS("要求补正"),
		FLAG_OVERDUE_GAPS("标记容缺逾期"),
		MAKE_READY("待出件"),
		REFUSE("不予许可"),
		ISSUE("出件"),
		/** The applicant takes the application back; only before acceptance, as nobody has begun work on it yet. */
		WITHDRAW("撤回申请");

		private final String zh;

		Action(String zh) {
			this.zh = zh;
		}

		public String zh() {
			return zh;
		}
	}

	private Map<Action, CaseState> actions() {
		Map<Action, CaseState> actions = new EnumMap<>(Action.class);
		switch (this) {
			case AWAITING_ACCEPTANCE -> {
				actions.put(Action.ACCEPT, IN_PROGRESS);
				actions.put(Action.REFUSE_TO_ACCEPT, NOT_ACCEPTED);
				actions.put(Action.ASK_FOR_SUPPLEMENT, AWAITING_SUPPLEMENT);
				actions.put(Action.WITHDRAW, WITHDRAWN);
			}
			case AWAITING_SUPPLEMENT -> {
				actions.put(Action.SUPPLY, AWAITING_ACCEPTANCE);
				actions.put(Action.REFUSE_TO_ACCEPT, NOT_ACCEPTED);
				actions.put(Action.WITHDRAW, WITHDRAWN);
			}
			case IN_PROGRESS -> {
				actions.put(Action.SUPPLY, IN_PROGRESS);
				actions.put(Action.ADD_SUPPLEMENT_REQUESTS, IN_PROGRESS);
				actions.put(Action.FLAG_OVERDUE_GAPS, IN_PROGRESS);
				actions.put(Action.MAKE_READY, READY);
				actions.put(Action.REFUSE, REFUSED);
			}
			// a mandatory result revoked before issue (failed post-verification) ends the case refused
			case READY -> {
				actions.put(Action.FLAG_OVERDUE_GAPS, READY);
				actions.put(Action.ISSUE, ISSUED);
				actions.put(Action.REFUSE, REFUSED);
			}
			case NOT_ACCEPTED, ISSUED, REFUSED, WITHDRAWN -> {
			}
		}
		return actions;
	}

	/** Whether the action may be done to a case in this state. */
	public boolean allows(Action action) {
		return actions().containsKey(action);
	}

	/** The state the action leads to; refused (409, nothing changed) where this state does not allow it. */
	public CaseState after(Action action) {
		CaseState next = actions().get(action);
		if (next == null) {
			throw new IllegalTransition("办件", this, action.zh());
		}
		return next;
	}

	private Set<CaseState> successors() {
		Set<CaseState> successors = EnumSet.noneOf(CaseState.class);
		successors.addAll(actions().values());
		successors.remove(this);
		return successors;
	}

	public boolean canMoveTo(CaseState next) {
		return successors().contains(next);
	}

	public boolean isFinal() {
		return actions().isEmpty();
	}
}
