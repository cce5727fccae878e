package cn.onego.crossregion;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.CaseReady;
import cn.onego.cases.CaseEvents.CaseRefused;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseHandling;
import cn.onego.cases.CaseHandling.PartnerDecision;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.CaseState;
import cn.onego.cases.Task;
import cn.onego.cases.TaskState;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 状态回传: the handling platform reports a forwarded case back to the platform whose hall received it each time it
 * moves — accepted, a department's decision, not accepted, refused, ready — in the transition's own transaction
 * (ADR 0002), and once that platform has the ready case, hands it over to be issued there (代收代办). The receiving
 * platform applies the decisions to its own case, whose clock and history the applicant follows; its hall then issues
 * the results or mails them.
 */
@Component
class CaseReports implements FederationHandler {

	private final Federation federation;
	private final FederationOutbox outbox;
	private final CaseQueries cases;
	private final CaseHandling handling;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	CaseReports(Federation federation, FederationOutbox outbox, CaseQueries cases, CaseHandling handling, JdbcClient jdbc,
			JsonMapper json, Clock clock) {
		this.federation = federation;
		this.outbox = outbox;
		this.cases = cases;
		this.handling = handling;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ the handling side reports

	@EventListener
	void on(CaseAccepted accepted) {
		report(accepted.caseId(), null);
	}

	@EventListener
	void on(TaskDecided decided) {
		report(decided.caseId(), null);
	}

	@EventListener
	void on(CaseNotAccepted notAccepted) {
		report(notAccepted.caseId(), notAccepted.reason());
	}

	@EventListener
	void on(CaseRefused refused) {
		report(refused.caseId(), refused.reason());
	}

	@EventListener
	void on(CaseReady ready) {
		report(ready.caseId(), null);
	}

	/**
	 * Once the receiving platform has a report of the ready case, the results are theirs to issue: the case is closed
	 * here as handed over. After that platform's answer, in a transaction of its own, redelivered until it succeeds.
	 */
	@ApplicationModuleListener
	void on(OutgoingMessageDelivered delivered) {
		if (!ForwardedCase.REPORT.equals(delivered.kind())) {
			return;
		}
		jdbc.sql("SELECT case_id FROM received_case WHERE partner = ? AND origin_case_id = ?::uuid")
			.params(delivered.partnerId(), delivered.subject())
			.query(UUID.class)
			.optional()
			.map(CaseId::new)
			.filter(caseId -> cases.caseFile(caseId).state() == CaseState.READY)
			.ifPresent(caseId -> handling.handOver(caseId,
					federation.partner(delivered.partnerId()).map(Partner::name).orElse(delivered.partnerId())));
	}

	private record Origin(String partner, UUID caseId) {
	}

	private Optional<Origin> received(CaseId caseId) {
		return jdbc.sql("SELECT partner, origin_case_id FROM received_case WHERE case_id = ?")
			.param(caseId.value())
			.query((rs, n) -> new Origin(rs.getString(1), rs.getObject(2, UUID.class)))
			.optional();
	}

	/** Every report carries the case's state and all its decisions so far; one report per revision of the case. */
	private void report(CaseId caseId, String reason) {
		if (federation.partners().isEmpty()) {
			return; // a platform without partners received no case from one: nothing to read, in the transition's transaction
		}
		Optional<Origin> origin = received(caseId);
		if (origin.isEmpty()) {
			return;
		}
		CaseFile c = cases.caseFile(caseId);
		List<PartnerDecision> decisions = cases.tasksOf(caseId).stream()
			.filter(t -> t.state() == TaskState.APPROVED || t.state() == TaskState.REFUSED)
			.map(CaseReports::decision)
			.toList();
		ForwardedCase.Report report = new ForwardedCase.Report(origin.get().caseId(), c.number().value(), c.state().name(), reason,
				decisions, clock.instant());
		outbox.send(origin.get().partner(), ForwardedCase.REPORT, "report:" + caseId.value() + ":" + c.state() + ":" + decisions.size(),
				origin.get().caseId().toString(), report);
	}

	private static PartnerDecision decision(Task t) {
		boolean approved = t.state() == TaskState.APPROVED;
		var result = t.outcome().result();
		var decision = t.outcome().decision();
		return new PartnerDecision(t.item(), approved, approved && result != null ? result.number() : null,
				approved && result != null ? result.notice() : null, approved || decision == null ? null : decision.reason(),
				approved || decision == null ? null : decision.legalBasis(), t.outcome().decidedAt());
	}

	// ------------------------------------------------------------------ the receiving side applies them

	@Override
	public String kind() {
		return ForwardedCase.REPORT;
	}

	@Override
	public Object handle(Partner from, String messageId, JsonNode payload) {
		ForwardedCase.Report report = ForwardedCase.read(json, payload, ForwardedCase.Report.class);
		UUID caseId = report.originCaseId();
		boolean ours = caseId != null && jdbc.sql("SELECT count(*) FROM forwarded_case WHERE case_id = ? AND partner = ?")
			.params(caseId, from.id())
			.query(Long.class)
			.single() == 1;
		if (!ours) {
			throw new MessageRefused("本平台没有转给贵方的该办件");
		}
		jdbc.sql("""
				UPDATE forwarded_case SET partner_number = ?, partner_state = ?, partner_reason = ?, reported_at = ?
				WHERE case_id = ? AND (reported_at IS NULL OR reported_at <= ?)""")
			.params(report.number(), report.state(), report.reason(), Timestamp.from(report.at()), caseId, Timestamp.from(report.at()))
			.update();
		List<PartnerDecision> decisions = report.decisions() == null ? List.of() : report.decisions();
		if (CaseState.NOT_ACCEPTED.name().equals(report.state())) {
			// the competent hall did not accept what was received here: every item ends refused, with its reason
			String reason = "办理地不予受理：" + (report.reason() == null ? "" : report.reason());
			decisions = cases.tasksOf(new CaseId(caseId)).stream()
				.map(t -> new PartnerDecision(t.item(), false, null, null, reason, "办理地受理审查", report.at()))
				.toList();
		}
		int applied = handling.applyPartnerDecisions(new CaseId(caseId), from.id(), decisions);
		return java.util.Map.of("applied", applied);
	}
}
