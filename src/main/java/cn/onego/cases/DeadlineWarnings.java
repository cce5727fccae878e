package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Deadline.Colour;
import cn.onego.shared.RegionCode;

/**
 * Marks tasks yellow (close to their limit) and red (overdue), and tells the department head and the
 * supervisor once per change of colour. It reads only the tasks whose colour is due to change, through
 * partial indexes on the warning and due days; a conditional update makes it safe for several nodes to
 * scan at once — only the node whose update changed the colour sends the message.
 */
@Component
public class DeadlineWarnings {

	private static final Logger log = LoggerFactory.getLogger(DeadlineWarnings.class);
	private static final int CHUNK = 500;

	static final String YELLOW_CANDIDATES = """
			SELECT t.id, t.case_id, t.department, t.item, t.due_on, t.case_number, t.region FROM case_task t
			WHERE t.colour = 'GREEN' AND t.state IN ('PENDING', 'CLAIMED') AND t.warn_on <= ?""";

	static final String RED_CANDIDATES = """
			SELECT t.id, t.case_id, t.department, t.item, t.due_on, t.case_number, t.region FROM case_task t
			WHERE t.colour <> 'RED' AND t.state IN ('PENDING', 'CLAIMED') AND t.due_on < ?""";

	private final JdbcClient jdbc;
	private final Cases cases;
	private final Notifications notifications;
	private final CatalogQueries catalog;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;

	DeadlineWarnings(JdbcClient jdbc, Cases cases, Notifications notifications, CatalogQueries catalog, Clock clock,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.transactions = transactions;
		this.events = events;
		this.jdbc = jdbc;
		this.cases = cases;
		this.notifications = notifications;
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
		Set<UUID> turningRed = red.stream().map(Candidate::task).collect(Collectors.toSet());
		List<Candidate> yellow = new ArrayList<>(candidates(YELLOW_CANDIDATES, today));
		yellow.removeIf(y -> turningRed.contains(y.task()));
		int turnedRed = markAll(red, Colour.RED);
		int turnedYellow = markAll(yellow, Colour.YELLOW);
		events.publishEvent(new DeadlinesScanned(today, turnedYellow, turnedRed));
		return turnedRed + turnedYellow;
	}

	/**
	 * Marks the candidates in chunks of {@value #CHUNK}, each one transaction of three statements: one
	 * conditional update of the chunk's colours, then the messages and the history rows of the tasks it
	 * changed. A day's thousands of changes cost a few dozen statements instead of four each (see "10
	 * million cases" in docs/PERFORMANCE.md), and a task's colour, messages and history commit together.
	 */
	private int markAll(List<Candidate> candidates, Colour colour) {
		int changed = 0;
		for (int from = 0; from < candidates.size(); from += CHUNK) {
			List<Candidate> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
			Integer marked = transactions.execute(status -> mark(chunk, colour));
			changed += marked == null ? 0 : marked;
		}
		return changed;
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
		// only still-running tasks whose colour is still the old one change: concurrent scanners race here once,
		// and only the tasks this update changed are told about
		String[] ids = chunk.stream().map(c -> c.task().toString()).toArray(String[]::new);
		Set<UUID> updated = new HashSet<>(jdbc.sql("""
				UPDATE case_task SET colour = ? WHERE id = ANY(?::uuid[]) AND colour <> ? AND colour <> 'RED'
				  AND state IN ('PENDING', 'CLAIMED') RETURNING id""")
			.params(colour.name(), ids, colour.name())
			.query(UUID.class)
			.list());
		List<Notifications.Message> messages = new ArrayList<>();
		List<Cases.NewStep> steps = new ArrayList<>();
		Instant now = clock.instant();
		for (Candidate c : chunk) {
			if (!updated.contains(c.task())) {
				continue;
			}
			String item = catalog.catalogue().item(c.item()).map(i -> i.name().zh()).orElse(c.item());
			String zh = (colour == Colour.RED ? "【红牌】已超期：" : "【黄牌】临近期限：") + "办件 " + c.number() + " 的" + item + "，期限 " + c.due();
			String en = (colour == Colour.RED ? "[RED] overdue: " : "[YELLOW] close to the limit: ") + "case " + c.number() + ", item "
					+ c.item() + ", due " + c.due();
			// supervisors read the warnings of their region and below (Notifications#of), so the case's own region is named
			for (String recipient : List.of("DEPARTMENT_HEAD:" + c.department(), Notifications.SUPERVISORS + c.region())) {
				messages.add(new Notifications.Message(c.task() + ":" + colour + ":" + recipient, recipient, c.caseId(), "INBOX", zh, en));
			}
			steps.add(new Cases.NewStep(c.caseId(), c.task(), now, "system", colour == Colour.RED ? "OVERDUE" : "WARNING", zh));
		}
		notifications.sendAll(messages);
		cases.recordAll(steps);
		return updated.size();
	}
}
