package cn.onego.delivery;

import java.time.Instant;

/**
 * A courier's scan of a parcel: what state it reached, when and where.
 *
 * @param state the state the scan tells of
 * @param at when the courier scanned it
 * @param place where, as the courier names it (a depot, a city, "收件人")
 */
public record TrackingEvent(ShipmentState state, Instant at, String place) {
}
