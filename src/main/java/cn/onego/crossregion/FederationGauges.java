package cn.onego.crossregion;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operators' view of the federation ({@code onego_federation_*} on {@code /actuator/prometheus}): messages
 * waiting for a partner, and how many of them longer than {@code onego.federation.warn-after} — from a snapshot
 * refreshed every {@code onego.operations.gauge-interval}, so that a scrape never queries. The same refresh forgets
 * the nonces older than twice the window: such requests are refused by their timestamp anyway.
 */
@Component
class FederationGauges {

	private static final Logger log = LoggerFactory.getLogger(FederationGauges.class);

	private final FederationOutbox outbox;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final AtomicLong pending = new AtomicLong();
	private final AtomicLong overdue = new AtomicLong();

	FederationGauges(FederationOutbox outbox, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("onego.federation.messages.pending", pending, AtomicLong::get)
			.description("Messages to partner instances not yet received by them")
			.register(meters);
		Gauge.builder("onego.federation.messages.overdue", overdue, AtomicLong::get)
			.description("Messages to partner instances waiting longer than onego.federation.warn-after")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${onego.operations.gauge-interval:15s}", initialDelayString = "${onego.operations.gauge-interval:15s}")
	void scheduled() {
		try {
			refresh();
		}
		catch (RuntimeException e) {
			// the gauges keep their last values; the next refresh tries again
			log.warn("The federation gauges could not be refreshed: {}", e.toString());
		}
	}

	void refresh() {
		FederationOutbox.Waiting waiting = outbox.waiting();
		pending.set(waiting.pending());
		overdue.set(waiting.overdue());
		jdbc.sql("DELETE FROM federation_nonce WHERE seen_at < ?")
			.param(Timestamp.from(clock.instant().minus(SignedRequest.WINDOW.multipliedBy(2))))
			.update();
	}

	long pending() {
		return pending.get();
	}

	long overdue() {
		return overdue.get();
	}
}
