package cn.onego.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a task (子件): one item handled by one department. Each state declares what may be done
 * to a task in it and where each action leads; the successors are exactly where its actions lead.
 */
public enum TaskState {

	/** 等待前置: an item it depends on is not approved yet. */
	WAITING,
	/** 待领取: in the department's queue. */
	PENDING,
	/** 审查中: a reviewer has claimed it. */
	CLAIMED,
	/** 待补正: the department asked the applicant, through the window, for more. The clock stops. */
	AWAITING_SUPPLEMENT,
	/** 特别程序: suspended for expert review, public notice, inspection or hearing. The clock stops. */
	SUSPENDED,
	/** 准予: approved, with its result. */
	APPROVED,
	/** 不予: refused, with reason and legal basis. Final. */
	REFUSED,
	/** 已取消: no longer needed (the case ended or a prerequisite failed). Final. */
	CANCELLED,
	/** 已撤销: the approval was revoked after a failed post-verification of a commitment. Final. */
	REVOKED;

	/** What may be done to a task; the Chinese name is the one an illegal attempt is refused with. */
	public enum Action {
		START("开始办理"),
		CLAIM("领取"),
		RELEASE("退回队列"),
		APPROVE("准予"),
		/** 秒批 or 即办: approved without a reviewer's claim, by a rule or at the window. */
		APPROVE_DIRECTLY("即时准予"),
		REFUSE("不予"),
		ASK_FOR_SUPPLEMENT("要求补正"),
		SUSPEND("中止（特别程序）"),
		/** Back to the reviewer after the applicant's supplement or the end of a special procedure. */
		RESUME("恢复办理"),
		CANCEL("取消"),
		REVOKE("撤销");

		private final String zh;

		Action(String zh) {
			this.zh = zh;
		}

		public String zh() {
			return zh;
		}
	}

	private Map<Action, TaskState> actions() {
		Map<Action, TaskState> actions = new EnumMap<>(Action.class);
		switch (this) {
			case WAITING -> {
				actions.put(Action.START, PENDING);
				actions.put(Action.CANCEL, CANCELLED);
			}
			case PENDING -> {
				actions.put(Action.CLAIM, CLAIMED);
				actions.put(Action.APPROVE_DIRECTLY, APPROVED);
				actions.put(Action.CANCEL, CANCELLED);
			}
			case CLAIMED -> {
				actions.put(Action.RELEASE, PENDING);
				actions.put(Action.APPROVE, APPROVED);
				actions.put(Action.REFUSE, REFUSED);
				actions.put(Action.ASK_FOR_SUPPLEMENT, AWAITING_SUPPLEMENT);
				actions.put(Action.SUSPEND, SUSPENDED);
				actions.put(Action.CANCEL, CANCELLED);
			}
			case AWAITING_SUPPLEMENT, SUSPENDED -> {
				actions.put(Action.RESUME, CLAIMED);
				actions.put(Action.CANCEL, CANCELLED);
			}
			case APPROVED -> actions.put(Action.REVOKE, REVOKED);
			case REFUSED, CANCELLED, REVOKED -> {
			}
		}
		return actions;
	}

	/** Whether the action may be done to a task in this state. */
	public boolean allows(Action action) {
		return actions().containsKey(action);
	}

	/** The state the action leads to; refused (409, nothing changed) where this state does not allow it. */
	public TaskState after(Action action) {
		TaskState next = actions().get(action);
		if (next == null) {
			throw new IllegalTransition("子件", this, action.zh());
		}
		return next;
	}

	private Set<TaskState> successors() {
		Set<TaskState> successors = EnumSet.noneOf(TaskState.class);
		successors.addAll(actions().values());
		successors.remove(this);
		return successors;
	}

	public boolean canMoveTo(TaskState next) {
		return successors().contains(next);
	}

	/** Settled: nothing more will happen to it in this case (a revocation comes later, if at all). */
	public boolean settled() {
		return this == APPROVED || this == REFUSED || this == CANCELLED || this == REVOKED;
	}

	/** Open: in a department's queue or hands, with its clock running. */
	public boolean running() {
		return this == PENDING || this == CLAIMED;
	}

	/** Decided by a department, a rule or the window: what supervision counts and the applicant is told of. */
	public boolean decided() {
		return this == APPROVED || this == REFUSED;
	}
}
