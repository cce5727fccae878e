package cn.onego.cases;

import java.time.Instant;

/** Who does something to a case, and when: what every step of its history records. */
record Act(String by, Instant at) {

	static final String SYSTEM = "system";

	/** The same moment, done by the system (a rule, a scan, the case moving on by itself). */
	Act bySystem() {
		return new Act(SYSTEM, at);
	}
}
