package cn.onego.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.cases.ClosedCases;
import cn.onego.cases.ClosedCases.ClosedCase;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.platform.CasesLoaded;

/**
 * Counts the daily snapshot of the measured figures ({@link MeasuredOutcomes}): the cases issued in the
 * {@value MeasuredOutcomes#PERIOD_DAYS} days up to today, read from {@link ClosedCases} one matter and competent
 * region at a time (so memory holds one such group and the histograms, never the year), each case's working days
 * counted on its region's calendar exactly as {@link MeasuredOutcomes#measure} counts them, added to the histogram of
 * every prefix of its region. A year's figures need not be live, and reading a year of cases per call cannot scale
 * (5 million for a province at 10 million cases): the dashboard and the public metrics read the snapshot instead.
 * <p>
 * The whole rebuild is one transaction, so a reader sees the old snapshot or the new one, never half of either; its
 * first statement takes an advisory lock (docs/adr/0005-advisory-locks.md, {@value #LOCK}), so one node rebuilds at a
 * time: the nightly run and the one after start-up skip when another node is at it or today's snapshot is there,
 * {@link #rebuild()} waits for it and counts again.
 */
@Component
public class MeasuredSnapshot {

	private static final Logger log = LoggerFactory.getLogger(MeasuredSnapshot.class);

	static final long LOCK = 4242004;

	private final JdbcClient jdbc;
	private final ClosedCases closed;
	private final Calendars calendars;
	private final Clock clock;
	private final TransactionTemplate transaction;

	MeasuredSnapshot(JdbcClient jdbc, ClosedCases closed, Calendars calendars, Clock clock, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.closed = closed;
		this.calendars = calendars;
		this.clock = clock;
		this.transaction = transaction;
	}

	/**
	 * What a rebuild counted.
	 *
	 * @param asOf the snapshot's day, null when the rebuild was skipped
	 * @param cases the issued cases counted
	 * @param rows the histogram rows written
	 * @param millis how long it took
	 */
	public record Rebuilt(LocalDate asOf, long cases, int rows, long millis) {
	}

	/** Counts the snapshot now, after a rebuild under way on another node, and replaces the stored one. */
	public Rebuilt rebuild() {
		return transaction.execute(status -> {
			jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(LOCK).query(Integer.class).single();
			return count();
		});
	}

	/** Every night, in China's time, after the day's last cases are issued. */
	@Scheduled(cron = "${onego.supervision.measured-cron:0 30 1 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		rebuildIfOlderThanToday();
	}

	/**
	 * Once after start-up when the stored snapshot is not today's (a node down overnight, a new database): in the
	 * background, for at ten million cases it reads for minutes.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void afterStartUp() {
		Thread counting = new Thread(() -> {
			try {
				rebuildIfOlderThanToday();
			}
			catch (RuntimeException e) {
				log.warn("Measured figures: snapshot not rebuilt after start-up, the nightly run will: {}", e.toString());
			}
		}, "measured-snapshot");
		counting.setDaemon(true);
		counting.start();
	}

	/** Counts again after cases were loaded in bulk (the demo's history), in the thread that loaded them. */
	@EventListener
	void afterBulkLoad(CasesLoaded loaded) {
		rebuild();
	}

	/** Rebuilds unless another node is at it or today's snapshot is stored. */
	Rebuilt rebuildIfOlderThanToday() {
		return transaction.execute(status -> {
			boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
			LocalDate stored = jdbc.sql("SELECT max(as_of) FROM measured_outcome").query((rs, n) -> rs.getObject(1, LocalDate.class))
				.list()
				.get(0);
			if (!mine || (stored != null && !stored.isBefore(LocalDate.now(clock)))) {
				return new Rebuilt(null, 0, 0, 0);
			}
			return count();
		});
	}

	/** The histogram of every prefix and matter, counted and written in the caller's transaction. */
	private Rebuilt count() {
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		LocalDate since = today.minusDays(MeasuredOutcomes.PERIOD_DAYS);
		Function<String, WorkingDayCalendar> calendarOf = MeasuredOutcomes.calendarsOf(calendars);
		Map<Key, OutcomeHistogram.Bucket> histograms = new HashMap<>();
		long cases = 0;
		for (ClosedCases.Scope scope : closed.issuedScopes(since)) {
			for (ClosedCase c : closed.issuedIn(scope, since)) {
				OutcomeHistogram.Bucket bucket = OutcomeHistogram.Bucket.of(c, calendarOf);
				for (String prefix : prefixes(c.region())) {
					histograms.merge(new Key(prefix, c.matter(), bucket.workingDays()), bucket, OutcomeHistogram.Bucket::plus);
				}
				cases++;
			}
		}
		write(today, histograms);
		Rebuilt rebuilt = new Rebuilt(today, cases, histograms.size(), (System.nanoTime() - started) / 1_000_000);
		log.info("Measured figures: snapshot as of {} from {} issued cases, {} rows, in {} ms", rebuilt.asOf(), rebuilt.cases(),
				rebuilt.rows(), rebuilt.millis());
		return rebuilt;
	}

	private record Key(String prefix, String matter, int workingDays) {
	}

	/**
	 * Every prefix under which a query can ask for a case of the region ({@link MeasuredOutcomes#prefixOf}): all
	 * regions, its province, its city, then the whole code of the region and of each level above it below the city
	 * (a county for a town).
	 */
	static List<String> prefixes(String region) {
		List<String> prefixes = new ArrayList<>(List.of("", region.substring(0, 2), region.substring(0, 4)));
		for (int length = 6; length <= region.length(); length += 3) {
			prefixes.add(region.substring(0, length));
		}
		return prefixes;
	}

	private void write(LocalDate asOf, Map<Key, OutcomeHistogram.Bucket> histograms) {
		jdbc.sql("DELETE FROM measured_outcome").update();
		List<Map.Entry<Key, OutcomeHistogram.Bucket>> rows = List.copyOf(histograms.entrySet());
		jdbc.sql("""
				INSERT INTO measured_outcome (as_of, region_prefix, matter, working_days, cases, trips, uploads, uploaded_cases)
				SELECT ?::date, * FROM unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::bigint[], ?::bigint[], ?::int[])""")
			.params(asOf, rows.stream().map(e -> e.getKey().prefix()).toArray(String[]::new),
					rows.stream().map(e -> e.getKey().matter()).toArray(String[]::new),
					rows.stream().map(e -> e.getKey().workingDays()).toArray(Integer[]::new),
					rows.stream().map(e -> e.getValue().cases()).toArray(Long[]::new),
					rows.stream().map(e -> e.getValue().trips()).toArray(Long[]::new),
					rows.stream().map(e -> e.getValue().uploads()).toArray(Long[]::new),
					rows.stream().map(e -> e.getValue().uploadedCases()).toArray(Long[]::new))
			.update();
	}
}
