package cn.onego.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.cases.PaperTransfers.Original;
import tools.jackson.core.type.TypeReference;

/** Paper transfers in PostgreSQL ({@code paper_transfer}, V60): at most one per case, written over the version read. */
@Repository
class Transfers {

	private static final TypeReference<List<Original>> ORIGINALS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final CaseRows rows;

	Transfers(JdbcClient jdbc, CaseRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	/** Stores a new transfer unless the case has one already (the listener may be told twice); whether it did. */
	boolean open(PaperTransfer t) {
		return jdbc.sql("""
				INSERT INTO paper_transfer (id, case_id, case_number, from_hall, to_hall, materials, state, created_at, version)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0) ON CONFLICT (case_id) DO NOTHING""")
			.params(t.id(), t.caseId().value(), t.caseNumber(), t.from().value(), t.to().value(), rows.write(t.originals()),
					t.state().name(), Timestamp.from(t.createdAt()))
			.update() == 1;
	}

	/**
	 * Writes the transfer as a transition left it over the version it was read with; false when somebody changed it
	 * in between (nothing written).
	 */
	boolean save(PaperTransfer t) {
		return jdbc.sql("""
				UPDATE paper_transfer SET state = ?, courier = ?, tracking_number = ?, dispatched_by = ?, dispatched_at = ?,
				    received_by = ?, received_at = ?, discrepancy = ?, version = ?
				WHERE id = ? AND version = ?""")
			.params(t.state().name(), t.courier(), t.trackingNumber(), by(t.dispatched()), at(t.dispatched()), by(t.received()),
					at(t.received()), t.discrepancy(), t.version(), t.id(), t.version() - 1)
			.update() == 1;
	}

	Optional<PaperTransfer> find(UUID id) {
		return jdbc.sql("SELECT * FROM paper_transfer WHERE id = ?").param(id).query(this::transfer).optional();
	}

	Optional<PaperTransfer> ofCase(CaseId caseId) {
		return jdbc.sql("SELECT * FROM paper_transfer WHERE case_id = ?").param(caseId.value()).query(this::transfer).optional();
	}

	/** What a hall sends (outgoing) or is to receive (incoming), in a state or in all, oldest first. */
	List<PaperTransfer> ofHall(HallCode hall, boolean outgoing, TransferState state, int limit) {
		String column = outgoing ? "from_hall" : "to_hall";
		return jdbc.sql("SELECT * FROM paper_transfer WHERE " + column + " = ? AND (?::text IS NULL OR state = ?) "
				+ "ORDER BY created_at LIMIT ?")
			.params(hall.value(), state == null ? null : state.name(), state == null ? null : state.name(), limit)
			.query(this::transfer)
			.list();
	}

	private PaperTransfer transfer(ResultSet rs, int n) throws SQLException {
		return new PaperTransfer(rs.getObject("id", UUID.class), CaseId.of(rs.getObject("case_id", UUID.class)),
				rs.getString("case_number"), HallCode.of(rs.getString("from_hall")), HallCode.of(rs.getString("to_hall")),
				rows.read(rs.getString("materials"), ORIGINALS), TransferState.valueOf(rs.getString("state")),
				rs.getTimestamp("created_at").toInstant(), rs.getString("courier"), rs.getString("tracking_number"),
				act(rs, "dispatched"), act(rs, "received"), rs.getString("discrepancy"), rs.getInt("version"));
	}

	private static Act act(ResultSet rs, String prefix) throws SQLException {
		Timestamp at = rs.getTimestamp(prefix + "_at");
		return at == null ? null : new Act(rs.getString(prefix + "_by"), at.toInstant());
	}

	private static String by(Act act) {
		return act == null ? null : act.by();
	}

	private static Timestamp at(Act act) {
		return act == null ? null : Timestamp.from(act.at());
	}
}
