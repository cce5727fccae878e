package cn.onego.supervision;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.cases.CaseFact;
import cn.onego.cases.CaseFacts;

/**
 * Keeps the daily aggregates up to date from the case flow's ledger of {@link CaseFact}s, which every transition
 * writes in its own statement (so each event counts exactly once, at no cost of its own). {@link #fold()} takes the
 * oldest facts out of the ledger and adds them to the aggregates in one statement, in the same transaction, on one
 * node at a time.
 * <p>
 * Each count goes into a detailed table (every dimension a filter can name) and a rollup at the dashboard's usual grain
 * (cases by day, county and accepting region; tasks by day, county and department), in the same statement, so the two
 * never disagree.
 * <p>
 * A case received by a hall of another region (跨域通办) is counted once, under its competent region, with the
 * accepting region beside it in the case counts (the region itself for a local case): the competent region's volumes
 * include it, and the dashboard's 跨域 figures read it for both regions. The tasks are the competent region's
 * departments' work and are counted there alone.
 */
@Component
class Aggregates {

	private static final long FOLD_LOCK = 4242003;
	private static final int BATCH = 20_000;

	private final JdbcClient jdbc;
	private final CaseFacts facts;

	Aggregates(JdbcClient jdbc, CaseFacts facts) {
		this.jdbc = jdbc;
		this.facts = facts;
	}

	/**
	 * Adds the waiting facts to the daily aggregates, a batch per transaction. One node folds at a time (an advisory
	 * lock, docs/adr/0005-advisory-locks.md), so two folds never lock the same aggregate rows in different orders.
	 *
	 * @return the number of facts folded
	 */
	@Scheduled(fixedDelayString = "${onego.supervision.fold-interval:1s}", initialDelayString = "${onego.supervision.fold-interval:1s}")
	@Transactional
	int fold() {
		if (!jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(FOLD_LOCK).query(Boolean.class).single()) {
			return 0;
		}
		List<CaseFact> batch = facts.take(BATCH);
		if (batch.isEmpty()) {
			return 0;
		}
		jdbc.sql("""
				WITH batch AS (
				    SELECT * FROM unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[],
				        ?::boolean[], ?::int[], ?::int[], ?::text[])
				        AS f(kind, day, region, hall, department, matter, channel, late, late_on_critical_path, handling_days, limit_days,
				            accepting_region)
				), case_counts AS (
				    INSERT INTO supervision_case_day (day, region, hall, matter, channel, accepting_region, submitted, accepted, not_accepted,
				        issued, refused)
				    SELECT day, region, hall, matter, channel, accepting_region,
				           count(*) FILTER (WHERE kind = 'SUBMITTED'), count(*) FILTER (WHERE kind = 'ACCEPTED'),
				           count(*) FILTER (WHERE kind = 'NOT_ACCEPTED'), count(*) FILTER (WHERE kind = 'ISSUED'),
				           count(*) FILTER (WHERE kind = 'REFUSED')
				    FROM batch WHERE kind <> 'DECIDED'
				    GROUP BY day, region, hall, matter, channel, accepting_region
				    ON CONFLICT (day, region, hall, matter, channel, accepting_region) DO UPDATE SET
				        submitted = supervision_case_day.submitted + excluded.submitted,
				        accepted = supervision_case_day.accepted + excluded.accepted,
				        not_accepted = supervision_case_day.not_accepted + excluded.not_accepted,
				        issued = supervision_case_day.issued + excluded.issued,
				        refused = supervision_case_day.refused + excluded.refused
				), region_counts AS (
				    INSERT INTO supervision_region_day (day, region, accepting_region, submitted, accepted, not_accepted, issued, refused)
				    SELECT day, region, accepting_region,
				           count(*) FILTER (WHERE kind = 'SUBMITTED'), count(*) FILTER (WHERE kind = 'ACCEPTED'),
				           count(*) FILTER (WHERE kind = 'NOT_ACCEPTED'), count(*) FILTER (WHERE kind = 'ISSUED'),
				           count(*) FILTER (WHERE kind = 'REFUSED')
				    FROM batch WHERE kind <> 'DECIDED'
				    GROUP BY day, region, accepting_region
				    ON CONFLICT (day, region, accepting_region) DO UPDATE SET
				        submitted = supervision_region_day.submitted + excluded.submitted,
				        accepted = supervision_region_day.accepted + excluded.accepted,
				        not_accepted = supervision_region_day.not_accepted + excluded.not_accepted,
				        issued = supervision_region_day.issued + excluded.issued,
				        refused = supervision_region_day.refused + excluded.refused
				), task_counts AS (
				    INSERT INTO supervision_task_day (day, region, hall, department, matter, channel, decided, on_time, late,
				        late_on_critical_path, handling_days, limit_days)
				    SELECT day, region, hall, department, matter, channel, count(*), count(*) FILTER (WHERE NOT late),
				           count(*) FILTER (WHERE late), count(*) FILTER (WHERE late_on_critical_path), sum(handling_days), sum(limit_days)
				    FROM batch WHERE kind = 'DECIDED'
				    GROUP BY day, region, hall, department, matter, channel
				    ON CONFLICT (day, region, hall, department, matter, channel) DO UPDATE SET
				        decided = supervision_task_day.decided + excluded.decided,
				        on_time = supervision_task_day.on_time + excluded.on_time,
				        late = supervision_task_day.late + excluded.late,
				        late_on_critical_path = supervision_task_day.late_on_critical_path + excluded.late_on_critical_path,
				        handling_days = supervision_task_day.handling_days + excluded.handling_days,
				        limit_days = supervision_task_day.limit_days + excluded.limit_days
				)
				INSERT INTO supervision_department_day (day, region, department, decided, on_time, late, late_on_critical_path,
				    handling_days, limit_days)
				SELECT day, region, department, count(*), count(*) FILTER (WHERE NOT late), count(*) FILTER (WHERE late),
				       count(*) FILTER (WHERE late_on_critical_path), sum(handling_days), sum(limit_days)
				FROM batch WHERE kind = 'DECIDED'
				GROUP BY day, region, department
				ON CONFLICT (day, region, department) DO UPDATE SET
				    decided = supervision_department_day.decided + excluded.decided,
				    on_time = supervision_department_day.on_time + excluded.on_time,
				    late = supervision_department_day.late + excluded.late,
				    late_on_critical_path = supervision_department_day.late_on_critical_path + excluded.late_on_critical_path,
				    handling_days = supervision_department_day.handling_days + excluded.handling_days,
				    limit_days = supervision_department_day.limit_days + excluded.limit_days""")
			.params(column(batch, f -> f.kind().name()), column(batch, CaseFact::day), column(batch, CaseFact::region),
					column(batch, CaseFact::hall), column(batch, CaseFact::department), column(batch, CaseFact::matter),
					column(batch, CaseFact::channel), batch.stream().map(CaseFact::late).toArray(Boolean[]::new),
					batch.stream().map(CaseFact::lateOnCriticalPath).toArray(Boolean[]::new),
					batch.stream().map(CaseFact::handlingDays).toArray(Integer[]::new),
					batch.stream().map(CaseFact::limitDays).toArray(Integer[]::new), column(batch, CaseFact::acceptingRegion))
			.update();
		return batch.size();
	}

	private static String[] column(List<CaseFact> facts, Function<CaseFact, Object> value) {
		return facts.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
	}
}
