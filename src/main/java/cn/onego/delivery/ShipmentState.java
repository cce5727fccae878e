package cn.onego.delivery;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a result sent by free mail (免费邮寄) is. The main line runs forward only; a tracking event may skip a step
 * the courier did not scan (a parcel seen in transit was picked up), and any unsettled shipment may come back or
 * fail. SIGNED, RETURNED and FAILED are final.
 */
public enum ShipmentState {

	/** Ordered from the courier, not taken yet: the order is retried until the courier takes it, never dropped. */
	REQUESTED,
	/** The courier took the order and gave the tracking number (已下单). */
	CREATED,
	/** The courier collected the parcel at the hall (已揽收). */
	PICKED_UP,
	/** On its way (运输中); several scans in transit are several events of this state. */
	IN_TRANSIT,
	/** With the courier who delivers it (派送中). */
	OUT_FOR_DELIVERY,
	/** Signed for by the recipient (已签收): the result reached the applicant (送达). */
	SIGNED,
	/** Sent back to the hall (退回), e.g. nobody to sign for it. */
	RETURNED,
	/** Lost or refused for good (异常). */
	FAILED;

	private static final Set<ShipmentState> FINAL = EnumSet.of(SIGNED, RETURNED, FAILED);

	/** Whether nothing follows. */
	public boolean settled() {
		return FINAL.contains(this);
	}

	/** Whether a tracking event of the state {@code next} moves a shipment that is in this state. */
	public boolean movesTo(ShipmentState next) {
		if (settled() || next == this || next == REQUESTED) {
			return false;
		}
		if (next == RETURNED || next == FAILED) {
			return this != REQUESTED;
		}
		// redelivery: out for delivery, then back in transit to another depot
		if (this == OUT_FOR_DELIVERY && next == IN_TRANSIT) {
			return true;
		}
		return next.ordinal() > ordinal() && !(this == REQUESTED && next != CREATED);
	}
}
