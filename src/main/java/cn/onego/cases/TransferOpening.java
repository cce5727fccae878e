package cn.onego.cases;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.Submissions;
import cn.onego.audit.AuditTrail;
import cn.onego.cases.PaperTransfers.Original;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;

/**
 * 原件流转 begins with acceptance: when a hall accepts a case for another region (异地收件), the originals the competent
 * departments keep ({@link PaperTransfer#keptOriginals}) become one transfer from the accepting hall to the competent
 * region's own hall ({@link Halls#competentHall}). No originals, no transfer. Opened by {@link WindowAcceptance} in the
 * acceptance's own transaction, for a case received across regions only (ADR 0002: what a transition implies is
 * written with it, and a local case pays nothing for it); idempotent: one transfer per case.
 */
@Component
class TransferOpening {

	private final Cases cases;
	private final Transfers transfers;
	private final Submissions submissions;
	private final CatalogQueries catalog;
	private final Halls halls;
	private final AuditTrail audit;
	private final Clock clock;

	TransferOpening(Cases cases, Transfers transfers, Submissions submissions, CatalogQueries catalog, Halls halls, AuditTrail audit,
			Clock clock) {
		this.cases = cases;
		this.transfers = transfers;
		this.submissions = submissions;
		this.catalog = catalog;
		this.halls = halls;
		this.audit = audit;
		this.clock = clock;
	}

	/** The case's transfer, opened now or before; empty when the case is handled where it was accepted or keeps no original. */
	Optional<PaperTransfer> open(CaseId caseId) {
		Optional<PaperTransfer> existing = transfers.ofCase(caseId);
		if (existing.isPresent()) {
			return existing;
		}
		CaseFile c = cases.find(caseId).orElseThrow();
		if (!c.place().crossRegion() || c.times().acceptedAt() == null) {
			return Optional.empty();
		}
		Catalogue catalogue = catalog.catalogue();
		Matter matter = catalogue.matter(c.matter()).orElseThrow();
		HallCode to = halls.competentHall(catalogue, matter, c.place().region());
		if (to.equals(c.place().hall())) {
			return Optional.empty();
		}
		ApplicationRecord application = submissions.submitted(c.applicationId());
		List<Item> items = cases.tasks(caseId).stream().map(t -> catalogue.item(t.item())).flatMap(Optional::stream).toList();
		Set<String> notHandedIn = new HashSet<>(c.terms().commitments());
		c.terms().gaps().forEach(g -> notHandedIn.add(g.material()));
		List<Original> originals = PaperTransfer.keptOriginals(items, application.materials().resolved(), notHandedIn);
		if (originals.isEmpty()) {
			return Optional.empty();
		}
		PaperTransfer transfer = PaperTransfer.open(caseId, c.number().value(), c.place().hall(), to, originals, clock.instant());
		if (transfers.open(transfer)) {
			audit.record(Act.SYSTEM, "transfer.opened", "case/" + caseId + "/transfer/" + transfer.id(), "case " + c.number().value()
					+ ": " + originals.size() + " original(s) to send from " + c.place().hall().value() + " to " + to.value());
		}
		return transfers.ofCase(caseId);
	}
}
