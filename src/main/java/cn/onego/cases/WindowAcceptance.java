package cn.onego.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.onego.application.Answers;
import cn.onego.application.Applicability;
import cn.onego.application.ApplicationRecord;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.CriticalPath;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseFile.Gap;
import cn.onego.cases.CaseFile.Mode;
import cn.onego.cases.CaseHandling.Acceptance;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.credit.CreditRecords;
import cn.onego.identity.Actor;
import cn.onego.platform.InvalidInput;

/**
 * 一窗受理: a clerk of the case's hall accepts it — as it is, with gaps (容缺) to be supplied by a deadline, or on
 * the applicant's commitment (告知承诺) — by the {@link AcceptanceRules}; the receipt promises the critical path of
 * the items' limits, and the case is dispatched.
 */
@Component
class WindowAcceptance {

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CaseAccess access;
	private final Submissions submissions;
	private final CatalogQueries catalog;
	private final CreditRecords credit;
	private final TaskClocks clocks;
	private final Dispatch dispatch;
	private final CaseProgression progression;
	private final TransferOpening transfers;
	private final Clock clock;

	WindowAcceptance(Cases cases, CaseTransactions transactions, CaseAccess access, Submissions submissions, CatalogQueries catalog,
			CreditRecords credit, TaskClocks clocks, Dispatch dispatch, CaseProgression progression, TransferOpening transfers, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.access = access;
		this.submissions = submissions;
		this.catalog = catalog;
		this.credit = credit;
		this.clocks = clocks;
		this.dispatch = dispatch;
		this.progression = progression;
		this.transfers = transfers;
		this.clock = clock;
	}

	CaseFile accept(Actor clerk, CaseId caseId, int version, Acceptance decision) {
		return transactions.run("办件", () -> {
			Changes changes = access.atWindow(clerk, caseId, version);
			Requests.requireCodes(decision == null ? null : decision.gaps(), decision == null ? null : decision.commitments());
			CaseFile c = changes.caseFile();
			c.state().after(CaseState.Action.ACCEPT);
			ApplicationRecord application = submissions.submitted(c.applicationId());
			Catalogue catalogue = catalog.catalogue();
			Matter matter = catalogue.matter(c.matter()).orElseThrow();
			List<String> gaps = decision == null || decision.gaps() == null ? List.of() : decision.gaps();
			Set<String> commitments = new LinkedHashSet<>(application.commitments());
			if (decision != null && decision.commitments() != null) {
				commitments.addAll(decision.commitments());
			}
			if (AcceptanceRules.asksForTheGreenChannel(gaps, commitments)
					&& !AcceptanceRules.greenChannelOpen(credit.blacklisted(c.applicant().id()), gaps, commitments)) {
				throw new CaseProblems.GreenChannelClosed(c.applicant().masked());
			}
			List<MaterialEntry> materials = application.materials().resolved();
			Integer gapDays = decision == null ? null : decision.gapWorkingDays();
			List<AcceptanceRules.Finding> findings = AcceptanceRules.check(materials, gaps, gapDays, commitments,
					code -> catalogue.item(code).orElseThrow());
			if (!findings.isEmpty()) {
				throw new InvalidInput(findings.stream().map(AcceptanceRules.Finding::problem).toList());
			}
			List<String> items = Applicability.of(matter, new Answers(application.answers())).items();
			Act act = new Act(clerk.username(), clock.instant());
			CaseFile.Terms terms = terms(c, matter, catalogue, items, materials, gaps, gapDays, commitments, act);
			changes.apply(c.accept(terms, clocks.provisional(c.place().region(), terms.promisedDate()), act));
			dispatch.dispatch(changes, application, matter, items, commitments, act);
			progression.advance(changes, act, () -> application, true);
			CaseFile saved = cases.save(changes).caseFile();
			if (saved.place().crossRegion()) {
				transfers.open(saved.id()); // 原件流转: the originals the competent region keeps travel from this hall
			}
			return saved;
		});
	}

	/** The terms of the acceptance: its mode, the gaps and their deadline, the commitments, the promised date. */
	private CaseFile.Terms terms(CaseFile c, Matter matter, Catalogue catalogue, List<String> items, List<MaterialEntry> materials,
			List<String> gaps, Integer gapDays, Set<String> commitments, Act act) {
		LocalDate today = clocks.day(act.at());
		int days = CriticalPath.of(items, matter::prerequisitesOf, code -> catalogue.item(code).orElseThrow().promisedLimit()).length();
		LocalDate promised = clocks.due(c.place().region(), today, days);
		var byCode = AcceptanceRules.byCode(materials);
		List<Gap> accepted = gaps.stream().map(code -> new Gap(code, byCode.get(code).name().zh(), null)).toList();
		LocalDate gapDeadline = accepted.isEmpty() ? null : clocks.due(c.place().region(), today, gapDays);
		Mode mode = !accepted.isEmpty() ? Mode.WITH_GAPS : !commitments.isEmpty() ? Mode.ON_COMMITMENT : Mode.STANDARD;
		return new CaseFile.Terms(mode, accepted, gapDeadline, false, List.copyOf(commitments), promised);
	}
}
