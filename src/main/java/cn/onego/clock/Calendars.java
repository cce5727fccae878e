package cn.onego.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Region;
import cn.onego.clock.WorkingDayCalendar.Kind;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.shared.RegionCode;

/**
 * The working-day calendars in force: the national one, and per region the national one with the
 * region's own days (and its parents') laid over it. Loaded years come from the shipped file of
 * official notices and from administrators; every administrator's change is audited.
 * <p>
 * Deadlines are computed on every request, so the calendars are computed from an in-memory snapshot of
 * the tables, refreshed when {@code calendar_change} shows a change (made here or on another node).
 * Changes themselves are {@link CalendarAdministration}'s.
 */
@Service
public class Calendars implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Calendars.class);

	static final String NATIONAL = "";

	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final ResourceLoader resources;
	private final CalendarAdministration administration;
	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
	private final java.time.Clock clock;

	Calendars(JdbcClient jdbc, CatalogQueries catalog, ResourceLoader resources, CalendarAdministration administration,
			java.time.Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.resources = resources;
		this.administration = administration;
		this.clock = clock;
	}

	/** The loaded years and every exception day by region ('' for national), with the last change seen. */
	record Snapshot(Set<Integer> years, Map<String, Map<LocalDate, Kind>> days, long lastChange) {
	}

	/** A year as an official notice gives it. */
	public record YearDefinition(int year, String source, List<OffRange> off, List<WorkDay> work) {
	}

	public record OffRange(LocalDate from, LocalDate to, String name) {
	}

	public record WorkDay(LocalDate day, String name) {
	}

	/** A day added for a region (or nationally when {@code region} is null). */
	public record DayDefinition(String region, LocalDate day, Kind kind, String name) {
	}

	public record Change(long id, Instant at, String actor, String action, String detail) {
	}

	// ------------------------------------------------------------------ loading

	@Override
	public void afterSingletonsInstantiated() {
		administration.loadShipped(ShippedHolidays.read(resources));
		refresh();
	}

	/** Re-reads the calendar when another node (or an administrator here) changed it. */
	@Scheduled(fixedDelayString = "${onego.calendar.refresh-interval:30s}", initialDelayString = "${onego.calendar.refresh-interval:30s}")
	void refreshIfChanged() {
		Snapshot current = snapshot.get();
		if (current == null || lastChange() != current.lastChange()) {
			refresh();
		}
	}

	/**
	 * Re-reads the calendar now if it changed: for a listener told of a change before this node's scheduled
	 * refresh has seen it.
	 */
	public void catchUp() {
		refreshIfChanged();
	}

	/** Tells the operators, each morning, when the calendar is not ready for the limits running now. */
	@Scheduled(cron = "${onego.calendar.readiness-check:0 0 8 * * *}", zone = "Asia/Shanghai")
	void warnWhenNotReady() {
		CalendarReadiness.warning(LocalDate.now(clock), snapshot.get().years())
			.ifPresent(warning -> log.warn("Working-day calendar: {}", warning.en()));
	}

	/** What an administrator must load, if anything, on the platform's today. */
	public java.util.Optional<Message> readiness() {
		return CalendarReadiness.warning(LocalDate.now(clock), snapshot.get().years());
	}

	private long lastChange() {
		return jdbc.sql("SELECT coalesce(max(id), 0) FROM calendar_change").query(Long.class).single();
	}

	private void refresh() {
		long last = lastChange();
		Set<Integer> years = new HashSet<>(jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list());
		Map<String, Map<LocalDate, Kind>> days = new HashMap<>();
		jdbc.sql("SELECT day, region, kind FROM calendar_day").query((rs, n) -> {
			days.computeIfAbsent(rs.getString(2), r -> new HashMap<>())
				.put(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(3)));
			return null;
		}).list();
		snapshot.set(new Snapshot(Set.copyOf(years), days, last));
	}

	// ------------------------------------------------------------------ reading

	public WorkingDayCalendar national() {
		Snapshot s = snapshot.get();
		return new WorkingDayCalendar(s.years(), s.days().getOrDefault(NATIONAL, Map.of()));
	}

	/** The calendar of a region: national days, then its province's, city's and its own, the most local winning. */
	public WorkingDayCalendar of(RegionCode region) {
		Snapshot s = snapshot.get();
		Map<LocalDate, Kind> days = new HashMap<>(s.days().getOrDefault(NATIONAL, Map.of()));
		List<Region> lineage = new ArrayList<>(catalog.catalogue().lineage(region));
		Collections.reverse(lineage);
		for (Region level : lineage) {
			days.putAll(s.days().getOrDefault(level.code().value(), Map.of()));
		}
		return new WorkingDayCalendar(s.years(), days);
	}

	/** The exception days of a year for a region (national ones included), by date. */
	public Map<LocalDate, String> daysOf(int year, RegionCode region) {
		List<String> regions = new ArrayList<>(List.of(NATIONAL));
		if (region != null) {
			catalog.catalogue().lineage(region).forEach(r -> regions.add(r.code().value()));
		}
		Map<LocalDate, String> days = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT day, kind, name, region FROM calendar_day
				WHERE day BETWEEN ? AND ? AND region = ANY (?) ORDER BY day, length(region)""")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), regions.toArray(String[]::new))
			.query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getString(2) + " " + rs.getString(3)
					+ (rs.getString(4).isEmpty() ? "" : " (" + rs.getString(4) + ")")))
			.list();
		return days;
	}

	public List<Change> changes(int limit) {
		return jdbc.sql("SELECT id, at, actor, action, detail FROM calendar_change ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	// ------------------------------------------------------------------ administration

	/** Loads a year from its official notice; refused when it is loaded already or inconsistent. */
	public void loadYear(YearDefinition year, String actor) {
		administration.loadYear(year, actor);
		refresh();
	}

	/** Adds (or replaces) one day off or working day, nationally or for a region. */
	public void addDay(DayDefinition day, String actor) {
		administration.addDay(day, actor);
		refresh();
	}

	/** The year is in the calendar already. */
	public static class YearAlreadyLoaded extends Problem {

		YearAlreadyLoaded(int year) {
			super(HttpStatus.CONFLICT, "year-loaded", Message.of("年度已导入", "Year already loaded"),
					Message.of(year + "年的工作日历已导入；如需调整个别日期，请按日添加。",
							"The calendar of " + year + " is loaded already; adjust single days instead."),
					List.of());
		}
	}
}
