package cn.onego.sharing.resources;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.onego.clock.CalendarYearLoaded;
import cn.onego.clock.Calendars;

/** When a year's holidays are loaded, the answers due in it, counted on its weekends alone, are counted for good. */
@Component
class ResourceAccessDueDays {

	private static final Logger log = LoggerFactory.getLogger(ResourceAccessDueDays.class);

	private final ResourceAccessRequests requests;
	private final Calendars calendars;

	ResourceAccessDueDays(ResourceAccessRequests requests, Calendars calendars) {
		this.requests = requests;
		this.calendars = calendars;
	}

	@ApplicationModuleListener
	void on(CalendarYearLoaded loaded) {
		calendars.catchUp();
		int moved = requests.settle(loaded.year());
		log.info("Holidays of {} loaded: {} resource access requests' answer days counted again", loaded.year(), moved);
	}
}
