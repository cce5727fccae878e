package cn.onego.licences;

import cn.onego.shared.Label;

/**
 * Why a licence ended before its time, after the status codes of one ministry's licence specification
 * (reference-facts §3.5; 05 失效 is expiry, which needs no act, and 06 办理转出 is not OneGo's).
 */
public enum RevocationKind {
	/** 03 撤销: the decision that granted it is withdrawn (granted wrongly, or on a commitment found untrue). */
	RESCINDED("03", new Label("撤销", "Rescinded")),
	/** 04 注销: cancelled because it is no longer needed (the business closed, the holder died, surrendered). */
	CANCELLED("04", new Label("注销", "Cancelled")),
	/** 07 吊销: revoked as an administrative penalty. */
	REVOKED("07", new Label("吊销", "Revoked as a penalty")),
	/** 99 其他. */
	OTHER("99", new Label("其他原因失效", "Ended for another reason"));

	private final String statusCode;
	private final Label label;

	RevocationKind(String statusCode, Label label) {
		this.statusCode = statusCode;
		this.label = label;
	}

	/** The two-digit status code. */
	public String statusCode() {
		return statusCode;
	}

	public Label label() {
		return label;
	}
}
