package cn.onego.clock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Calendars.DayDefinition;
import cn.onego.clock.Calendars.OffRange;
import cn.onego.clock.Calendars.WorkDay;
import cn.onego.clock.Calendars.YearAlreadyLoaded;
import cn.onego.clock.Calendars.YearDefinition;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.shared.RegionCode;

/**
 * Changes to the working-day calendar: a year loaded from its official notice (shipped, or by an
 * administrator) and single days added, nationally or for a region. A year is loaded whole, in one
 * transaction, and only once; later adjustments are single days. Every change is written to
 * {@code calendar_change}, which is also how the other nodes learn that they must refresh.
 */
@Component
class CalendarAdministration {

	// the log lines keep the category they had when Calendars loaded the shipped years itself
	private static final Logger log = LoggerFactory.getLogger(Calendars.class);

	/** The most holidays or adjusted working days one year's notice lists (a real one has a dozen). */
	static final int MAX_DAYS = 50;

	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	CalendarAdministration(JdbcClient jdbc, CatalogQueries catalog, TransactionTemplate transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.transactions = transactions;
		this.clock = clock;
		this.events = events;
	}

	/** Loads each shipped year the database does not have yet; each node may try, one loads. */
	void loadShipped(List<YearDefinition> shipped) {
		for (YearDefinition year : shipped) {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("SELECT pg_advisory_xact_lock(4242002)").query(Object.class).single();
				if (!yearLoaded(year.year())) {
					insertYear(year, "system");
					log.info("Loaded the {} holidays from {}", year.year(), year.source());
				}
			});
		}
	}

	/** Loads a year from its official notice; refused when it is loaded already or inconsistent. */
	void loadYear(YearDefinition year, String actor) {
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
	}

	/** Adds (or replaces) one day off or working day, nationally or for a region. */
	void addDay(DayDefinition day, String actor) {
		List<FieldProblem> problems = new ArrayList<>();
		String region = day.region() == null || day.region().isBlank() ? Calendars.NATIONAL : day.region().trim();
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
	}

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
		// in the same transaction: the provisional due days are computed again exactly when the year is there
		events.publishEvent(new CalendarYearLoaded(year.year()));
	}

	private void audit(String actor, String action, String detail) {
		jdbc.sql("INSERT INTO calendar_change (at, actor, action, detail) VALUES (?, ?, ?, ?)")
			.params(now(), actor, action, detail)
			.update();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}
}
