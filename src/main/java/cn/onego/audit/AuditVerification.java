package cn.onego.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.shared.RegionCode;

/**
 * Verifies the audit trail for the province's supervisors and the system administrators: the same check as
 * the command {@code tools/verify-audit}, with the platform's own anchor key as the trusted one. A
 * verification is itself recorded in the trail.
 */
@Service
public class AuditVerification {

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final AnchorKey key;
	private final AuditTrail trail;

	AuditVerification(JdbcClient jdbc, Ledger ledger, AnchorKey key, AuditTrail trail) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.key = key;
		this.trail = trail;
	}

	/**
	 * The report for the days from {@code from} (default: the first day with records) to {@code to} (default:
	 * today), for a supervisor of a province or a system administrator.
	 */
	public AuditReport verify(Actor actor, LocalDate from, LocalDate to) {
		boolean provincial = actor.has(Role.SUPERVISOR) && actor.region() != null && RegionCode.isWellFormed(actor.region())
				&& RegionCode.of(actor.region()).province().value().equals(actor.region());
		if (!actor.has(Role.SYSTEM_ADMIN) && !provincial) {
			throw new ProvinceOnly();
		}
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidInput(List.of(new FieldProblem("from", "range", Message.of("开始日期晚于结束日期", "from is after to"))));
		}
		AuditReport report = verify(from, to);
		trail.record(actor, "audit.verify", "audit/" + report.from() + ".." + report.to(),
				report.intact() ? "intact" : report.findings().size() + " findings");
		return report;
	}

	/** The report for the days, without asking who wants it (scheduled checks, tests). */
	AuditReport verify(LocalDate from, LocalDate to) {
		Verifier verifier = new Verifier(jdbc, Map.of(key.id(), key.publicKey()), ledger.today());
		LocalDate end = to != null ? to : ledger.today();
		LocalDate start = from != null ? from : verifier.firstDay();
		return verifier.verify(start == null ? end : start, end);
	}

	/** Only the province's supervisors and the system administrators verify the audit trail. */
	public static class ProvinceOnly extends Problem {

		ProvinceOnly() {
			super(HttpStatus.FORBIDDEN, "province-supervisors-only", Message.of("无权核验审计记录", "Not allowed to verify the audit trail"),
					Message.of("审计记录的核验仅限省级监管人员和系统管理员。",
							"Only supervisors of the province and system administrators verify the audit trail."),
					List.of());
		}
	}
}
