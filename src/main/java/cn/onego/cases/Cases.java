package cn.onego.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Item;

/**
 * Cases, their tasks and their history in PostgreSQL. A case is read with its tasks in one statement, without a
 * lock; {@link #save} writes whatever a transaction did to it in one statement, over the case's revision as read:
 * if somebody saved the case in between, nothing is written and {@link CaseChangedMeanwhile} asks the use case to
 * read and decide again ({@link CaseTransactions}). Every step of a history — each state change and decision —
 * is also appended to the audit trail, in the same transaction; what other modules write for the events of a save
 * ({@link SaveParts}) is written by the same statement.
 */
@Repository
class Cases {

	private final JdbcClient jdbc;
	private final CaseRows rows;
	private final TaskClocks clocks;
	private final CatalogQueries catalog;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final AuditTrail audit;
	private final RememberedCases remembered;
	private final List<SaveParts> modules;

	Cases(JdbcClient jdbc, CaseRows rows, TaskClocks clocks, CatalogQueries catalog, ApplicationEventPublisher events, Clock clock,
			AuditTrail audit, RememberedCases remembered, List<SaveParts> modules) {
		this.audit = audit;
		this.remembered = remembered;
		this.modules = modules;
		this.jdbc = jdbc;
		this.rows = rows;
		this.clocks = clocks;
		this.catalog = catalog;
		this.events = events;
		this.clock = clock;
	}

	/** Somebody saved the case after it was read: nothing was written; read it again and decide again. */
	static final class CaseChangedMeanwhile extends RuntimeException {

		CaseChangedMeanwhile(CaseId id) {
			super("case " + id + " was saved by someone else meanwhile", null, false, false);
		}
	}

	/** The next serial of the case numbers, shared by every node. */
	long nextSerial() {
		return jdbc.sql("SELECT nextval('case_number_seq')").query(Long.class).single();
	}

	// ------------------------------------------------------------------ reading to change

	/** The case with its tasks, as one consistent read, ready to be changed. */
	Optional<Changes> changes(CaseId id) {
		return load("WHERE c.id = ?", id.value());
	}

	/**
	 * The case with its tasks, for a use case to change: as this node saved it last, if the use case's run may
	 * recall it ({@link RememberedCases}), else as read.
	 */
	Optional<Changes> toChange(CaseId id) {
		return remembered.recall(id).map(Cases::loggedCase).or(() -> changes(id));
	}

	/** The case of the task with all its tasks, for a use case to change, as {@link #toChange} gives it. */
	Optional<Changes> toChangeOfTask(TaskId task) {
		return remembered.recallOfTask(task).map(Cases::loggedCase).or(() -> changesOfTask(task));
	}

	/** The case of the task with all its tasks, as one consistent read, ready to be changed. */
	Optional<Changes> changesOfTask(TaskId task) {
		return load("WHERE c.id = (SELECT case_id FROM case_task WHERE id = ?)", task.value());
	}

	/** The case of the application with its tasks, as one consistent read. */
	Optional<Changes> changesOfApplication(UUID application) {
		return load("WHERE c.application_id = ?", application);
	}

	/** The case of the number with its tasks, as one consistent read. */
	Optional<Changes> changesOfNumber(String number) {
		return load("WHERE c.number = ?", number);
	}

	private Optional<Changes> load(String where, Object param) {
		List<CaseFile> found = new ArrayList<>(1);
		List<Task> tasks = new ArrayList<>();
		jdbc.sql("SELECT " + CaseRows.JOINED + " FROM case_file c LEFT JOIN case_task t ON t.case_id = c.id " + where
				+ " ORDER BY t.started_on NULLS LAST, t.item").param(param).query(rs -> {
					if (found.isEmpty()) {
						found.add(rows.caseFile(rs, 0));
					}
					Task task = rows.joinedTask(rs);
					if (task != null) {
						tasks.add(task);
					}
				});
		return found.isEmpty() ? Optional.empty() : Optional.of(Changes.of(logged(found.get(0)), tasks));
	}

