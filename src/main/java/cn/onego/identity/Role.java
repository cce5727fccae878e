package cn.onego.identity;

/**
 * What a user may do. A role says which kind of work; the user's scope (a hall, a department, a region)
 * says on whose data — see {@link Actor}. No role reads everything: administrators run the platform but
 * read no citizen's case.
 */
public enum Role {
	/** A citizen, or an enterprise's legal representative or handler, signed in with a real-name identity. */
	APPLICANT,
	/** Staff of a comprehensive window (综合窗口) of one hall: that hall's cases. */
	WINDOW_CLERK,
	/** Reviewer of one department (后台审批): the tasks of that department and the cases they belong to. */
	REVIEWER,
	/** Head of one department: like its reviewers, and the warnings and statistics of the department. */
	DEPARTMENT_HEAD,
	/** Reform office or e-supervision staff (行政效能电子监管): the figures and cases of their region and below. */
	SUPERVISOR,
	/**
	 * Credit administrator (信用管理员) of a region: views the credit listings (失信记录) of that region and below, adds
	 * one on the evidence of a case, decides appeals and lifts listings (信用修复). Reads no case.
	 */
	CREDIT_ADMIN,
	/** Maintains the service catalogue and the working-day calendar. */
	CATALOGUE_ADMIN,
	/** Runs the platform: staff accounts, registry and licence feeds, operations endpoints. */
	SYSTEM_ADMIN,
	/**
	 * The account a monitoring system (Prometheus) scrapes the platform's metrics with: {@code /actuator/prometheus}
	 * and nothing else — no case, no personal data, no administration — so that the credential kept in the
	 * monitoring system's configuration opens nothing more.
	 */
	METRICS_READER;

	/** A role name as stored before the administrator role was split; ADMIN meant both administrators. */
	static java.util.Set<Role> parse(String name) {
		return "ADMIN".equals(name) ? java.util.EnumSet.of(CATALOGUE_ADMIN, SYSTEM_ADMIN) : java.util.EnumSet.of(valueOf(name));
	}
}
