package cn.onego.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.onego.clock.CalendarYearLoaded;
import cn.onego.clock.Calendars;
import cn.onego.shared.RegionCode;

/** When a year's holidays are loaded, the rectifications due in it, counted on its weekends alone, are counted for good. */
@Component
class RectificationDueDays {

	private static final Logger log = LoggerFactory.getLogger(RectificationDueDays.class);

	private final JdbcClient jdbc;
	private final Calendars calendars;
	private final Clock clock;
	private final int rectificationWorkingDays;

	RectificationDueDays(JdbcClient jdbc, Calendars calendars, Clock clock,
			@Value("${onego.evaluation.rectification-working-days:15}") int rectificationWorkingDays) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.clock = clock;
		this.rectificationWorkingDays = rectificationWorkingDays;
	}

	@ApplicationModuleListener
	void on(CalendarYearLoaded loaded) {
		calendars.catchUp();
		int moved = settleRectificationDueDays(loaded.year());
		log.info("Holidays of {} loaded: {} rectifications' due days counted again", loaded.year(), moved);
	}

	/**
	 * The open rectifications due in a year just loaded, counted again on its holidays from the day they were opened;
	 * answers how many moved. Each raises the row's version, so an edit made on the old day is told to reload.
	 */
	int settleRectificationDueDays(int year) {
		record Open(UUID id, RegionCode region, LocalDate openedOn, LocalDate due) {
		}
		List<Open> open = jdbc.sql("""
				SELECT x.id, r.region, x.opened_at, x.due_on FROM rectification x JOIN rating r ON r.id = x.rating_id
				WHERE x.state <> 'CLOSED' AND (x.due_on IS NULL OR x.due_on >= ?)""")
			.param(LocalDate.of(year, 1, 1))
			.query((rs, n) -> new Open(rs.getObject(1, UUID.class), RegionCode.of(rs.getString(2)),
					LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), clock.getZone()), rs.getObject(4, LocalDate.class)))
			.list();
		int moved = 0;
		for (Open o : open) {
			LocalDate due = calendars.of(o.region()).provisional().plusWorkingDays(o.openedOn(), rectificationWorkingDays);
			if (!due.equals(o.due())) {
				moved += jdbc.sql("UPDATE rectification SET due_on = ?, version = version + 1 WHERE id = ? AND state <> 'CLOSED'")
					.params(due, o.id())
					.update();
			}
		}
		return moved;
	}
}
