package cn.onego.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The embedded default courier ({@code onego.courier.mode=simulated}): takes every order at once with a tracking
 * number of its own (or the clerk's waybill) and the configured cost, then lets the parcel advance one scan every
 * {@code onego.courier.step} after it was taken, up to signed for — so that a demo or a test sees a shipment travel
 * without a courier. It keeps nothing: the scans follow from the time the order was taken.
 */
final class SimulatedCourier implements Courier {

	private static final ShipmentState[] LINE = { ShipmentState.CREATED, ShipmentState.PICKED_UP, ShipmentState.IN_TRANSIT,
			ShipmentState.OUT_FOR_DELIVERY, ShipmentState.SIGNED };
	private static final String[] PLACES = { "办事大厅", "办事大厅", "邮件处理中心", "投递站", "收件人" };

	private final CourierSettings settings;
	private final Clock clock;

	SimulatedCourier(CourierSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public Waybill create(Order order) {
		String number = order.waybill() != null ? order.waybill()
				: "SIM" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
		return new Waybill(number, settings.cost());
	}

	@Override
	public List<TrackingEvent> track(Shipment shipment) {
		List<TrackingEvent> scans = new ArrayList<>();
		if (shipment.createdAt() == null) {
			return scans;
		}
		Instant now = clock.instant();
		for (int i = 0; i < LINE.length; i++) {
			Instant at = shipment.createdAt().plus(settings.step().multipliedBy(i));
			if (at.isAfter(now)) {
				break;
			}
			scans.add(new TrackingEvent(LINE[i], at, PLACES[i]));
		}
		return scans;
	}
}
