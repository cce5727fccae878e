package cn.onego.cases;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.onego.cases.CaseFile.Refusal;
import cn.onego.identity.Actor;

/**
 * The window's other answers before acceptance: 不予受理 — refused, with the reason and its legal basis — and
 * 一次性告知 — everything missing asked for at once, in one list.
 */
@Component
class PreAcceptance {

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CaseAccess access;
	private final Clock clock;

	PreAcceptance(Cases cases, CaseTransactions transactions, CaseAccess access, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.access = access;
		this.clock = clock;
	}

	CaseFile refuseToAccept(Actor clerk, CaseId caseId, int version, String reason, String legalBasis) {
		return transactions.run("办件", () -> {
			Changes changes = access.atWindow(clerk, caseId, version);
			Requests.requireText("reason", reason, "请写明不予受理的理由", "give the reason");
			Requests.requireText("legalBasis", legalBasis, "请写明法律依据", "give the legal basis");
			Act act = new Act(clerk.username(), clock.instant());
			changes.apply(changes.caseFile().refuseToAccept(new Refusal(reason.trim(), legalBasis.trim(), clerk.username()), act));
			return cases.save(changes).caseFile();
		});
	}

	/** 一次性告知: everything missing before acceptance, in one request. */
	CaseFile askForSupplement(Actor clerk, CaseId caseId, int version, List<SupplementRequest> requests) {
		return transactions.run("办件", () -> {
			Changes changes = access.atWindow(clerk, caseId, version);
			List<SupplementRequest> asked = Requests.supplementRequests(requests, clerk.username(), null);
			CaseFile c = changes.caseFile();
			Act act = new Act(clerk.username(), clock.instant());
			changes.apply(c.askForSupplement(asked, Rounds.next(c, cases), Requests.describe(asked), act));
			return cases.save(changes).caseFile();
		});
	}
}
