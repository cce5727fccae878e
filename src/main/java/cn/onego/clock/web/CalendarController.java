package cn.onego.clock.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.clock.CalendarNotLoaded;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.identity.Actors;
import cn.onego.platform.Message;
import cn.onego.platform.RequestValues;
import cn.onego.shared.RegionCode;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Working-day calendar 工作日历", description = "Official holidays and adjusted working days; working-day arithmetic")
class CalendarController {

	private final Calendars calendars;
	private final Actors actors;
	private final Clock clock;

	CalendarController(Calendars calendars, Actors actors, Clock clock) {
		this.calendars = calendars;
		this.actors = actors;
		this.clock = clock;
	}

	/**
	 * The platform's today. Pages take dates from here, not from the visitor's computer, whose clock and
	 * time zone may differ from the one every due day is counted on.
	 *
	 * @param workingDay whether today is a working day; null while its year's holidays are not loaded
	 * @param calendarWarning what an administrator must load for the limits running now (from 1 November: next
	 *        year's holidays), or null
	 */
	record Today(LocalDate date, String region, Boolean workingDay, Message calendarWarning) {
	}

	@GetMapping("/calendar/today")
	@Operation(summary = "Today on the platform's clock 今天", description = "China Standard Time; with region, its local days count too.")
	Today today(@RequestParam(required = false) String region) {
		LocalDate today = LocalDate.now(clock);
		Boolean working;
		try {
			working = calendar(region).isWorkingDay(today);
		}
		catch (CalendarNotLoaded notLoaded) {
			working = null;
		}
		return new Today(today, region, working, calendars.readiness().orElse(null));
	}

	record YearView(int year, String region, int workingDays, Map<LocalDate, String> exceptions) {
	}

	@GetMapping("/calendar/{year}")
	@Operation(summary = "A year's holidays and adjusted working days 年度工作日历", description = "With region: its local days too.")
	@Refuses(status = 422, code = "calendar-not-loaded", when = "a day falls in a year whose calendar is not loaded yet")
	YearView year(@PathVariable int year, @RequestParam(required = false) String region) {
		RegionCode code = RequestValues.regionCode("region", region);
		WorkingDayCalendar calendar = code == null ? calendars.national() : calendars.of(code);
		return new YearView(year, region, calendar.workingDaysIn(year), calendars.daysOf(year, code));
	}

	record Arithmetic(LocalDate from, int workingDays, LocalDate to, String region) {
	}

	@GetMapping("/calendar/working-days/after")
	@Operation(summary = "N working days after a date", description = "Counting starts the day after 'from'; 0 gives 'from' itself.")
	@Refuses(status = 422, code = "calendar-not-loaded", when = "a day falls in a year whose calendar is not loaded yet")
	Arithmetic after(@RequestParam LocalDate from, @RequestParam int days, @RequestParam(required = false) String region) {
		if (days < 0) {
			throw cn.onego.platform.InvalidInput.of("days", "range",
					cn.onego.platform.Message.of("工作日数不能为负数", "the number of working days cannot be negative"));
		}
		return new Arithmetic(from, days, calendar(region).plusWorkingDays(from, days), region);
	}

	@GetMapping("/calendar/working-days/between")
	@Operation(summary = "Working days between two dates", description = "The working days after 'from' up to and including 'to'.")
	@Refuses(status = 422, code = "calendar-not-loaded", when = "a day falls in a year whose calendar is not loaded yet")
	Arithmetic between(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) String region) {
		return new Arithmetic(from, calendar(region).workingDaysBetween(from, to), to, region);
	}

	@PostMapping("/admin/calendar/years")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Load a year from the State Council's notice 导入年度安排")
	@Refuses(status = 409, code = "year-loaded", when = "the year is loaded already")
	YearView loadYear(@RequestBody Calendars.YearDefinition year) {
		calendars.loadYear(year, actors.current().username());
		return year(year.year(), null);
	}

	@PostMapping("/admin/calendar/days")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a local day off or working day 添加地方放假或上班日", description = "For a region (and everything below it), or nationally without region.")
	Calendars.DayDefinition addDay(@RequestBody Calendars.DayDefinition day) {
		calendars.addDay(day, actors.current().username());
		return day;
	}

	@GetMapping("/admin/calendar/changes")
	@Operation(summary = "Audit of calendar changes")
	List<Calendars.Change> changes(@RequestParam(defaultValue = "100") int limit) {
		return calendars.changes(Math.min(Math.max(limit, 1), 1000));
	}

	private WorkingDayCalendar calendar(String region) {
		RegionCode code = RequestValues.regionCode("region", region);
		return code == null ? calendars.national() : calendars.of(code);
	}
}
