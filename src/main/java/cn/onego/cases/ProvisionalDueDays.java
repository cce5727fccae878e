package cn.onego.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.clock.CalendarYearLoaded;
import cn.onego.clock.Calendars;
import cn.onego.clock.Deadline;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * When a year's holidays are loaded, the days computed into it on its weekends alone are computed for good: the
 * promised date of each accepted case (the same number of working days from the day after acceptance) and the due
 * and warning days of each open task (from its clock). A case whose promised date moved, or became final, gets a
 * step in its history and, while it is open, a message to its applicant. Each case is one transaction that raises
 * the versions of the rows it changes, so a clerk or reviewer working on it at that moment is told to reload, never
 * overwritten.
 */
@Component
class ProvisionalDueDays {

	private static final Logger log = LoggerFactory.getLogger(ProvisionalDueDays.class);

	private static final String[] OPEN_TASK_STATES = Arrays.stream(TaskState.values())
		.filter(s -> !s.settled())
		.map(Enum::name)
		.toArray(String[]::new);

	private final JdbcClient jdbc;
	private final Calendars calendars;
	private final TaskClocks clocks;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final CaseRows rows;
	private final RememberedCases remembered;

	ProvisionalDueDays(JdbcClient jdbc, Calendars calendars, TaskClocks clocks, TransactionTemplate transactions, Clock clock,
			CaseRows rows, RememberedCases remembered) {
		this.rows = rows;
		this.remembered = remembered;
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.clocks = clocks;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(CalendarYearLoaded loaded) {
		calendars.catchUp();
		int changed = settle(loaded.year());
		log.info("Holidays of {} loaded: {} cases' provisional due days computed again", loaded.year(), changed);
	}

	/** Computes again every provisional day in the year; answers how many cases changed. */
	int settle(int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		List<UUID> candidates = jdbc.sql("""
				SELECT id FROM case_file WHERE promised_date >= ? AND accepted_at IS NOT NULL
				UNION
				SELECT case_id FROM case_task WHERE due_on >= ? AND state = ANY (?)""")
			.params(from, from, OPEN_TASK_STATES)
			.query(UUID.class)
			.list();
		int changed = 0;
		for (UUID caseId : candidates) {
			Boolean moved = transactions.execute(status -> settleCase(caseId, year));
			changed += Boolean.TRUE.equals(moved) ? 1 : 0;
		}
		return changed;
	}

	private boolean settleCase(UUID caseId, int year) {
		var row = jdbc.sql("""
				SELECT region, number, applicant_username, accepted_at, promised_date, closed_at IS NOT NULL FROM case_file
				WHERE id = ? FOR UPDATE""")
			.param(caseId)
			.query((rs, n) -> new CaseRow(RegionCode.of(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4) == null ? null : clocks.day(rs.getTimestamp(4).toInstant()),
					rs.getObject(5, LocalDate.class), rs.getBoolean(6)))
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		CaseRow c = row.get();
		WorkingDayCalendar now = calendars.of(c.region()).provisional();
		boolean tasksMoved = settleTasks(caseId, year, now);
		LocalDate promised = c.promised();
		if (promised == null || c.acceptedOn() == null || promised.getYear() < year) {
			return tasksMoved;
		}
		// the promise counted its working days on the calendar before the year was loaded: the same count, now for good
		int days = calendars.of(c.region()).without(year).provisional().workingDaysBetween(c.acceptedOn(), promised);
		LocalDate settled = now.plusWorkingDays(c.acceptedOn(), days);
		jdbc.sql("UPDATE case_file SET promised_date = ?, version = version + 1, revision = revision + 1 WHERE id = ?")
			.params(settled, caseId)
			.update();
		remembered.forget(CaseId.of(caseId));
		boolean still = !now.loaded(settled);
		Label day = PlainWords.day(settled);
		String zh = "承诺办结日期按" + year + "年节假日安排" + (still ? "重新推算为" + day.zh() + "（仍为暂定）" : "确定为" + day.zh());
		String en = "the promised date " + (still ? "was recounted as " + day.en() + " (still provisional)" : "was settled as " + day.en())
				+ " on the public holidays of " + year;
		Timestamp at = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO case_history (case_id, task_id, at, actor, action, from_state, to_state, message)
				VALUES (?, NULL, ?, ?, 'PROMISED_DATE_SETTLED', NULL, NULL, ?::jsonb)""")
			.params(caseId, at, Act.SYSTEM, rows.write(StepMessage.of(still ? HistoryText.PROMISED_DATE_RECOUNTED
					: HistoryText.PROMISED_DATE_SETTLED, "year", year, "promised", settled, "before", promised)))
			.update();
		// a closed case keeps a true record of its promise, but its applicant is not texted about a case long done
		if (c.applicant() != null && !c.closed()) {
			jdbc.sql("""
					INSERT INTO notification (event_key, recipient, case_id, channel, text_zh, text_en, created_at)
					VALUES (?, ?, ?, 'SMS', ?, ?, ?) ON CONFLICT (event_key) DO NOTHING""")
				.params(caseId + ":promised-settled:" + year, c.applicant(), caseId, "办件 " + c.number() + " 的" + zh + "。",
						"Case " + c.number() + ": " + en + ".", at)
				.update();
		}
		return true;
	}

	/** The open tasks' due and warning days, from their clocks on the calendar as it is now. */
	private boolean settleTasks(UUID caseId, int year, WorkingDayCalendar now) {
		List<OpenTask> tasks = jdbc.sql("""
				SELECT id, started_on, limit_days, lost_days, paused_on, due_on FROM case_task
				WHERE case_id = ? AND due_on >= ? AND started_on IS NOT NULL AND limit_days IS NOT NULL AND state = ANY (?)""")
			.params(caseId, LocalDate.of(year, 1, 1), OPEN_TASK_STATES)
			.query((rs, n) -> new OpenTask(rs.getObject(1, UUID.class), new Deadline(rs.getObject(2, LocalDate.class),
					rs.getInt(3), rs.getInt(4), rs.getObject(5, LocalDate.class)), rs.getObject(6, LocalDate.class)))
			.list();
		boolean moved = false;
		for (OpenTask t : tasks) {
			LocalDate due = t.deadline().due(now);
			LocalDate warn = clocks.warnOn(now, t.deadline());
			int version = jdbc.sql("UPDATE case_task SET due_on = ?, warn_on = ?, version = version + 1 WHERE id = ? RETURNING version")
				.params(due, warn, t.id())
				.query(Integer.class)
				.single();
			jdbc.sql("UPDATE open_deadline SET due_on = ?, warn_on = ? WHERE task_id = ?").params(due, warn, t.id()).update();
			// the reviewer's queue shows the task whole, its version included (V70)
			jdbc.sql("UPDATE queued_task SET due_on = ?, warn_on = ?, version = ? WHERE id = ?").params(due, warn, version, t.id()).update();
			moved |= !due.equals(t.due());
		}
		if (!tasks.isEmpty()) {
			// the tasks' versions moved, so the case's revision must too: a node that remembers the case decides on it no more
			jdbc.sql("UPDATE case_file SET revision = revision + 1 WHERE id = ?").param(caseId).update();
			remembered.forget(CaseId.of(caseId));
		}
		return moved;
	}

	private record CaseRow(RegionCode region, String number, String applicant, LocalDate acceptedOn, LocalDate promised,
			boolean closed) {
	}

	private record OpenTask(UUID id, Deadline deadline, LocalDate due) {
	}
}
