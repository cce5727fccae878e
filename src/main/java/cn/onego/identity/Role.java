package cn.onego.identity;

/** What a user may do. */
public enum Role {
	/** Maintains the catalogue, calendars and users. */
	ADMIN,
	/** Staff of a comprehensive window (综合窗口) of a hall. */
	WINDOW_CLERK,
	/** Reviewer of a department (后台审批). */
	REVIEWER,
	/** Head of a department: warnings about its tasks. */
	DEPARTMENT_HEAD,
	/** Reform office or e-supervision staff (行政效能电子监管). */
	SUPERVISOR,
	/** A citizen or an enterprise's handler. */
	APPLICANT
}