	// ------------------------------------------------------------------ saving

	/**
	 * Writes everything the transaction did to the case in one statement ({@link SaveStatement}), then publishes its
	 * events to the listeners of the same transaction. Returns the case and its tasks as stored.
	 *
	 * @throws CaseChangedMeanwhile when the case was saved by someone else since it was read: nothing was written
	 */
	Changes save(Changes changes) {
		if (changes.isEmpty()) {
			return changes;
		}
		List<AuditTrail.Record> records = changes.steps().stream().map(Cases::audited).toList();
		Optional<AuditTrail.InStatement> audited = audit.inStatement(records);
		Map<String, Long> counts = write(changes, audited);
		boolean complete = counts.get("case_row") == 1 && counts.getOrDefault("task_rows", 0L) == changes.changedTasks().size()
				&& (changes.verified() == null || counts.get("verified") == 1);
		if (!complete) {
			remembered.forget(changes.caseFile().id());
			throw new CaseChangedMeanwhile(changes.caseFile().id());
		}
		audited(records, audited, counts);
		changes.events().forEach(events::publishEvent);
		Changes saved = changes.saved();
		remembered.saved(saved);
		return saved;
	}

	/**
	 * Opens a case: writes it with its first step, message and count, unless its application has a case already
	 * (opened by someone else meanwhile: then nothing is written and the answer is empty).
	 */
	Optional<CaseFile> open(Changes opening) {
		List<AuditTrail.Record> records = opening.steps().stream().map(Cases::audited).toList();
		Optional<AuditTrail.InStatement> audited = audit.inStatement(records);
		Map<String, Long> counts = write(opening, audited);
		if (counts.get("case_row") == 0) {
			return Optional.empty();
		}
		audited(records, audited, counts);
		opening.events().forEach(events::publishEvent);
		Changes saved = opening.saved();
		remembered.saved(saved);
		return Optional.of(saved.caseFile());
	}

	/** The step in the audit trail: {@code case.<ACTION>} on {@code case/<id>[/task/<id>]}, with the states and detail. */
	private static AuditTrail.Record audited(Step step) {
		String target = "case/" + step.caseId() + (step.taskId() == null ? "" : "/task/" + step.taskId());
		String states = step.from() == null && step.to() == null ? ""
				: (step.from() == null ? "" : step.from()) + " → " + (step.to() == null ? "" : step.to());
		String reason = states.isEmpty() ? step.detail()
				: step.detail() == null || step.detail().isEmpty() ? states : states + "; " + step.detail();
		return new AuditTrail.Record(step.actor(), "case." + step.action(), target, reason);
	}

	/** The steps' audit records: written by the save statement, or else recorded now (appended before the commit). */
	private void audited(List<AuditTrail.Record> records, Optional<AuditTrail.InStatement> audited, Map<String, Long> counts) {
		if (audited.isPresent()) {
			audited.get().finish(counts.get(audited.get().written()));
			return;
		}
		records.forEach(r -> audit.record(r.username(), r.action(), r.target(), r.reason()));
	}

