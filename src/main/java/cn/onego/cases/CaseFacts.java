package cn.onego.cases;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The ledger of {@link CaseFact}s the case flow keeps for supervision. Its reader takes the oldest facts out of
 * it in the transaction that adds them to its own aggregates, so that a fact leaves the ledger exactly when it is
 * counted (and stays when that transaction rolls back).
 */
@Service
public class CaseFacts {

	private final JdbcClient jdbc;

	CaseFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes up to {@code max} facts, oldest first, out of the ledger; call it in the transaction that counts them. */
	public List<CaseFact> take(int max) {
		return jdbc.sql("""
				DELETE FROM case_fact WHERE id IN (SELECT id FROM case_fact ORDER BY id LIMIT ?)
				RETURNING kind, day, region, hall, department, matter, channel, late, late_on_critical_path, handling_days, limit_days,
				    accepting_region""")
			.param(max)
			.query((rs, n) -> new CaseFact(CaseFact.Kind.ofStored(rs.getString(1)), rs.getObject(2, java.time.LocalDate.class),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
					rs.getBoolean(9), rs.getInt(10), rs.getInt(11), rs.getString(12)))
			.list();
	}
}
