package cn.onego.documents;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;

/**
 * Makes the documents when their events happen, after the case's transaction committed, through the event
 * publication registry: an event delivered again (after a crash, a failed attempt) finds its document made and makes
 * no second one.
 */
@Component
class DocumentIssuing {

	private final DocumentSources sources;
	private final OfficialDocuments documents;

	DocumentIssuing(DocumentSources sources, OfficialDocuments documents) {
		this.sources = sources;
		this.documents = documents;
	}

	@ApplicationModuleListener
	void on(CaseAccepted accepted) {
		documents.issue(sources.acceptance(accepted));
	}

	@ApplicationModuleListener
	void on(CaseNotAccepted notAccepted) {
		documents.issue(sources.nonAcceptance(notAccepted));
	}

	@ApplicationModuleListener
	void on(SupplementRequested requested) {
		documents.issue(sources.supplement(requested));
	}

	@ApplicationModuleListener
	void on(TaskDecided decided) {
		sources.decision(decided).ifPresent(documents::issue);
	}

	/** The completion notice, then the proof of service listing every document served with the result. */
	@ApplicationModuleListener
	void on(CaseIssued issued) {
		documents.issue(sources.completion(issued));
		List<String> served = documents.listed(issued.caseId())
			.stream()
			.filter(d -> d.kind() == DocumentKind.COMPLETION_NOTICE || d.kind().byDepartment())
			.map(d -> d.kindName().zh() + "（" + d.number() + "）")
			.toList();
		documents.issue(sources.serviceReceipt(issued, served));
	}
}
