package cn.onego.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseQueries;
import cn.onego.cases.Workload;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The gauges that need the database — queue depths, yellow and red tasks, the event publication backlog —
 * read from a snapshot that is refreshed every {@code onego.operations.gauge-interval} (15 s): a scrape never
 * queries, however often Prometheus comes, and each refresh is three index-only counts over open work.
 */
@Component
class WorkloadGauges {

	private static final Logger log = LoggerFactory.getLogger(WorkloadGauges.class);

	/** The incomplete event publications (Spring Modulith's outbox): how many, by status, and since when. */
	record Backlog(Map<String, Long> byStatus, Instant oldest) {
	}

	private final CaseQueries cases;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final MultiGauge halls;
	private final MultiGauge departments;
	private final MultiGauge warnings;
	private final MultiGauge outbox;
	private final AtomicReference<Instant> oldest = new AtomicReference<>();

	WorkloadGauges(CaseQueries cases, JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.cases = cases;
		this.jdbc = jdbc;
		this.clock = clock;
		this.halls = MultiGauge.builder("onego.window.queue")
			.description("Cases waiting at a hall's window now, by state (awaiting_acceptance, awaiting_supplement, ready)")
			.register(meters);
		this.departments = MultiGauge.builder("onego.department.queue")
			.description("Running tasks in a department's queue now, by state (pending, claimed)")
			.register(meters);
		this.warnings = MultiGauge.builder("onego.tasks.warned")
			.description("Running tasks of a department that are yellow (close to the limit) or red (overdue) now")
			.register(meters);
		this.outbox = MultiGauge.builder("onego.event.publications.incomplete")
			.description("Event publications not yet completed by their listener, by status")
			.register(meters);
		Gauge.builder("onego.event.publications.oldest.age", this, gauges -> gauges.oldestAge().toMillis() / 1000.0)
			.description("Age of the oldest incomplete event publication (0 when there is none)")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${onego.operations.gauge-interval:15s}", initialDelayString = "${onego.operations.gauge-interval:15s}")
	void scheduled() {
		try {
			refresh();
		}
		catch (RuntimeException e) {
			// the gauges keep their last values; the next refresh tries again
			log.warn("The operations gauges could not be refreshed: {}", e.toString());
		}
	}

	/** Reads the workload and the backlog and replaces the gauges' values (rows no longer waiting disappear). */
	void refresh() {
		Workload workload = cases.workload();
		halls.register(workload.halls().stream()
			.map(q -> MultiGauge.Row.of(Tags.of("hall", q.hall(), "state", q.state().name().toLowerCase(Locale.ROOT)), q.cases()))
			.toList(), true);
		Map<Tags, Long> queued = new LinkedHashMap<>();
		Map<Tags, Long> warned = new LinkedHashMap<>();
		for (Workload.DepartmentQueue q : workload.departments()) {
			queued.merge(Tags.of("department", q.department(), "state", q.state().name().toLowerCase(Locale.ROOT)), q.tasks(), Long::sum);
			if (!"GREEN".equals(q.colour())) {
				warned.merge(Tags.of("department", q.department(), "colour", q.colour().toLowerCase(Locale.ROOT)), q.tasks(), Long::sum);
			}
		}
		departments.register(rows(queued), true);
		warnings.register(rows(warned), true);
		Backlog backlog = backlog();
		Map<Tags, Long> incomplete = new LinkedHashMap<>();
		backlog.byStatus().forEach((status, count) -> incomplete.put(Tags.of("status", status), count));
		outbox.register(rows(incomplete), true);
		oldest.set(backlog.oldest());
	}

	Backlog backlog() {
		Map<String, Long> byStatus = new LinkedHashMap<>();
		Instant[] first = { null };
		jdbc.sql("""
				SELECT coalesce(lower(status), 'published'), count(*), min(publication_date) FROM event_publication
				WHERE completion_date IS NULL GROUP BY 1""")
			.query(rs -> {
				byStatus.put(rs.getString(1), rs.getLong(2));
				Instant at = rs.getTimestamp(3).toInstant();
				if (first[0] == null || at.isBefore(first[0])) {
					first[0] = at;
				}
			});
		return new Backlog(byStatus, first[0]);
	}

	private Duration oldestAge() {
		Instant at = oldest.get();
		if (at == null) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(at, clock.instant()); // the registry stamps publications with the same clock
		return age.isNegative() ? Duration.ZERO : age;
	}

	private static List<MultiGauge.Row<?>> rows(Map<Tags, Long> values) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		values.forEach((tags, value) -> rows.add(MultiGauge.Row.of(tags, value)));
		return rows;
	}
}
