package cn.onego.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What a shipment's scans add up to: the state reached by folding them in the order they happened, from the moment
 * the courier took the order. A pure function, so that the same scans told twice, late or out of order (polled and
 * pushed) lead to the same state.
 */
final class Tracking {

	private Tracking() {
	}

	/** The state reached and when it settled, if it did. */
	record Reached(ShipmentState state, Instant settledAt) {
	}

	static Reached fold(ShipmentState start, List<TrackingEvent> scans) {
		ShipmentState state = start;
		Instant settled = null;
		for (TrackingEvent scan : scans.stream().sorted(Comparator.comparing(TrackingEvent::at)).toList()) {
			if (state.movesTo(scan.state())) {
				state = scan.state();
				settled = state.settled() ? scan.at() : null;
			}
		}
		return new Reached(state, settled);
	}
}
