package cn.onego.documents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.platform.DatabaseUnavailable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Issues the documents the case's events call for. The event is ordered by the transition's own save statement (one
 * row in {@link DocumentOrders}, ADR 0012), and a worker issues the waiting orders in batches, each batch in one
 * transaction that also takes its orders out of the ledger: a crash before its commit leaves them waiting, and an
 * order issued twice (never in one ledger, but an event repeated) finds its document made and makes no second one
 * (docs/adr/0012-documents-ordered-in-the-transition.md).
 * <p>
 * A batch that fails is tried again one order at a time, so that a document that cannot be made holds up no other: that
 * order waits (a minute, doubled after each attempt) with its error, counted by the gauge {@code
 * onego.documents.orders.failed}.
 */
@Component
class DocumentIssuing {

	private static final Logger log = LoggerFactory.getLogger(DocumentIssuing.class);
	static final int BATCH = 64;
	/** How often the gauges' count of the ledger is taken again: not at every run of the worker. */
	private static final Duration BACKLOG_EVERY = Duration.ofSeconds(15);

	private final DocumentSources sources;
	private final BatchReads.Sources reading;
	private final OfficialDocuments documents;
	private final DocumentOrders orders;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private volatile DocumentOrders.Backlog backlog = new DocumentOrders.Backlog(0, 0, null);
	private long backlogReadAt = System.nanoTime() - BACKLOG_EVERY.toNanos();

	DocumentIssuing(DocumentSources sources, BatchReads.Sources reading, OfficialDocuments documents, DocumentOrders orders,
			TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
		this.sources = sources;
		this.reading = reading;
		this.documents = documents;
		this.orders = orders;
		this.transactions = transactions;
		this.clock = clock;
		Gauge.builder("onego.documents.orders.waiting", this, issuing -> issuing.backlog.waiting())
			.description("Documents ordered by the cases' events and not issued yet")
			.register(meters);
		Gauge.builder("onego.documents.orders.failed", this, issuing -> issuing.backlog.failed())
			.description("Ordered documents that could not be issued and wait to be tried again (their error in document_order)")
			.register(meters);
		Gauge.builder("onego.documents.orders.oldest.age", this, issuing -> issuing.oldestAge().toMillis() / 1000.0)
			.description("Age of the oldest document order not issued yet (0 when there is none)")
			.baseUnit("seconds")
			.register(meters);
	}

	/** Issues what waits, a batch after another while batches come full. */
	@Scheduled(fixedDelayString = "${onego.documents.issue-interval:500ms}", initialDelayString = "${onego.documents.issue-interval:500ms}")
	void scheduled() {
		while (issueWaiting() == BATCH) {
			// a backlog is issued batch after batch
		}
		long now = System.nanoTime();
		if (now - backlogReadAt >= BACKLOG_EVERY.toNanos()) {
			backlog = orders.backlog();
			backlogReadAt = now;
		}
	}

	/** Issues one batch of waiting orders; returns how many orders it took. */
	int issueWaiting() {
		try {
			Integer issued = transactions.execute(status -> {
				List<DocumentOrders.Order> batch = orders.take(BATCH);
				OfficialDocuments.Batch together = documents.batch(documentsOf(batch));
				BatchReads reads = reading.of(batch.stream().map(DocumentOrders.Order::event).toList());
				batch.forEach(order -> issue(together, reads, order.event()));
				together.write();
				return batch.size();
			});
			return issued == null ? 0 : issued;
		}
		catch (RuntimeException failed) {
			if (DatabaseUnavailable.isCause(failed)) {
				throw failed;
			}
			return oneByOne();
		}
	}

	/** The batch again, each order in its own transaction; one that fails waits with its error. */
	private int oneByOne() {
		int taken = 0;
		for (long id : orders.waiting(BATCH)) {
			try {
				taken += transactions.execute(status -> orders.takeOne(id).map(order -> {
					OfficialDocuments.Batch alone = documents.batch(0);
					issue(alone, reading.of(List.of(order.event())), order.event());
					alone.write();
					return 1;
				}).orElse(0));
			}
			catch (RuntimeException failed) {
				if (DatabaseUnavailable.isCause(failed)) {
					throw failed;
				}
				log.error("The document ordered by order {} could not be issued; it will be tried again", id, failed);
				transactions.executeWithoutResult(status -> orders.failed(id, failed.toString()));
				taken++;
			}
		}
		return taken;
	}

	private void issue(OfficialDocuments.Batch batch, BatchReads reads, CaseEvent event) {
		if (event instanceof CaseAccepted accepted) {
			batch.issue(sources.acceptance(accepted, reads));
		}
		else if (event instanceof CaseNotAccepted notAccepted) {
			batch.issue(sources.nonAcceptance(notAccepted, reads));
		}
		else if (event instanceof SupplementRequested requested) {
			batch.issue(sources.supplement(requested, reads));
		}
		else if (event instanceof TaskDecided decided) {
			sources.decision(decided, reads).ifPresent(batch::issue);
		}
		else if (event instanceof CaseIssued issued) {
			issueCompletion(batch, reads, issued);
		}
		else {
			throw new IllegalArgumentException("No document is issued for " + event.getClass().getSimpleName());
		}
	}

	/** The completion notice, then the proof of service listing every document served with the result. */
	private void issueCompletion(OfficialDocuments.Batch batch, BatchReads reads, CaseIssued issued) {
		batch.issue(sources.completion(issued, reads));
		List<String> served = batch.listed(issued.caseId())
			.stream()
			.filter(d -> d.kind() == DocumentKind.COMPLETION_NOTICE || d.kind().byDepartment())
			.map(d -> d.kindName().zh() + "（" + d.number() + "）")
			.toList();
		batch.issue(sources.serviceReceipt(issued, served, reads));
	}

	/** How many documents the orders call for: two for an issued case (the completion notice, the proof of service). */
	private static int documentsOf(List<DocumentOrders.Order> batch) {
		return batch.stream().mapToInt(order -> order.event() instanceof CaseIssued ? 2 : 1).sum();
	}

	private Duration oldestAge() {
		Instant oldest = backlog.oldest();
		if (oldest == null) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(oldest, clock.instant());
		return age.isNegative() ? Duration.ZERO : age;
	}
}
