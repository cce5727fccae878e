package cn.onego;

import java.util.Map;

/**
 * The regions the tests work in. The integration tests share one database (Spring keeps one context for
 * all of them), so a test that asserts on what is counted or listed for a whole region — a dashboard, the
 * warned tasks, rating statistics, a local working day — works in a region that belongs to it alone. Every
 * other test works in {@link #SHARED} and asserts only on the cases, people and staff it created itself.
 * {@code TestRegionsTests} checks that no owned region lies inside another or inside the shared one.
 */
public final class TestRegions {

	/** 长沙市芙蓉区, the demo district with its own hall: shared, so assert only on what you made. */
	public static final String SHARED = "430102";

	/** 怀化市鹤城区: {@code SupervisionIT}'s dashboard figures. */
	public static final String SUPERVISION = "431202";

	/** 株洲市荷塘区, in 株洲市: {@code DashboardPageIT}'s figures and warned tasks, also for its whole city. */
	public static final String DASHBOARD_PAGE_DISTRICT = "430202";
	public static final String DASHBOARD_PAGE_CITY = "430200";

	/** 湘西州吉首市: {@code DeadlineWarningsIT}'s twenty thousand tasks due in 2020. */
	public static final String DEADLINE_WARNINGS = "433101";

	/** 郴州市桂阳县: {@code EvaluationIT}'s rating statistics. */
	public static final String EVALUATION = "431021";

	/** 衡阳市 and its district 珠晖区: {@code CalendarApiIT}'s local closure. */
	public static final String CALENDAR_CITY = "430400";
	public static final String CALENDAR_DISTRICT = "430405";

	/** 湘潭市: the local working day {@code AdminPageIT} adds on the administration page. */
	public static final String ADMIN_PAGE_CITY = "430300";

	/** 岳阳市 and its district 岳阳楼区, which have no hall of their own: the halls {@code HallsIT} adds there. */
	public static final String HALLS_CITY = "430600";
	public static final String HALLS_DISTRICT = "430602";

	/**
	 * {@code CrossRegionCountsIT}'s 跨域 figures: a case of 益阳市赫山区 received by a hall of 张家界市永定区, which
	 * 永州市 does not see.
	 */
	public static final String CROSS_REGION_COMPETENT_CITY = "430900";
	public static final String CROSS_REGION_COMPETENT_DISTRICT = "430903";
	public static final String CROSS_REGION_ACCEPTING_CITY = "430800";
	public static final String CROSS_REGION_ACCEPTING_DISTRICT = "430802";
	public static final String CROSS_REGION_THIRD_CITY = "431100";

	/** {@code CrossRegionFederationIT}'s hall of 娄底市娄星区, which receives a case for a partner platform. */
	public static final String FEDERATION_ACCEPTING_CITY = "431300";
	public static final String FEDERATION_ACCEPTING_DISTRICT = "431302";

	/** 常德市 and its district 武陵区: {@code WhatIfIT}'s replayed cases, counted per department and week. */
	public static final String WHATIF_CITY = "430700";
	public static final String WHATIF_DISTRICT = "430702";
	/** 常德市鼎城区, beside WhatIfIT's district: {@code MeasuredMetricsIT}'s issued cases, whose figures it checks exactly. */
	public static final String MEASURED_METRICS = "430703";
	/** 常德市安乡县, in the same city: {@code MeasuredSnapshotIT}'s issued cases, counted into the daily snapshot. */
	public static final String MEASURED_SNAPSHOT = "430721";

	/**
	 * 郴州市宜章县 and 永兴县, beside EvaluationIT's 桂阳县: {@code RatingDaysIT}'s ratings, whose daily rollup it checks
	 * against the ratings themselves, also for their city and the province.
	 */
	public static final String RATING_DAYS = "431022";
	public static final String RATING_DAYS_OTHER = "431023";
	/** 郴州市嘉禾县 and 临武县: {@code RegionDaysIT}'s volumes, whose rollup it checks against the detailed counts. */
	public static final String REGION_DAYS = "431024";
	public static final String REGION_DAYS_OTHER = "431025";

	private TestRegions() {
	}

	/** Each owned region with the test that owns it (the districts are checked with their cities). */
	static Map<String, String> owned() {
		return Map.ofEntries(Map.entry(SUPERVISION, "SupervisionIT"), Map.entry(DASHBOARD_PAGE_CITY, "DashboardPageIT"),
				Map.entry(DEADLINE_WARNINGS, "DeadlineWarningsIT"), Map.entry(EVALUATION, "EvaluationIT"),
				Map.entry(CALENDAR_CITY, "CalendarApiIT"), Map.entry(ADMIN_PAGE_CITY, "AdminPageIT"), Map.entry(HALLS_CITY, "HallsIT"),
				Map.entry(CROSS_REGION_COMPETENT_CITY, "CrossRegionCountsIT"), Map.entry(CROSS_REGION_ACCEPTING_CITY, "CrossRegionCountsIT"),
				Map.entry(CROSS_REGION_THIRD_CITY, "CrossRegionCountsIT"), Map.entry(FEDERATION_ACCEPTING_CITY, "CrossRegionFederationIT"),
				Map.entry(WHATIF_DISTRICT, "WhatIfIT"), Map.entry(MEASURED_METRICS, "MeasuredMetricsIT"),
				Map.entry(RATING_DAYS, "RatingDaysIT"), Map.entry(RATING_DAYS_OTHER, "RatingDaysIT"), Map.entry(REGION_DAYS, "RegionDaysIT"),
				Map.entry(REGION_DAYS_OTHER, "RegionDaysIT"),
				Map.entry(MEASURED_SNAPSHOT, "MeasuredSnapshotIT"));
	}
}
