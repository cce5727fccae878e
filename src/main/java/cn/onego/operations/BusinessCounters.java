package cn.onego.operations;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.onego.application.ApplicationSubmitted;
import cn.onego.cases.CaseEvents;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.DeadlinesScanned;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what happens from the events the modules publish anyway, in the publisher's thread (plain listeners:
 * no event publication is stored for them, so the metrics cost the case flow no write), and only once the
 * publishing transaction has committed — a transition rolled back is not counted.
 */
@Component
class BusinessCounters {

	private final MeterRegistry meters;

	BusinessCounters(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(ApplicationSubmitted submitted) {
		afterCommit(() -> counter("onego.submissions", "Applications submitted, by matter, city and channel", "matter",
				submitted.matter(), "region", city(submitted.region()), "channel",
				submitted.channel() == null ? "unknown" : submitted.channel().toLowerCase(Locale.ROOT)).increment());
	}

	@EventListener
	void on(CaseEvent event) {
		Counter counter;
		if (event instanceof CaseEvents.CaseOpened opened) {
			counter = counter("onego.cases.opened", "Cases opened in a hall's queue", "hall", opened.hall().value());
		}
		else if (event instanceof CaseEvents.CaseAccepted accepted) {
			counter = counter("onego.acceptances", "Cases accepted at the window, by mode (standard, 容缺 with gaps, 告知承诺 on commitment)",
					"mode", accepted.mode().name().toLowerCase(Locale.ROOT));
		}
		else if (event instanceof CaseEvents.CaseNotAccepted) {
			counter = counter("onego.window.refusals", "Cases the window refused to accept");
		}
		else if (event instanceof CaseEvents.SupplementRequested) {
			counter = counter("onego.supplement.requests", "Requests for one consolidated supplement, at the window or by a department");
		}
		else if (event instanceof CaseEvents.TaskDecided decided) {
			counter = counter("onego.decisions", "Tasks decided, by item and outcome", "item", decided.item(), "outcome",
					decided.outcome().name().toLowerCase(Locale.ROOT));
		}
		else if (event instanceof CaseEvents.CaseReady) {
			counter = counter("onego.cases.ready", "Cases ready to issue");
		}
		else if (event instanceof CaseEvents.CaseIssued issued) {
			counter = counter("onego.cases.issued", "Cases issued, by delivery method", "method",
					issued.method() == null ? "unknown" : issued.method().name().toLowerCase(Locale.ROOT));
		}
		else if (event instanceof CaseEvents.CaseRefused) {
			counter = counter("onego.cases.refused", "Cases refused after review");
		}
		else if (event instanceof CaseEvents.CaseWithdrawn) {
			counter = counter("onego.cases.withdrawn", "Applications their applicants withdrew before acceptance");
		}
		else if (event instanceof CaseEvents.GapsOverdue) {
			counter = counter("onego.gaps.overdue", "Cases whose 容缺 materials were not supplied in time");
		}
		else if (event instanceof CaseEvents.ResultRevoked) {
			counter = counter("onego.results.revoked", "Commitment-based approvals revoked after post-verification");
		}
		else {
			return;
		}
		afterCommit(counter::increment);
	}

	@EventListener
	void on(DeadlinesScanned scanned) {
		counter("onego.deadline.scans", "Runs of the deadline scanner").increment();
		counter("onego.deadline.warnings", "Tasks the scanner turned yellow or red", "colour", "yellow")
			.increment(scanned.turnedYellow());
		counter("onego.deadline.warnings", "Tasks the scanner turned yellow or red", "colour", "red").increment(scanned.turnedRed());
	}

	/**
	 * A refused sign-in: a wrong password, a locked or disabled account, an invalid token. By reason only — the
	 * username tried is not a tag (it is whatever the caller typed).
	 */
	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		String reason = failure.getException().getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
			.replaceAll("([a-z])([A-Z])", "$1_$2")
			.toLowerCase(Locale.ROOT);
		counter("onego.sign.in.refusals", "Refused sign-ins, by reason (bad_credentials, locked, disabled, invalid_bearer_token …)",
				"reason", reason).increment();
	}

	private Counter counter(String name, String description, String... tags) {
		return Counter.builder(name).description(description).tags(tags).register(meters);
	}

	/** Runs when the current transaction commits, or now when there is none. */
	private static void afterCommit(Runnable count) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count.run();
				}
			});
		}
		else {
			count.run();
		}
	}

	/** A county or district code becomes its city's (the first four digits), so a tag has ~15 values per province. */
	static String city(String region) {
		return region == null || region.length() < 4 ? "unknown" : region.substring(0, 4) + "00";
	}
}
