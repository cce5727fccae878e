package cn.onego.cases;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.onego.application.Submissions;
import cn.onego.cases.Task.TaskResult;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Item;
import cn.onego.platform.NotFound;

/**
 * 属地办理 on a partner platform: a case this platform's hall received for a region a partner platform serves is
 * handled by the partner's departments, and their decisions come back here. Each decision is applied to this case's
 * task of the same item as the department's own would be — claimed and decided by the partner, its clock stopped,
 * the case moved on — so the applicant's case, its clock and its statistics stay whole on the receiving side. A
 * decision already applied is not applied again (reports are cumulative and may arrive twice or out of order); a
 * task still waiting for an item it depends on takes its decision from a later report.
 */
@Component
class PartnerDecisions {

	/** The actor a partner's decisions are recorded under, followed by the partner's id. */
	static final String PARTNER = "partner:";

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CatalogQueries catalog;
	private final Submissions submissions;
	private final TaskClocks clocks;
	private final InstantDecisions instant;
	private final CaseProgression progression;
	private final Clock clock;

	PartnerDecisions(Cases cases, CaseTransactions transactions, CatalogQueries catalog, Submissions submissions, TaskClocks clocks,
			InstantDecisions instant, CaseProgression progression, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.catalog = catalog;
		this.submissions = submissions;
		this.clocks = clocks;
		this.instant = instant;
		this.progression = progression;
		this.clock = clock;
	}

	/** Applies what the partner decided and this case has not recorded yet; tells how many decisions it applied. */
	int apply(CaseId caseId, String partner, List<CaseHandling.PartnerDecision> decisions) {
		int applied = 0;
		boolean progress = true;
		while (progress) {
			progress = false;
			for (CaseHandling.PartnerDecision d : decisions) {
				if (applyOne(caseId, partner, d)) {
					applied++;
					progress = true;
				}
			}
		}
		return applied;
	}

	private boolean applyOne(CaseId caseId, String partner, CaseHandling.PartnerDecision d) {
		return transactions.run("子件", () -> {
			Changes changes = cases.toChange(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
			Task t = changes.tasks().stream().filter(x -> x.item().equals(d.item())).findFirst().orElse(null);
			if (t == null || t.state().decided() || !(t.state() == TaskState.PENDING || t.state() == TaskState.CLAIMED)) {
				return false;
			}
			CaseFile c = changes.caseFile();
			Act act = new Act(PARTNER + partner, d.decidedAt() == null ? clock.instant() : d.decidedAt());
			if (t.state() == TaskState.PENDING) {
				t = changes.apply(t.claim(act));
			}
			Task decided = t;
			Transition<Task> decision;
			if (d.approved()) {
				Item item = catalog.catalogue().item(t.item()).orElseThrow();
				String number = item.result().kind() == ResultKind.LICENCE ? d.licenceNumber() : null;
				decision = t.approve(new TaskResult(item.result().kind(), item.result().licenceType(), number, item.result().name().zh(),
						d.notice()), number == null ? null : StepMessage.of(HistoryText.LICENCE_NUMBER, "number", number), act);
			}
			else {
				decision = t.refuse(new Task.Decision(d.reason(), d.legalBasis(), null, null, List.of()), act);
			}
			Task next = changes.apply(decision.adjusted(after -> clocks.clocked(decided, after, c.place().region(), clocks.day(act.at()))));
			instant.approved(changes, next, act);
			progression.advance(changes, act, () -> submissions.submitted(c.applicationId()), false);
			cases.save(changes);
			return true;
		});
	}
}
