package cn.onego.cases;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseFile.Refusal;
import cn.onego.cases.Task.Decision;
import cn.onego.catalog.CatalogQueries;
import cn.onego.credit.CreditRecords;
import cn.onego.identity.Actor;
import cn.onego.licences.ELicences;
import cn.onego.platform.NotFound;

/**
 * 事后核查: the department verifies, after the fact, what an applicant committed to (告知承诺). A failed verification
 * revokes the result (and its e-licence), tells the applicant, blacklists them with the case as evidence, and ends
 * the case refused if the item was mandatory and the case not issued yet.
 */
@Component
class PostVerification {

	static final String LEGAL_BASIS = "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）";

	private final Cases cases;
	private final CaseTransactions transactions;
	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final ELicences licences;
	private final CreditRecords credit;
	private final Clock clock;

	PostVerification(Cases cases, CaseTransactions transactions, JdbcClient jdbc, CatalogQueries catalog, ELicences licences,
			CreditRecords credit, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.licences = licences;
		this.credit = credit;
		this.clock = clock;
	}

	private record Pending(CaseId caseId, TaskId taskId, String department, String state) {
	}

	void verify(Actor reviewer, UUID verificationId, boolean passed, String finding) {
		transactions.run("核查任务", () -> {
			Pending v = jdbc.sql("SELECT case_id, task_id, department, state FROM verification WHERE id = ?")
				.param(verificationId)
				.query((rs, n) -> new Pending(CaseId.of(rs.getObject(1, UUID.class)), TaskId.of(rs.getObject(2, UUID.class)),
						rs.getString(3), rs.getString(4)))
				.optional()
				.filter(found -> reviewer.memberOf(found.department()))
				.orElseThrow(() -> new NotFound("核查任务", "Verification", verificationId.toString()));
			Requests.requireText("finding", finding, "请写明核查结论", "give the finding");
			IllegalTransition.check("PENDING".equals(v.state()), "核查任务", v.state(), "核查");
			String found = finding.trim();
			Changes changes = cases.toChange(v.caseId()).orElseThrow();
			Act act = new Act(reviewer.username(), clock.instant());
			changes.verified(new Changes.Verified(verificationId, passed, found, act));
			changes.note(Step.note(v.caseId(), v.taskId(), act, passed ? "VERIFIED" : "VERIFICATION_FAILED",
					StepMessage.of(HistoryText.FINDING, "finding", found)));
			if (!passed) {
				failed(changes, changes.task(v.taskId()), found, act);
			}
			cases.save(changes);
			return null;
		});
	}

	private void failed(Changes changes, Task t, String finding, Act act) {
		CaseFile c = changes.caseFile();
		changes.apply(t.revoke(new Decision("告知承诺核查不实：" + finding, LEGAL_BASIS, null, null, List.of()), finding, act));
		var result = t.outcome().result();
		if (result != null && result.licenceType() != null && result.number() != null) {
			licences.revoke(result.licenceType(), result.number());
		}
		CreditListing.list(credit, changes, "虚假承诺：" + finding, act);
		if (t.mandatory() && c.state().allows(CaseState.Action.REFUSE)) {
			String item = catalog.catalogue().item(t.item()).orElseThrow().name().zh();
			String reason = "告知承诺核查不实，" + item + "的准予决定已撤销";
			changes.apply(c.refuse(new Refusal(reason, null, act.by()),
					StepMessage.of(HistoryText.REFUSED_COMMITMENT_UNTRUE, "item", t.item()), act));
		}
	}
}
