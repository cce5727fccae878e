package cn.onego.delivery;

import java.math.BigDecimal;
import java.util.List;

/**
 * The port to a courier (快递): order a shipment and follow it. The simulated courier is the embedded default;
 * {@link HttpCourier} talks to a real one. Both are called outside any transaction; any exception means the
 * courier did not answer, and the order or the look-up is tried again later.
 */
interface Courier {

	/** What the hall sends and where to. */
	record Order(String reference, String waybill, String senderName, String senderAddress, String senderPhone,
			Shipment.Recipient recipient) {
	}

	/** The courier took the order: its tracking number and what it costs. */
	record Waybill(String trackingNumber, BigDecimal costYuan) {
	}

	Waybill create(Order order);

	/** Every scan the courier has of the shipment, in any order. */
	List<TrackingEvent> track(Shipment shipment);
}
