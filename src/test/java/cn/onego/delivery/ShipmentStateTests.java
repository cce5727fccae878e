package cn.onego.delivery;

import static cn.onego.delivery.ShipmentState.CREATED;
import static cn.onego.delivery.ShipmentState.FAILED;
import static cn.onego.delivery.ShipmentState.IN_TRANSIT;
import static cn.onego.delivery.ShipmentState.OUT_FOR_DELIVERY;
import static cn.onego.delivery.ShipmentState.PICKED_UP;
import static cn.onego.delivery.ShipmentState.REQUESTED;
import static cn.onego.delivery.ShipmentState.RETURNED;
import static cn.onego.delivery.ShipmentState.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ShipmentStateTests {

	private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

	@ParameterizedTest(name = "{0} → {1}: {2}")
	@CsvSource({
			// the order waits for the courier; only its taking it moves it
			"REQUESTED, CREATED, true", "REQUESTED, PICKED_UP, false", "REQUESTED, RETURNED, false", "REQUESTED, SIGNED, false",
			// forward along the main line, skipping a scan the courier missed
			"CREATED, PICKED_UP, true", "CREATED, IN_TRANSIT, true", "PICKED_UP, IN_TRANSIT, true", "IN_TRANSIT, OUT_FOR_DELIVERY, true",
			"OUT_FOR_DELIVERY, SIGNED, true", "IN_TRANSIT, SIGNED, true",
			// never back, except a redelivery from the last depot
			"IN_TRANSIT, PICKED_UP, false", "SIGNED, IN_TRANSIT, false", "OUT_FOR_DELIVERY, IN_TRANSIT, true", "CREATED, CREATED, false",
			"IN_TRANSIT, REQUESTED, false",
			// back to the hall or lost from anywhere on the way; nothing after the end
			"IN_TRANSIT, RETURNED, true", "CREATED, FAILED, true", "SIGNED, RETURNED, false", "RETURNED, SIGNED, false",
			"FAILED, SIGNED, false" })
	void movesOnlyAlongItsTable(ShipmentState from, ShipmentState to, boolean moves) {
		assertThat(from.movesTo(to)).isEqualTo(moves);
	}

	@Test
	void scansToldOutOfOrderAndTwiceLeadToTheSameState() {
		List<TrackingEvent> scans = List.of(scan(OUT_FOR_DELIVERY, 3), scan(PICKED_UP, 1), scan(SIGNED, 4), scan(IN_TRANSIT, 2),
				scan(PICKED_UP, 1));
		Tracking.Reached reached = Tracking.fold(CREATED, scans);
		assertThat(reached.state()).isEqualTo(SIGNED);
		assertThat(reached.settledAt()).isEqualTo(T0.plusSeconds(4 * 60));
	}

	@Test
	void aLateScanOfAnEarlierStepDoesNotMoveAParcelBack() {
		assertThat(Tracking.fold(CREATED, List.of(scan(OUT_FOR_DELIVERY, 3), scan(IN_TRANSIT, 1))).state()).isEqualTo(OUT_FOR_DELIVERY);
	}

	@Test
	void aParcelSentBackIsSettledAndStaysSo() {
		Tracking.Reached reached = Tracking.fold(CREATED, List.of(scan(PICKED_UP, 1), scan(RETURNED, 2), scan(SIGNED, 3)));
		assertThat(reached.state()).isEqualTo(RETURNED);
		assertThat(reached.settledAt()).isEqualTo(T0.plusSeconds(2 * 60));
		assertThat(REQUESTED.settled()).isFalse();
		assertThat(FAILED.settled()).isTrue();
	}

	private static TrackingEvent scan(ShipmentState state, int minute) {
		return new TrackingEvent(state, T0.plusSeconds(minute * 60L), "depot");
	}
}
