package cn.onego.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/** The shipments and their scans; the recipient sealed. */
@Repository
class Shipments implements SealedColumns {

	static final SealedColumn NAME = SealedColumn.of("shipment", "recipient_name");
	static final SealedColumn MOBILE = SealedColumn.of("shipment", "recipient_mobile");
	static final SealedColumn ADDRESS = SealedColumn.of("shipment", "recipient_address");

	private final JdbcClient jdbc;
	private final PersonalData data;

	Shipments(JdbcClient jdbc, PersonalData data) {
		this.jdbc = jdbc;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(NAME, MOBILE, ADDRESS);
	}

	/** Orders the shipment of a case, due at once; a case has one shipment whatever the number of calls. */
	boolean request(Shipment s) {
		return jdbc.sql("""
				INSERT INTO shipment (id, case_id, case_number, hall, region, courier, waybill, state, recipient_name,
				    recipient_mobile, recipient_address, requested_at, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""")
			.params(s.id(), s.caseId(), s.caseNumber(), s.hall(), s.region(), s.courier(), s.waybill(),
					data.seal(s.recipient().name(), NAME.name()), data.seal(s.recipient().mobile(), MOBILE.name()),
					data.seal(s.recipient().address(), ADDRESS.name()), Timestamp.from(s.requestedAt()),
					Timestamp.from(s.requestedAt()))
			.update() == 1;
	}

	Optional<Shipment> ofCase(UUID caseId) {
		return jdbc.sql("SELECT * FROM shipment WHERE case_id = ?").param(caseId).query(this::shipment).optional();
	}

	Optional<Shipment> byTrackingNumber(String trackingNumber) {
		return jdbc.sql("SELECT * FROM shipment WHERE tracking_number = ? ORDER BY requested_at DESC LIMIT 1")
			.param(trackingNumber)
			.query(this::shipment)
			.optional();
	}

	/** Open shipments whose next order or look-up is due, leased for a minute so that another node leaves them. */
	List<Shipment> due(Instant now, int limit) {
		return jdbc.sql("""
				UPDATE shipment SET next_attempt_at = ? WHERE id IN (
				    SELECT id FROM shipment WHERE settled_at IS NULL AND next_attempt_at <= ?
				    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING *""")
			.params(Timestamp.from(now.plusSeconds(60)), Timestamp.from(now), limit)
			.query(this::shipment)
			.list();
	}

	/** The courier took the order. */
	void created(UUID id, Courier.Waybill waybill, Instant at, Instant nextLook) {
		jdbc.sql("""
				UPDATE shipment SET state = 'CREATED', tracking_number = ?, cost_yuan = ?, created_at = ?, attempts = 0,
				    last_error = NULL, next_attempt_at = ? WHERE id = ? AND state = 'REQUESTED'""")
			.params(waybill.trackingNumber(), waybill.costYuan(), Timestamp.from(at), Timestamp.from(nextLook), id)
			.update();
	}

	/** The courier did not answer: try again later, with the reason kept for the staff's list. */
	void failedAttempt(UUID id, int attempts, String error, Instant next) {
		jdbc.sql("UPDATE shipment SET attempts = ?, last_error = left(?, 300), next_attempt_at = ? WHERE id = ?")
			.params(attempts, error, Timestamp.from(next), id)
			.update();
	}

	/** The shipment, locked until the transaction ends: scans told by polling and by the callback wait in turn. */
	Optional<Shipment> locked(UUID id) {
		return jdbc.sql("SELECT * FROM shipment WHERE id = ? FOR UPDATE").param(id).query(this::shipment).optional();
	}

	void record(UUID id, List<TrackingEvent> events) {
		for (TrackingEvent e : events) {
			jdbc.sql("INSERT INTO shipment_event (shipment_id, state, at, place) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(id, e.state().name(), Timestamp.from(e.at()), e.place())
				.update();
		}
	}

	/** Moves the shipment to the state its scans lead to; the next look, unless it is settled. */
	void moved(UUID id, ShipmentState state, Instant settledAt, Instant nextLook) {
		jdbc.sql("""
				UPDATE shipment SET state = ?, settled_at = ?, attempts = 0, last_error = NULL, next_attempt_at = ?
				WHERE id = ? AND settled_at IS NULL""")
			.params(state.name(), settledAt == null ? null : Timestamp.from(settledAt),
					settledAt == null ? Timestamp.from(nextLook) : null, id)
			.update();
	}

	/** The scans of a shipment in the order they happened. */
	List<TrackingEvent> events(UUID id) {
		return jdbc.sql("SELECT state, at, place FROM shipment_event WHERE shipment_id = ? ORDER BY at, id")
			.param(id)
			.query((rs, n) -> new TrackingEvent(ShipmentState.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					rs.getString(3)))
			.list();
	}

	/** A hall's shipments not signed for that were ordered before the time, oldest first. */
	List<Shipment> openOf(String hall, Instant before, int limit) {
		return jdbc.sql("""
				SELECT * FROM shipment WHERE hall = ? AND settled_at IS NULL AND requested_at < ?
				ORDER BY requested_at LIMIT ?""")
			.params(hall, Timestamp.from(before), limit)
			.query(this::shipment)
			.list();
	}

	/** Shipments and their cost per region in a period, for the regions under a prefix. */
	record Total(String region, long shipments, java.math.BigDecimal costYuan) {
	}

	List<Total> totals(String regionPrefix, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT region, count(*), coalesce(sum(cost_yuan), 0) FROM shipment
				WHERE starts_with(region, ?) AND requested_at >= ? AND requested_at < ? GROUP BY region ORDER BY region""")
			.params(regionPrefix, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new Total(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
	}

	private Shipment shipment(ResultSet rs, int n) throws SQLException {
		return new Shipment(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
				rs.getString("hall"), rs.getString("region"), rs.getString("courier"), rs.getString("waybill"),
				rs.getString("tracking_number"), ShipmentState.valueOf(rs.getString("state")), rs.getBigDecimal("cost_yuan"),
				new Shipment.Recipient(data.open(rs.getString("recipient_name"), NAME.name()),
						data.open(rs.getString("recipient_mobile"), MOBILE.name()),
						data.open(rs.getString("recipient_address"), ADDRESS.name())),
				rs.getTimestamp("requested_at").toInstant(), instant(rs, "created_at"), instant(rs, "settled_at"), rs.getInt("attempts"),
				rs.getString("last_error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