	private Map<String, Long> write(Changes changes, Optional<AuditTrail.InStatement> audited) {
		SaveStatement statement = statement(changes, audited);
		List<Long> written = jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> {
			List<Long> counts = new ArrayList<>();
			for (int i = 1; i <= statement.parts().size(); i++) {
				counts.add(rs.getLong(i));
			}
			return counts;
		}).single();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (int i = 0; i < written.size(); i++) {
			counts.put(statement.parts().get(i), written.get(i));
		}
		return counts;
	}

	/** The one statement that saves the changes, with what other modules and the audit trail write with them. */
	SaveStatement statement(Changes changes, Optional<AuditTrail.InStatement> audited) {
		Catalogue catalogue = catalog.catalogue();
		SaveStatement statement = SaveStatement.of(changes, new SaveStatement.Context(rows, clocks,
				PlainWords.of(catalogue),
				item -> catalogue.item(item).map(Item::promisedLimit).orElse(0), clock.instant()));
		// what other modules write for the events the save is about to publish, gated on the case's row like the rest
		if (!changes.events().isEmpty()) {
			for (SaveParts module : modules) {
				module.parts(changes.caseFile().id(), changes.events()).forEach(statement::part);
			}
		}
		// the audit records last, after the case row: the chain's lock is taken after the case's, as at the commit
		audited.ifPresent(a -> a.parts("case_row").forEach(statement::part));
		return statement;
	}

	// ------------------------------------------------------------------ reading to show

	/**
	 * The case's query code (printed on the receipt): read, or made now for a case opened before codes existed —
	 * and a concurrent reader gets the same code. Every case opened since has one, so the read comes first.
	 */
	String queryCode(CaseId caseId) {
		// optional() is empty for a code that is null as for no row
		return jdbc.sql("SELECT query_code FROM case_file WHERE id = ?").param(caseId.value()).query(String.class).optional()
			.orElseGet(() -> madeQueryCode(caseId));
	}

	private String madeQueryCode(CaseId caseId) {
		return jdbc.sql("""
				UPDATE case_file SET query_code = upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 8))
				WHERE id = ? AND query_code IS NULL RETURNING query_code""")
			.param(caseId.value())
			.query(String.class)
			.optional()
			.orElseGet(() -> jdbc.sql("SELECT query_code FROM case_file WHERE id = ?").param(caseId.value()).query(String.class).single());
	}

	Optional<CaseFile> find(CaseId id) {
		return one("SELECT * FROM case_file WHERE id = ?", id.value());
	}

	/** Several cases in one statement; a case not found is not in the map. */
	Map<CaseId, CaseFile> find(Collection<CaseId> ids) {
		Map<CaseId, CaseFile> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT * FROM case_file WHERE id = ANY (?)")
			.param(ids.stream().map(CaseId::value).distinct().toArray(UUID[]::new))
			.query(rows::caseFile)
			.list()
			.forEach(c -> found.put(c.id(), c));
		return found;
	}

	Optional<CaseFile> byNumber(String number) {
		return one("SELECT * FROM case_file WHERE number = ?", number);
	}

	Optional<CaseFile> byApplication(UUID application) {
		return one("SELECT * FROM case_file WHERE application_id = ?", application);
	}

	private Optional<CaseFile> one(String sql, Object param) {
		return jdbc.sql(sql).param(param).query(rows::caseFile).optional().map(Cases::logged);
	}

	// a single case read for a request is the case the request concerns: its number goes on the request's log lines
	private static CaseFile logged(CaseFile c) {
		cn.onego.platform.logging.LogContext.caseNumber(c.number().value());
		return c;
	}

	private static Changes loggedCase(Changes c) {
		logged(c.caseFile());
		return c;
	}

	/** Cases whose open gaps passed their deadline before the day and are not flagged yet (uses the partial index). */
	List<CaseId> gapsDueBefore(LocalDate day) {
		return jdbc.sql("""
				SELECT id FROM case_file WHERE gap_deadline < ? AND gap_deadline IS NOT NULL AND NOT gaps_overdue
				  AND state IN ('IN_PROGRESS', 'READY')""")
			.param(day)
			.query((rs, n) -> CaseId.of(rs.getObject(1, UUID.class)))
			.list();
	}

	Optional<Task> task(TaskId id) {
		return jdbc.sql("SELECT * FROM case_task WHERE id = ?").param(id.value()).query(rows::task).optional();
	}

	List<Task> tasks(CaseId caseId) {
		return jdbc.sql("SELECT * FROM case_task WHERE case_id = ? ORDER BY started_on NULLS LAST, item")
			.param(caseId.value())
			.query(rows::task)
			.list();
	}

	/** How many times the case's applicant was asked to supply something, counted in its history (older cases). */
	int supplementRequestsInHistory(CaseId caseId) {
		return jdbc.sql("SELECT count(*) FROM case_history WHERE case_id = ? AND action = 'SUPPLEMENT_REQUESTED'")
			.param(caseId.value())
			.query(Integer.class)
			.single();
	}
}
