package cn.onego.delivery;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseReady;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.Halls;
import cn.onego.platform.sms.SmsGateway;
import cn.onego.shared.TimeOrderedIds;

/**
 * Starts the way of a case's result to its applicant, in the case's own transaction (ADR 0002, 0012): a result to be
 * picked up gets its pick-up code, texted when the case is ready; a result to be mailed gets its shipment, ordered
 * when the case is issued. Each is a row written beside the transition — the code, the SMS into the platform's SMS
 * outbox, the shipment the courier dispatch sends — so it commits or rolls back with it, and nothing here waits for
 * the network. Both steps stay idempotent (one pick-up per case).
 */
@Component
class ResultDelivery {

	private final CaseQueries cases;
	private final Shipments shipments;
	private final PickUps pickUps;
	private final Halls halls;
	private final SmsGateway sms;
	private final CourierSettings settings;
	private final Clock clock;

	ResultDelivery(CaseQueries cases, Shipments shipments, PickUps pickUps, Halls halls, SmsGateway sms, CourierSettings settings,
			Clock clock) {
		this.cases = cases;
		this.shipments = shipments;
		this.pickUps = pickUps;
		this.halls = halls;
		this.sms = sms;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(CaseReady ready) {
		if (ready.deliveryMethod() == Delivery.Method.FREE_MAIL) {
			return;
		}
		CaseFile c = cases.caseFile(ready.caseId());
		if (c.place().channel() == Channel.PARTNER) {
			return; // 代收代办: the partner platform's hall that received the case issues its results
		}
		String hall = c.place().hall().toString();
		pickUps.open(c.id().value(), c.number().value(), hall).ifPresent(code -> {
			String mobile = c.delivery() == null ? null : c.delivery().mobile();
			if (mobile != null && mobile.matches("1[3-9]\\d{9}")) {
				Halls.Hall place = halls.hall(hall).orElse(null);
				sms.send(mobile, "【一件事一次办】办件 " + c.number().value() + " 的结果已可领取，取件码 " + code
						+ (place == null ? "" : "，请到" + place.name() + "（" + place.address() + "，" + place.hours() + "）领取")
						+ "。请勿将取件码告诉他人。", "case:" + c.id());
			}
		});
	}

	@EventListener
	void on(CaseIssued issued) {
		if (issued.method() != Delivery.Method.FREE_MAIL) {
			return;
		}
		CaseFile c = cases.caseFile(issued.caseId());
		Delivery to = c.delivery();
		shipments.request(new Shipment(TimeOrderedIds.next(), c.id().value(), c.number().value(), c.place().hall().toString(),
				c.place().region().toString(), settings.name(), issued.trackingNumber(), null, ShipmentState.REQUESTED, null,
				new Shipment.Recipient(to.recipient(), to.mobile(), to.address()), clock.instant(), null, null, 0, null));
	}
}
