package cn.onego.cases;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of a task (子件): one item handled by one department. */
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

	private Set<TaskState> successors() {
		return switch (this) {
			case WAITING -> EnumSet.of(PENDING, CANCELLED);
			case PENDING -> EnumSet.of(CLAIMED, APPROVED, CANCELLED);
			case CLAIMED -> EnumSet.of(PENDING, APPROVED, REFUSED, AWAITING_SUPPLEMENT, SUSPENDED, CANCELLED);
			case AWAITING_SUPPLEMENT, SUSPENDED -> EnumSet.of(CLAIMED, CANCELLED);
			case APPROVED -> EnumSet.of(REVOKED);
			case REFUSED, CANCELLED, REVOKED -> EnumSet.noneOf(TaskState.class);
		};
	}

	public boolean canMoveTo(TaskState next) {
		return successors().contains(next);
	}

	/** Settled: nothing more will happen to it in this case (a revocation comes later, if at all). */
	public boolean settled() {
		return this == APPROVED || this == REFUSED || this == CANCELLED || this == REVOKED;
	}
}
