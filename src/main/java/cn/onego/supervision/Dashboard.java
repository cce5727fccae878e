package cn.onego.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.onego.application.Guidance;
import cn.onego.application.ReductionMetrics;
import cn.onego.cases.CaseId;
import cn.onego.cases.OpenDeadlines;
import cn.onego.cases.TaskId;
import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Deadline.Colour;
import cn.onego.evaluation.RatingStatistics;
import cn.onego.evaluation.Ratings;
import cn.onego.identity.Actor;
import cn.onego.platform.ReadOnlyData;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * The supervision dashboard's figures, read from the daily aggregates and the live warnings — from the read
 * replica when there is one that keeps up ({@link ReadOnlyData}): a dashboard may be a moment behind.
 */
@Service
public class Dashboard {

	private final ReadOnlyData reads;
	private final CatalogQueries catalog;
	private final Guidance guidance;
	private final Ratings ratings;
	private final OpenDeadlines deadlines;
	private final CaseCounts caseCounts;

	Dashboard(ReadOnlyData reads, CatalogQueries catalog, Guidance guidance, Ratings ratings, OpenDeadlines deadlines,
			CaseCounts caseCounts) {
		this.caseCounts = caseCounts;
		this.reads = reads;
		this.catalog = catalog;
		this.guidance = guidance;
		this.ratings = ratings;
		this.deadlines = deadlines;
	}

	/**
	 * What to look at: a region (and everything below it), a hall, a department, a matter and a channel,
	 * each optional, for the days from {@code from} to {@code to}, both included.
	 */
	public record Filter(String region, String hall, String department, String matter, String channel, LocalDate from,
			LocalDate to) {

		String regionPattern() {
			if (region == null) {
				return null;
			}
			return RegionCode.of(region).prefix() + "%";
		}
	}

	public record Volume(LocalDate day, long submitted, long accepted, long notAccepted, long issued, long refused) {
	}

	public record DepartmentFigures(String department, String name, long decided, long onTime, long late,
			long lateOnCriticalPath, BigDecimal onTimeRate, BigDecimal averageHandlingDays, BigDecimal averageLimitDays) {
	}

	public record Warning(TaskId taskId, CaseId caseId, String caseNumber, String item, String itemName, String department,
			String departmentName, Colour colour, LocalDate dueOn, Label itemLabel) {
	}

	public record Overview(Filter filter, List<Volume> volumes, long tasksDecided, long tasksLate, BigDecimal onTimeRate,
			BigDecimal averageHandlingDays, BigDecimal averageLimitDays, List<DepartmentFigures> bottlenecks, long yellow,
			long red, List<Warning> warnings, ReductionMetrics.Aggregate reduction, RatingStatistics satisfaction,
			CrossRegionVolumes crossRegion, List<Guidance.MatterMetrics> matterMetrics) {
	}

	/** The dashboard for a supervisor, of their region or one below it. */
	public Overview overview(Actor actor, Filter f) {
		requireScope(actor, f);
		return overview(f);
	}

