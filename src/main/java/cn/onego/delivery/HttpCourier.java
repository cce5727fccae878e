package cn.onego.delivery;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onego.platform.provider.SignedHttp;
import cn.onego.platform.provider.SignedHttp.ProviderUnavailable;

/**
 * A courier over HTTP ({@code onego.courier.mode=http}; contract in docs/OPERATIONS.md, "Courier and SMS"):
 * {@code POST {base-url}shipments} with the order, answered {@code {"trackingNumber", "costYuan"}};
 * {@code GET {base-url}shipments/{trackingNumber}/events} answered {@code {"events": [{"state", "at", "place"}]}}.
 * Both signed like every provider call; the courier pushes scans to the signed callback
 * {@code POST /api/v1/delivery/courier-events} as well.
 */
final class HttpCourier implements Courier {

	private final SignedHttp http;

	HttpCourier(SignedHttp http) {
		this.http = http;
	}

	@Override
	public Waybill create(Order order) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reference", order.reference());
		if (order.waybill() != null) {
			body.put("waybill", order.waybill());
		}
		body.put("sender", Map.of("name", order.senderName(), "address", order.senderAddress(),
				"phone", order.senderPhone() == null ? "" : order.senderPhone()));
		body.put("recipient", Map.of("name", order.recipient().name(), "mobile", order.recipient().mobile(), "address",
				order.recipient().address()));
		Map<String, Object> answer = http.post("shipments", body);
		if (!(answer.get("trackingNumber") instanceof String number) || !number.matches("[A-Za-z0-9-]{4,40}")) {
			throw new ProviderUnavailable("courier: the answer names no tracking number");
		}
		BigDecimal cost;
		try {
			cost = answer.get("costYuan") == null ? null : new BigDecimal(answer.get("costYuan").toString());
		}
		catch (NumberFormatException e) {
			throw new ProviderUnavailable("courier: the cost is not a number");
		}
		return new Waybill(number, cost);
	}

	@Override
	public List<TrackingEvent> track(Shipment shipment) {
		Map<String, Object> answer = http.get("shipments/" + URLEncoder.encode(shipment.trackingNumber(), StandardCharsets.UTF_8)
				+ "/events");
		List<TrackingEvent> events = new ArrayList<>();
		if (answer.get("events") instanceof List<?> list) {
			for (Object item : list) {
				if (item instanceof Map<?, ?> map) {
					events.add(event(map));
				}
			}
		}
		return events;
	}

	/** One scan as a courier sends it, here or on the callback; anything malformed is refused whole. */
	static TrackingEvent event(Map<?, ?> map) {
		try {
			ShipmentState state = ShipmentState.valueOf(String.valueOf(map.get("state")));
			Instant at = Instant.parse(String.valueOf(map.get("at")));
			String place = map.get("place") == null ? "" : String.valueOf(map.get("place"));
			if (state == ShipmentState.REQUESTED || place.length() > 100 || place.chars().anyMatch(Character::isISOControl)) {
				throw new IllegalArgumentException("place");
			}
			return new TrackingEvent(state, at, place);
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			throw new ProviderUnavailable("courier: a malformed tracking event");
		}
	}
}
