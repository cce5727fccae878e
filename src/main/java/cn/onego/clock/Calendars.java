package cn.onego.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Region;
import cn.onego.clock.WorkingDayCalendar.Kind;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.platform.Text;
import cn.onego.shared.RegionCode;

/**
 * The working-day calendars in force: the national one, and per region the national one with the
 * region's own days (and its parents') laid over it. Loaded years come from the shipped file of
 * official notices and from administrators; every administrator's change is audited.
 */
@Service
public class Calendars implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(Calendars.class);
	static final String NATIONAL = "";

	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final ResourceLoader resources;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	Calendars(JdbcClient jdbc, CatalogQueries catalog, ResourceLoader resources, TransactionTemplate transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.resources = resources;
		this.transactions = transactions;
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

	public record Change(long id, java.time.Instant at, String actor, String action, String detail) {
	}

	// ------------------------------------------------------------------ loading

	@Override
	public void afterSingletonsInstantiated() {
		for (YearDefinition year : shippedYears()) {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("SELECT pg_advisory_xact_lock(4242002)").query(Object.class).single();
				if (!yearLoaded(year.year())) {
					insertYear(year, "system");
					log.info("Loaded the {} holidays from {}", year.year(), year.source());
				}
			});
		}
		refresh();
	}

	@SuppressWarnings("unchecked")
	private List<YearDefinition> shippedYears() {
		try (InputStream in = resources.getResource("classpath:clock/holidays-cn.yaml").getInputStream()) {
			List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			List<YearDefinition> years = new ArrayList<>();
			for (Map<String, Object> entry : entries) {
				List<OffRange> off = ((List<Map<String, Object>>) entry.get("daysOff")).stream()
					.map(r -> new OffRange(date(r.get("from")), date(r.get("to")), (String) r.get("name")))
					.toList();
				List<WorkDay> work = ((List<Map<String, Object>>) entry.get("workingDays")).stream()
					.map(w -> new WorkDay(date(w.get("day")), (String) w.get("name")))
					.toList();
				years.add(new YearDefinition((Integer) entry.get("year"), (String) entry.get("source"), off, work));
			}
			return years;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static LocalDate date(Object value) {
		// SnakeYAML reads a bare date as midnight UTC; taking it in the JVM's zone could shift it by a day
		return value instanceof java.util.Date d ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
				: LocalDate.parse(String.valueOf(value));
	}

	/** Re-reads the calendar when another node (or an administrator here) changed it. */
	@Scheduled(fixedDelayString = "${onego.calendar.refresh-interval:30s}", initialDelayString = "${onego.calendar.refresh-interval:30s}")
	void refreshIfChanged() {
		Snapshot current = snapshot.get();
		if (current == null || lastChange() != current.lastChange()) {
			refresh();
		}
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
		java.util.Collections.reverse(lineage);
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
		List<FieldProblem> problems = check(year);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(4242002)").query(Object.class).single();
			if (yearLoaded(year.year())) {
				throw new YearAlreadyLoaded(year.year());
			}
			insertYear(year, actor);
		});
		refresh();
	}

	/** Adds (or replaces) one day off or working day, nationally or for a region. */
	public void addDay(DayDefinition day, String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		String region = day.region() == null || day.region().isBlank() ? NATIONAL : day.region().trim();
		if (!region.isEmpty() && (!RegionCode.isWellFormed(region) || catalog.catalogue().region(RegionCode.of(region)).isEmpty())) {
			String shown = region.length() > 12 ? region.substring(0, 12) + "…" : region;
			problems.add(new FieldProblem("region", "unknown", Message.of("行政区划不存在：" + shown, "unknown region: " + shown)));
		}
		if (day.day() == null) {
			problems.add(new FieldProblem("day", "required", Message.of("请填写日期", "give the date")));
		}
		else if (!yearLoaded(day.day().getYear())) {
			problems.add(new FieldProblem("day", "year-not-loaded", Message.of(day.day().getYear() + "年尚未导入，请先导入该年度的全国安排",
					"load the national calendar of " + day.day().getYear() + " first")));
		}
		if (day.kind() == null) {
			problems.add(new FieldProblem("kind", "required", Message.of("请选择放假（OFF）或上班（WORK）", "choose OFF or WORK")));
		}
		if (day.name() == null || day.name().isBlank()) {
			problems.add(new FieldProblem("name", "required", Message.of("请填写名称，如“某地方节日”", "give a name, e.g. the local holiday")));
		}
		Text.check(problems, "name", day.name(), Text.Kind.LINE, Text.NAME);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO calendar_day (day, region, kind, name, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)
					ON CONFLICT (day, region) DO UPDATE SET kind = excluded.kind, name = excluded.name,
					    added_by = excluded.added_by, added_at = excluded.added_at""")
				.params(day.day(), region, day.kind().name(), day.name().trim(), actor, now())
				.update();
			audit(actor, "ADD_DAY", (region.isEmpty() ? "national" : region) + " " + day.day() + " " + day.kind() + " " + day.name());
		});
		refresh();
	}

	/** The most holidays or adjusted working days one year's notice lists (a real one has a dozen). */
	static final int MAX_DAYS = 50;

	private List<FieldProblem> check(YearDefinition year) {
		List<FieldProblem> problems = new ArrayList<>();
		if (year.year() < 2000 || year.year() > 2100) {
			problems.add(new FieldProblem("year", "range", Message.of("年份应在2000至2100之间", "the year is between 2000 and 2100")));
			return problems;
		}
		if (year.source() == null || year.source().isBlank()) {
			problems.add(new FieldProblem("source", "required", Message.of("请注明依据的国务院办公厅通知", "name the State Council notice it follows")));
		}
		Text.check(problems, "source", year.source(), Text.Kind.LINE, 200);
		List<OffRange> ranges = year.off() == null ? List.of() : year.off();
		List<WorkDay> work = year.work() == null ? List.of() : year.work();
		if (ranges.size() > MAX_DAYS || work.size() > MAX_DAYS) {
			problems.add(new FieldProblem(ranges.size() > MAX_DAYS ? "off" : "work", "too-many",
					Message.of("至多" + MAX_DAYS + "项", "at most " + MAX_DAYS + " entries")));
			return problems;
		}
		Set<LocalDate> off = new HashSet<>();
		for (int i = 0; i < ranges.size(); i++) {
			OffRange r = ranges.get(i);
			String at = "off[" + i + "]";
			if (r == null || r.from() == null || r.to() == null || r.to().isBefore(r.from())) {
				problems.add(new FieldProblem(at, "range", Message.of("放假起止日期无效", "the holiday's dates are invalid")));
				continue;
			}
			Text.check(problems, at + ".name", r.name(), Text.Kind.LINE, Text.NAME);
			if (r.from().getYear() != year.year() || r.to().getYear() != year.year()) {
				problems.add(new FieldProblem(at, "year", Message.of("日期不在" + year.year() + "年内", "the dates are not in " + year.year())));
				continue;
			}
			for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
				off.add(d);
			}
		}
		for (int i = 0; i < work.size(); i++) {
			WorkDay w = work.get(i);
			String at = "work[" + i + "]";
			if (w != null) {
				Text.check(problems, at + ".name", w.name(), Text.Kind.LINE, Text.NAME);
			}
			if (w == null || w.day() == null || w.day().getYear() != year.year()) {
				problems.add(new FieldProblem(at, "year", Message.of("调休上班日不在" + year.year() + "年内", "the working day is not in " + year.year())));
			}
			else if (w.day().getDayOfWeek() != DayOfWeek.SATURDAY && w.day().getDayOfWeek() != DayOfWeek.SUNDAY) {
				problems.add(new FieldProblem(at, "weekday", Message.of("调休上班日应为周六或周日：" + w.day(),
						"an adjusted working day is a Saturday or Sunday: " + w.day())));
			}
			else if (off.contains(w.day())) {
				problems.add(new FieldProblem(at, "overlap", Message.of("该日期同时被列为放假：" + w.day(), "the day is also listed as off: " + w.day())));
			}
		}
		return problems;
	}

	private boolean yearLoaded(int year) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM calendar_year WHERE year = ?)").param(year).query(Boolean.class).single();
	}

	private void insertYear(YearDefinition year, String actor) {
		Timestamp now = now();
		jdbc.sql("INSERT INTO calendar_year (year, source, loaded_by, loaded_at) VALUES (?, ?, ?, ?)")
			.params(year.year(), year.source(), actor, now)
			.update();
		for (OffRange range : year.off()) {
			for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
				jdbc.sql("INSERT INTO calendar_day (day, region, kind, name, added_by, added_at) VALUES (?, '', 'OFF', ?, ?, ?) ON CONFLICT DO NOTHING")
					.params(d, range.name(), actor, now)
					.update();
			}
		}
		for (WorkDay work : year.work()) {
			jdbc.sql("INSERT INTO calendar_day (day, region, kind, name, added_by, added_at) VALUES (?, '', 'WORK', ?, ?, ?) ON CONFLICT DO NOTHING")
				.params(work.day(), work.name(), actor, now)
				.update();
		}
		audit(actor, "LOAD_YEAR", year.year() + " " + year.source());
	}

	private void audit(String actor, String action, String detail) {
		jdbc.sql("INSERT INTO calendar_change (at, actor, action, detail) VALUES (?, ?, ?, ?)")
			.params(now(), actor, action, detail)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
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