	Overview overview(Filter f) {
		// one pass over the task aggregates gives both the departments and the totals: a second pass over the
		// same rows cost as much again at 10 million cases ("10 million cases" in docs/PERFORMANCE.md)
		List<DepartmentSums> sums = departmentSums(f);
		List<DepartmentFigures> departments = figures(sums);
		long decided = departments.stream().mapToLong(DepartmentFigures::decided).sum();
		long onTime = departments.stream().mapToLong(DepartmentFigures::onTime).sum();
		long late = departments.stream().mapToLong(DepartmentFigures::late).sum();
		long handling = sums.stream().mapToLong(DepartmentSums::handlingDays).sum();
		long limits = sums.stream().mapToLong(DepartmentSums::limitDays).sum();
		List<DepartmentFigures> bottlenecks = departments.stream()
			.filter(d -> d.late() > 0)
			.sorted((a, b) -> a.lateOnCriticalPath() != b.lateOnCriticalPath() ? Long.compare(b.lateOnCriticalPath(), a.lateOnCriticalPath())
					: Long.compare(b.late(), a.late()))
			.limit(10)
			.toList();
		List<Warning> warnings = warnings(f, 200);
		Map<Colour, Long> colours = deadlines.count(scope(f));
		RegionCode region = f.region() == null ? RegionCode.of("430000") : RegionCode.of(f.region());
		List<RatingStatistics> satisfaction = ratings.statistics(Ratings.GroupBy.REGION, f.from(), f.to().plusDays(1), region.value());
		long[] counts = new long[5];
		long rectifications = 0;
		long closed = 0;
		for (RatingStatistics s : satisfaction) {
			for (int i = 0; i < 5; i++) {
				counts[i] += s.counts()[i];
			}
			rectifications += s.rectifications();
			closed += s.rectificationsClosed();
		}
		Guidance.RegionReport report = guidance.regionReport(region);
		return new Overview(f, volumes(f), decided, late, rate(onTime, decided),
				average(handling, decided), average(limits, decided),
				bottlenecks, colours.getOrDefault(Colour.YELLOW, 0L), colours.getOrDefault(Colour.RED, 0L), warnings,
				report.aggregate(), RatingStatistics.of(region.value(),
						catalog.catalogue().region(region).map(r -> r.name()).orElse(region.value()), counts, rectifications, closed),
				caseCounts.crossRegion(f, CrossRegionVolumes.TOP_PARTNERS), report.matters());
	}

	public List<Volume> volumes(Filter f) {
		return caseCounts.volumes(f);
	}

	/**
	 * 跨域通办 for the filter's region: the cases its halls received for regions outside it, and those received outside
	 * it for regions inside it, with the partner regions named. The hall, matter and channel filters narrow them as they
	 * narrow the volumes; a department does not (the case counts have none). Without a region there is no outside.
	 */
	public CrossRegionVolumes crossRegion(Filter f) {
		return caseCounts.crossRegion(f, Integer.MAX_VALUE);
	}

	/** A department's sums over the filter's rows, from which its figures and the overview's totals follow. */
	private record DepartmentSums(String department, long decided, long onTime, long late, long lateOnCriticalPath,
			long handlingDays, long limitDays) {
	}

	public List<DepartmentFigures> departments(Filter f) {
		return figures(departmentSums(f));
	}

	private List<DepartmentFigures> figures(List<DepartmentSums> sums) {
		var catalogue = catalog.catalogue();
		return sums.stream()
			.map(d -> new DepartmentFigures(d.department(), catalogue.department(d.department()).map(x -> x.name()).orElse(d.department()),
					d.decided(), d.onTime(), d.late(), d.lateOnCriticalPath(), rate(d.onTime(), d.decided()),
					average(d.handlingDays(), d.decided()), average(d.limitDays(), d.decided())))
			.toList();
	}

