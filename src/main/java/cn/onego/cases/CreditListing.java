package cn.onego.cases;

import cn.onego.credit.CreditRecords;
import cn.onego.credit.Listing;

/**
 * What a case decision that finds an applicant untrustworthy (a failed post-verification, false materials) does to
 * credit: lists the applicant with the case as evidence, in the decision's transaction, and notes it in the history.
 */
final class CreditListing {

	private CreditListing() {
	}

	static void list(CreditRecords credit, Changes changes, String reason, Act act) {
		CaseFile c = changes.caseFile();
		credit.blacklist(c.applicant().id(), c.place().region().value(), reason, new Listing.Evidence(c.id().value(), c.number().value()),
				act.by());
		changes.note(Step.note(c.id(), null, act, "BLACKLISTED",
				StepMessage.of(HistoryText.BLACKLISTED, "subject", c.applicant().masked(), "reason", reason)));
	}
}
