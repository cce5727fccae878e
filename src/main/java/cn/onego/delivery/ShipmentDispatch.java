package cn.onego.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.cases.Halls;
import cn.onego.platform.sms.SmsGateway;

/**
 * Orders the requested shipments from the courier and follows the taken ones, every
 * {@code onego.courier.track-interval}: each due shipment is leased, the courier called outside any transaction,
 * and the answer recorded. A courier that does not answer leaves the shipment as it was, due again after an
 * exponential wait with the error kept for the hall's staff — an order is never dropped. Scans pushed by the
 * courier's callback go the same way ({@link #tracked}).
 */
@Component
class ShipmentDispatch {

	private static final Logger log = LoggerFactory.getLogger(ShipmentDispatch.class);

	private final Shipments shipments;
	private final Courier courier;
	private final Halls halls;
	private final SmsGateway sms;
	private final CourierSettings settings;
	private final TransactionTemplate transactions;
	private final Clock clock;

	ShipmentDispatch(Shipments shipments, Courier courier, Halls halls, SmsGateway sms, CourierSettings settings,
			TransactionTemplate transactions, Clock clock) {
		this.shipments = shipments;
		this.courier = courier;
		this.halls = halls;
		this.sms = sms;
		this.settings = settings;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${onego.courier.track-interval:1m}", initialDelayString = "${onego.courier.track-interval:1m}")
	void scheduled() {
		follow();
	}

	/** Orders and follows the due shipments; returns how many it handled. */
	int follow() {
		List<Shipment> due = shipments.due(clock.instant(), 50);
		for (Shipment s : due) {
			try {
				if (s.state() == ShipmentState.REQUESTED) {
					order(s);
				}
				else {
					tracked(s.id(), courier.track(s));
				}
			}
			catch (RuntimeException e) {
				int attempts = s.attempts() + 1;
				String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
				shipments.failedAttempt(s.id(), attempts, error, clock.instant().plus(settings.backoff(attempts)));
				log.warn("Shipment of case {} ({}): the courier did not answer (attempt {}), tried again later: {}", s.caseNumber(),
						s.state(), attempts, error);
			}
		}
		return due.size();
	}

	private void order(Shipment s) {
		Halls.Hall hall = halls.hall(s.hall()).orElseThrow(() -> new IllegalStateException("no hall " + s.hall()));
		Courier.Waybill waybill = courier.create(new Courier.Order(s.caseNumber(), s.waybill(), hall.name(), hall.address(),
				hall.phone(), s.recipient()));
		Instant at = clock.instant();
		transactions.executeWithoutResult(status -> {
			shipments.created(s.id(), waybill, at, at.plus(settings.trackInterval()));
			shipments.record(s.id(), List.of(new TrackingEvent(ShipmentState.CREATED, at, hall.name())));
			sms.send(s.recipient().mobile(), "【一件事一次办】办件 " + s.caseNumber() + " 的结果已由" + settings.name() + "免费寄出，快递单号 "
					+ waybill.trackingNumber() + "。", "case:" + s.caseId());
		});
	}

	/** Records the scans of a shipment and moves it to the state they lead to. */
	void tracked(UUID shipment, List<TrackingEvent> scans) {
		transactions.executeWithoutResult(status -> shipments.locked(shipment).ifPresent(s -> {
			if (s.createdAt() == null || s.settledAt() != null) {
				return;
			}
			shipments.record(s.id(), scans);
			Tracking.Reached reached = Tracking.fold(ShipmentState.CREATED, shipments.events(s.id()));
			shipments.moved(s.id(), reached.state(), reached.settledAt(), clock.instant().plus(settings.trackInterval()));
		}));
	}
}