	/**
	 * Without a hall, matter or channel to filter by, the sums come from the rollup by day, county and
	 * department, a small fraction of the detailed rows; the fold keeps both in one statement.
	 */
	private List<DepartmentSums> departmentSums(Filter f) {
		boolean detailed = f.hall() != null || f.matter() != null || f.channel() != null;
		Conditions where = Conditions.of(f, true, "region", "hall", "department", "matter", "channel");
		String table = detailed ? "supervision_task_day" : "supervision_department_day";
		return reads.jdbc().sql("SELECT department, sum(decided), sum(on_time), sum(late), sum(late_on_critical_path), sum(handling_days),"
				+ " sum(limit_days) FROM " + table + where.sql() + " GROUP BY department ORDER BY department")
			.params(where.params())
			.query((rs, n) -> new DepartmentSums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** The tasks yellow or red now (read through the colour index), red first, then by due day. */
	public List<Warning> warnings(Filter f) {
		return warnings(f, 5000);
	}

	/** The warned tasks of the filter's scope, as the case flow's open deadlines list them, with names. */
	private List<Warning> warnings(Filter f, int limit) {
		var catalogue = catalog.catalogue();
		return deadlines.list(scope(f), limit)
			.stream()
			.map(w -> new Warning(w.task(), w.caseId(), w.caseNumber(), w.item(),
					catalogue.item(w.item()).map(i -> i.name().zh()).orElse(w.item()), w.department(),
					catalogue.department(w.department()).map(d -> d.name()).orElse(w.department()), w.colour(), w.dueOn(),
					catalogue.item(w.item()).map(i -> i.name()).orElse(null)))
			.toList();
	}

	private static OpenDeadlines.Scope scope(Filter f) {
		return new OpenDeadlines.Scope(f.region() == null ? null : RegionCode.of(f.region()), f.hall(), f.department(), f.matter(),
				f.channel());
	}

	/** A dashboard table as rows of named columns, for export. */
	public record Table(String name, List<String> columns, List<Map<String, Object>> rows) {
	}

	/** A table of the dashboard, for export, for a supervisor of its region. */
	public Table table(Actor actor, String name, Filter f) {
		requireScope(actor, f);
		return table(name, f);
	}

	/** Supervisors see their own region and what lies below it, never a neighbour's. */
	private static void requireScope(Actor actor, Filter f) {
		if (!actor.supervises(f.region())) {
			throw new cn.onego.evaluation.Rectifications.NotResponsible();
		}
	}

	Table table(String name, Filter f) {
		List<Map<String, Object>> rows = new ArrayList<>();
		return switch (name) {
			case "volumes" -> {
				volumes(f).forEach(v -> rows.add(row("日期 day", v.day(), "提交 submitted", v.submitted(), "受理 accepted", v.accepted(),
						"不予受理 not accepted", v.notAccepted(), "出件 issued", v.issued(), "不予许可 refused", v.refused())));
				yield new Table(name, List.of("日期 day", "提交 submitted", "受理 accepted", "不予受理 not accepted", "出件 issued",
						"不予许可 refused"), rows);
			}
			case "departments" -> {
				departments(f).forEach(d -> rows.add(row("部门编码 code", d.department(), "部门 department", d.name(), "办结 decided",
						d.decided(), "按时 on time", d.onTime(), "超期 late", d.late(), "关键路径超期 late on critical path",
						d.lateOnCriticalPath(), "按时率 on-time %", d.onTimeRate(), "平均用时(工作日) average days", d.averageHandlingDays(),
						"平均时限(工作日) average limit", d.averageLimitDays())));
				yield new Table(name, List.of("部门编码 code", "部门 department", "办结 decided", "按时 on time", "超期 late",
						"关键路径超期 late on critical path", "按时率 on-time %", "平均用时(工作日) average days", "平均时限(工作日) average limit"), rows);
			}
			case "warnings" -> {
				warnings(f).forEach(w -> rows.add(row("办件编号 case", w.caseNumber(), "事项 item", w.itemName(), "部门 department",
						w.departmentName(), "预警 colour", w.colour(), "期限 due", w.dueOn())));
				yield new Table(name, List.of("办件编号 case", "事项 item", "部门 department", "预警 colour", "期限 due"), rows);
			}
			case "cross-region" -> {
				CrossRegionVolumes cross = crossRegion(f);
				List<String> columns = List.of("方向 direction", "对方地区 partner region", "提交 submitted", "受理 accepted", "出件 issued");
				cross.receivedForOthers().partners().forEach(p -> rows.add(row(columns.get(0), "异地代收 received here for others",
						columns.get(1), p.name().zh(), columns.get(2), p.submitted(), columns.get(3), p.accepted(), columns.get(4), p.issued())));
				cross.receivedElsewhere().partners().forEach(p -> rows.add(row(columns.get(0), "外地收件、本地办理 received elsewhere for here",
						columns.get(1), p.name().zh(), columns.get(2), p.submitted(), columns.get(3), p.accepted(), columns.get(4), p.issued())));
				yield new Table(name, columns, rows);
			}
			default -> throw cn.onego.platform.InvalidInput.of("table", "unknown", cn.onego.platform.Message.of(
					"可导出的表：volumes、departments、warnings、cross-region", "tables to export: volumes, departments, warnings, cross-region"));
		};
	}

	private static Map<String, Object> row(Object... pairs) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			row.put((String) pairs[i], pairs[i + 1]);
		}
		return row;
	}

	private static BigDecimal rate(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}

	private static BigDecimal average(long sum, long count) {
		return count == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
	}
}
