package cn.onego.documents;

import cn.onego.shared.Label;

/**
 * The kinds of official document the case flow makes, each on the event that calls for it, with the short code in
 * its number ({@code 430102-SL-2026-00000042}). The window's are the hall's (it accepts, refuses to accept, asks for
 * a supplement, issues); the decisions are the competent department's.
 */
public enum DocumentKind {

	/** 受理通知书 (受理回执): what was received, what follows under 容缺, the commitments, the promised date. */
	ACCEPTANCE_NOTICE("SL", "受理通知书", "Acceptance notice", false),
	/** 不予受理通知书: the reason, its legal basis and the applicant's remedies. */
	NON_ACCEPTANCE_NOTICE("BSL", "不予受理通知书", "Notice of non-acceptance", false),
	/** 一次性告知补正通知书: everything missing, at once, and by when. */
	SUPPLEMENT_NOTICE("BZ", "一次性告知补正通知书", "One-time notice to supplement", false),
	/** 准予行政许可决定书, one per approved item. */
	APPROVAL_DECISION("ZY", "准予行政许可决定书", "Decision to grant", true),
	/** 不予行政许可决定书, one per refused item: the reason, its legal basis and the applicant's remedies. */
	REFUSAL_DECISION("BY", "不予行政许可决定书", "Decision to refuse", true),
	/** 办结通知书: the case is done, with each item's result and how it comes. */
	COMPLETION_NOTICE("BJ", "办结通知书", "Notice of completion", false),
	/** 送达回证: what was served on whom, how, for the recipient's signature. */
	SERVICE_RECEIPT("SD", "送达回证", "Proof of service", false);

	private final String code;
	private final Label name;
	private final boolean department;

	DocumentKind(String code, String zh, String en, boolean department) {
		this.code = code;
		this.name = Label.of(zh, en);
		this.department = department;
	}

	/** The short code in the document's number. */
	public String code() {
		return code;
	}

	public Label label() {
		return name;
	}

	/** Whether a department issues it (a decision); otherwise the hall does. */
	public boolean byDepartment() {
		return department;
	}
}
