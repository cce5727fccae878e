package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Deadline.Colour;
import cn.onego.shared.Label;

/**
 * Marks tasks yellow (close to their limit) and red (overdue), and tells the department head and the supervisors
 * once per change of colour. It reads and marks only the small table of open deadlines ({@code open_deadline}, one
 * row per running task), through partial indexes on the warning and due days; a conditional update makes it safe
 * for several nodes to scan at once — only the node whose update changed the colour sends the message.
 */
@Component
public class DeadlineWarnings {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWarnings.class);
	private static final int CHUNK = 1000;

	static final String YELLOW_CANDIDATES = """
			SELECT d.task_id, d.case_id, d.department, d.item, d.due_on, d.case_number, d.region FROM open_deadline d
			WHERE d.colour = 'GREEN' AND d.warn_on <= ?""";

	static final String RED_CANDIDATES = """
			SELECT d.task_id, d.case_id, d.department, d.item, d.due_on, d.case_number, d.region FROM open_deadline d
			WHERE d.colour <> 'RED' AND d.due_on < ?""";

	/**
	 * One chunk in one statement: the colours that are still the old ones change (of several scanners only one
	 * changes each), and only for those the messages and the timeline's steps are written — the steps into
	 * {@code case_deadline_step} (V69), whose small index takes a near day's thousands at once where the case
	 * history's would read a leaf page from disk for each.
	 */
	private static final String MARK = """
			WITH marked AS (
			    UPDATE open_deadline SET colour = ? WHERE task_id = ANY(?::uuid[]) AND colour <> ? AND colour <> 'RED' RETURNING task_id
			), messages AS (
			    INSERT INTO notification (event_key, recipient, case_id, channel, text_zh, text_en, created_at)
			    SELECT m.k, m.r, m.c, 'INBOX', m.zh, m.en, ?::timestamptz
			    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[]) WITH ORDINALITY AS m(task, k, r, c, zh, en, n)
			    WHERE m.task IN (SELECT task_id FROM marked) ORDER BY m.n
			    ON CONFLICT (event_key) DO NOTHING
			), steps AS (
			    INSERT INTO case_deadline_step (case_id, task_id, at, action, message)
			    SELECT s.c, s.t, ?::timestamptz, ?, s.m
			    FROM unnest(?::uuid[], ?::uuid[], ?::jsonb[]) WITH ORDINALITY AS s(c, t, m, n)
			    WHERE s.t IN (SELECT task_id FROM marked) ORDER BY s.n
			)
			SELECT task_id FROM marked""";

	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final CaseRows rows;
	private final int workers;

	DeadlineWarnings(JdbcClient jdbc, CatalogQueries catalog, Clock clock, TransactionTemplate transactions,
			ApplicationEventPublisher events, AuditTrail audit, CaseRows rows,
			@Value("${onego.clock.scan-workers:2}") int workers) {
		if (workers < 1) {
			throw new IllegalArgumentException("onego.clock.scan-workers must be at least 1: " + workers);
		}
		this.workers = workers;
		this.audit = audit;
		this.rows = rows;
		this.transactions = transactions;
		this.events = events;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	record Candidate(UUID task, UUID caseId, String department, String item, LocalDate due, String number, String region) {
	}

	/**
	 * Marks the colours due on the day; returns how many tasks this scan changed (and so notified), and tells
	 * (a {@link DeadlinesScanned}, outside any transaction, for the operators' metrics) how many turned which colour.
	 */
	public int scan(LocalDate today) {
		List<Candidate> red = candidates(RED_CANDIDATES, today);
		Set<UUID> turningRed = new HashSet<>();
		red.forEach(c -> turningRed.add(c.task()));
		List<Candidate> yellow = new ArrayList<>(candidates(YELLOW_CANDIDATES, today));
		yellow.removeIf(y -> turningRed.contains(y.task()));
		int turnedRed = markAll(red, Colour.RED);
		int turnedYellow = markAll(yellow, Colour.YELLOW);
		events.publishEvent(new DeadlinesScanned(today, turnedYellow, turnedRed));
		return turnedRed + turnedYellow;
	}

	/**
	 * Marks the candidates in chunks of {@value #CHUNK}, each one statement in a transaction of its own, on
	 * {@code onego.clock.scan-workers} connections at once: a near day brings thousands of changes at the first scan
	 * after midnight, and while one chunk's statement runs in PostgreSQL the next one's rows are built here.
	 */
	private int markAll(List<Candidate> candidates, Colour colour) {
		List<List<Candidate>> chunks = new ArrayList<>();
		for (int from = 0; from < candidates.size(); from += CHUNK) {
			chunks.add(candidates.subList(from, Math.min(candidates.size(), from + CHUNK)));
		}
		if (chunks.size() <= 1 || workers == 1) {
			return chunks.stream().mapToInt(chunk -> markInTransaction(chunk, colour)).sum();
		}
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, chunks.size()));
		try {
			List<Future<Integer>> marked = pool.invokeAll(chunks.stream()
				.<Callable<Integer>>map(chunk -> () -> markInTransaction(chunk, colour))
				.toList());
			int changed = 0;
			for (Future<Integer> chunk : marked) {
				changed += chunk.get();
			}
			return changed;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("deadline scan interrupted", e);
		}
		catch (ExecutionException e) {
			// a chunk that failed was rolled back on its own; its tasks are candidates again at the next scan
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdown();
		}
	}

	private int markInTransaction(List<Candidate> chunk, Colour colour) {
		Integer marked = transactions.execute(status -> mark(chunk, colour));
		return marked == null ? 0 : marked;
	}

	@Scheduled(fixedDelayString = "${onego.clock.scan-interval:5m}", initialDelayString = "${onego.clock.scan-interval:5m}")
	void scheduled() {
		int changed = scan(LocalDate.now(clock));
		if (changed > 0) {
			log.info("Deadline scan: {} tasks changed colour", changed);
		}
	}

	private List<Candidate> candidates(String sql, LocalDate today) {
		return jdbc.sql(sql)
			.param(today)
			.query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)))
			.list();
	}

	private int mark(List<Candidate> chunk, Colour colour) {
		List<String> messageTasks = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		List<String> recipients = new ArrayList<>();
		List<String> messageCases = new ArrayList<>();
		List<String> zhs = new ArrayList<>();
		List<String> ens = new ArrayList<>();
		List<String> stepCases = new ArrayList<>();
		List<String> stepTasks = new ArrayList<>();
		List<String> details = new ArrayList<>();
		List<String> messages = new ArrayList<>();
		PlainWords words = PlainWords.of(catalog.catalogue());
		for (Candidate c : chunk) {
			Label item = words.item(c.item());
			Label due = PlainWords.day(c.due());
			String zh = (colour == Colour.RED ? "【红牌】已超期：" : "【黄牌】临近期限：") + "办件 " + c.number() + " 的" + item.zh() + "，期限 "
					+ due.zh();
			String en = (colour == Colour.RED ? "[RED] overdue: " : "[YELLOW] close to the limit: ") + "case " + c.number() + ", "
					+ (item.en() == null ? item.zh() : item.en()) + ", due " + due.en();
			// supervisors read the warnings of their region and below (Notifications#of), so the case's own region is named
			for (String recipient : List.of("DEPARTMENT_HEAD:" + c.department(), Notifications.SUPERVISORS + c.region())) {
				messageTasks.add(c.task().toString());
				keys.add(c.task() + ":" + colour + ":" + recipient);
				recipients.add(recipient);
				messageCases.add(c.caseId().toString());
				zhs.add(zh);
				ens.add(en);
			}
			stepCases.add(c.caseId().toString());
			stepTasks.add(c.task().toString());
			details.add(zh);
			messages.add(rows.write(StepMessage.of(colour == Colour.RED ? HistoryText.OVERDUE : HistoryText.WARNING, "item", c.item(),
					"due", c.due())));
		}
		Instant now = clock.instant();
		String action = colour == Colour.RED ? "OVERDUE" : "WARNING";
		Set<UUID> changed = new HashSet<>(jdbc.sql(MARK)
			.params(colour.name(), chunk.stream().map(c -> c.task().toString()).toArray(String[]::new), colour.name(), now.toString(),
					array(messageTasks), array(keys), array(recipients), array(messageCases), array(zhs), array(ens), now.toString(),
					action, array(stepCases), array(stepTasks), array(messages))
			.query(UUID.class)
			.list());
		for (int i = 0; i < chunk.size(); i++) {
			Candidate c = chunk.get(i);
			if (changed.contains(c.task())) {
				audit.record("system", "case." + action, "case/" + c.caseId() + "/task/" + c.task(), details.get(i));
			}
		}
		return changed.size();
	}

	private static String[] array(List<String> values) {
		return values.toArray(String[]::new);
	}
}
