package cn.onego.cases;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case flow's real ledger of facts for a module test that leaves {@code cases} out. A module test keeps the
 * beans and configurations of other modules' packages out of its context, even imported ones, so the test
 * declares the bean itself and builds it here.
 */
public final class RealCaseFacts {

	private RealCaseFacts() {
	}

	public static CaseFacts on(JdbcClient jdbc) {
		return new CaseFacts(jdbc);
	}
}
