package cn.onego.cases;

import java.time.Clock;

import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.identity.Actor;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;

/**
 * 撤回申请: the applicant, or whoever acts for them, takes an application back while it still waits for the window
 * — in its queue, or for a 补正 asked before acceptance. Once accepted the departments work on it; the refusal then
 * names the hall to contact, as only the hall may stop that work.
 */
@Component
class Withdrawal {

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CaseAccess access;
	private final Halls halls;
	private final CatalogQueries catalog;
	private final Clock clock;

	Withdrawal(Cases cases, CaseTransactions transactions, CaseAccess access, Halls halls, CatalogQueries catalog, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.access = access;
		this.halls = halls;
		this.catalog = catalog;
		this.clock = clock;
	}

	CaseFile withdraw(Actor actor, CaseId caseId, String reason) {
		return transactions.run("办件", () -> {
			Changes changes = cases.toChange(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
			CaseFile c = changes.caseFile();
			if (!access.isApplicantSide(actor, c)) {
				throw new NotFound("办件", "Case", caseId.toString()); // nobody else learns that it exists
			}
			String why = Text.require("reason", reason, Kind.FREE_TEXT, Text.REASON);
			if (!c.state().allows(CaseState.Action.WITHDRAW)) {
				if (c.state() == CaseState.WITHDRAWN) {
					c.state().after(CaseState.Action.WITHDRAW); // withdrawn already: the plain refusal of the table
				}
				Halls.HallView hall = halls.view(c.place().hall(), catalog.catalogue());
				throw new CaseProblems.TooLateToWithdraw(hall.name(), hall.phone());
			}
			Act act = new Act(actor.username(), clock.instant());
			changes.apply(c.withdraw(why == null || why.isBlank() ? null : why, act));
			return cases.save(changes).caseFile();
		});
	}
}
