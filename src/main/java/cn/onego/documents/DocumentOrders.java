package cn.onego.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.cases.CaseId;
import cn.onego.cases.SaveParts;
import cn.onego.cases.TaskState;
import cn.onego.platform.StatementPart;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger of documents to issue ({@code document_order}): a transition that calls for a document writes its event
 * here with its own save statement ({@link SaveParts}), so the order commits or rolls back with the transition and is
 * never lost; the worker ({@link DocumentIssuing}) takes the oldest orders and deletes them in the transaction that
 * issues their documents.
 */
@Component
class DocumentOrders implements SaveParts {

	/** The events that call for documents, by the name an order keeps. */
	private static final Map<String, Class<? extends CaseEvent>> EVENTS = Map.of("CaseAccepted", CaseAccepted.class, "CaseNotAccepted",
			CaseNotAccepted.class, "SupplementRequested", SupplementRequested.class, "TaskDecided", TaskDecided.class, "CaseIssued",
			CaseIssued.class);

	/** How long an order that failed waits before it is tried again: doubled after each attempt, an hour at most. */
	private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
	private static final Duration LAST_RETRY = Duration.ofHours(1);

	/** A waiting order: the event that calls for the document. */
	record Order(long id, CaseEvent event) {
	}

	/** What is waiting, for the operators: how many orders, how many failed before, since when the oldest waits. */
	record Backlog(long waiting, long failed, Instant oldest) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	DocumentOrders(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The orders of the events a case's save is about to publish, written by the save's own statement: each event that
	 * calls for a document (a decision only when it grants or refuses; a task ended otherwise is not one) is one row,
	 * in the order the events happen.
	 */
	@Override
	public List<StatementPart> parts(CaseId caseId, List<CaseEvent> events) {
		List<CaseEvent> ordered = events.stream().filter(DocumentOrders::callsForADocument).toList();
		if (ordered.isEmpty()) {
			return List.of();
		}
		Timestamp now = Timestamp.from(clock.instant());
		return List.of(new StatementPart("document_orders", """
				INSERT INTO document_order (event_type, event, case_id, ordered_at, not_before)
				SELECT v.event_type, v.event, ?::uuid, ?, ? FROM unnest(?::text[], ?::jsonb[]) WITH ORDINALITY AS v(event_type, event, n)
				WHERE EXISTS (SELECT 1 FROM case_row) ORDER BY v.n RETURNING 1""",
				Arrays.asList(caseId.value(), now, now, ordered.stream().map(e -> e.getClass().getSimpleName()).toArray(String[]::new),
						ordered.stream().map(json::writeValueAsString).toArray(String[]::new))));
	}

	private static boolean callsForADocument(CaseEvent event) {
		if (event instanceof TaskDecided decided) {
			return decided.outcome() == TaskState.APPROVED || decided.outcome() == TaskState.REFUSED;
		}
		return EVENTS.get(event.getClass().getSimpleName()) == event.getClass();
	}

	/**
	 * Takes up to {@code max} orders that may be tried now, oldest first, out of the ledger; call it in the transaction
	 * that issues them. Orders another node is taking are skipped.
	 */
	List<Order> take(int max) {
		return jdbc.sql("""
				DELETE FROM document_order WHERE id IN (
				    SELECT id FROM document_order WHERE not_before <= ? ORDER BY not_before, id LIMIT ? FOR UPDATE SKIP LOCKED)
				RETURNING id, event_type, event::text""")
			.params(Timestamp.from(clock.instant()), max)
			.query(this::read)
			.list()
			.stream()
			.sorted(Comparator.comparingLong(Order::id))
			.toList();
	}

	/** The ids of the orders that may be tried now, oldest first, without taking them. */
	List<Long> waiting(int max) {
		return jdbc.sql("SELECT id FROM document_order WHERE not_before <= ? ORDER BY not_before, id LIMIT ?")
			.params(Timestamp.from(clock.instant()), max)
			.query(Long.class)
			.list();
	}

	/** Takes one order, unless another node took it or it is not due. */
	Optional<Order> takeOne(long id) {
		return jdbc.sql("""
				DELETE FROM document_order WHERE id IN (
				    SELECT id FROM document_order WHERE id = ? AND not_before <= ? FOR UPDATE SKIP LOCKED)
				RETURNING id, event_type, event::text""")
			.params(id, Timestamp.from(clock.instant()))
			.query(this::read)
			.optional();
	}

	private Order read(ResultSet rs, int row) throws SQLException {
		return new Order(rs.getLong(1), json.readValue(rs.getString(3), EVENTS.get(rs.getString(2))));
	}

	/** The order could not be issued: it waits, longer after each attempt, and says why. */
	void failed(long id, String error) {
		jdbc.sql("""
				UPDATE document_order SET attempts = attempts + 1, last_error = left(?, 2000),
				  not_before = ?::timestamptz + least(? * power(2, attempts), ?) * interval '1 second'
				WHERE id = ?""")
			.params(error, Timestamp.from(clock.instant()), FIRST_RETRY.toSeconds(), LAST_RETRY.toSeconds(), id)
			.update();
	}

	Backlog backlog() {
		return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE attempts > 0), min(ordered_at) FROM document_order")
			.query((rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.single();
	}
}
