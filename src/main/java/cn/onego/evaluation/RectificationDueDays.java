package cn.onego.evaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.onego.clock.CalendarYearLoaded;
import cn.onego.clock.Calendars;

/** When a year's holidays are loaded, the rectifications due in it, counted on its weekends alone, are counted for good. */
@Component
class RectificationDueDays {

	private static final Logger log = LoggerFactory.getLogger(RectificationDueDays.class);

	private final Ratings ratings;
	private final Calendars calendars;

	RectificationDueDays(Ratings ratings, Calendars calendars) {
		this.ratings = ratings;
		this.calendars = calendars;
	}

	@ApplicationModuleListener
	void on(CalendarYearLoaded loaded) {
		calendars.catchUp();
		int moved = ratings.settleRectificationDueDays(loaded.year());
		log.info("Holidays of {} loaded: {} rectifications' due days counted again", loaded.year(), moved);
	}
}
