package cn.onego.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import cn.onego.application.Measured;
import cn.onego.application.MeasuredFigures;
import cn.onego.cases.ClosedCases.ClosedCase;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.platform.ReadOnlyData;
import cn.onego.shared.RegionCode;

/**
 * What issued cases really took, beside the reduction metrics computed from the catalogue: over the cases issued in
 * the last year ({@link #PERIOD_DAYS}), the working days from submission to issue on each case's region calendar
 * (median and mean), the trips to a hall and the materials uploaded, per case. The figures are read from the daily
 * snapshot that {@link MeasuredSnapshot} counts from the case flow's {@link cn.onego.cases.ClosedCases closed cases}
 * — a handful of rows per matter and region, never the year of cases itself — and carry the day they were counted.
 * A year not loaded in the calendar counts its weekends alone, as the demo history does.
 */
@Service
public class MeasuredOutcomes implements MeasuredFigures {

	/** The figures rest on the cases issued in this many days up to the snapshot's day. */
	static final int PERIOD_DAYS = 365;

	private final ReadOnlyData reads;

	MeasuredOutcomes(ReadOnlyData reads) {
		this.reads = reads;
	}

	@Override
	public Optional<Measured> of(String matter, RegionCode region) {
		return Optional.ofNullable(histograms(region, matter).get(matter));
	}

	@Override
	public Map<String, Measured> ofEachMatter(RegionCode region) {
		return histograms(region, null);
	}

	/** The snapshot's figures under the region's prefix, of one matter or (null) of all, by matter. */
	private Map<String, Measured> histograms(RegionCode region, String matter) {
		record Row(String matter, LocalDate asOf, OutcomeHistogram.Bucket bucket) {
		}
		List<Row> rows = reads.jdbc()
			.sql("SELECT matter, as_of, working_days, cases, trips, uploads, uploaded_cases FROM measured_outcome"
					+ " WHERE region_prefix = ?" + (matter == null ? "" : " AND matter = ?") + " ORDER BY matter, working_days")
			.params(matter == null ? List.of(prefixOf(region)) : List.of(prefixOf(region), matter))
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class), new OutcomeHistogram.Bucket(rs.getInt(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7))))
			.list();
		Map<String, List<OutcomeHistogram.Bucket>> buckets = new LinkedHashMap<>();
		Map<String, LocalDate> asOf = new HashMap<>();
		for (Row r : rows) {
			buckets.computeIfAbsent(r.matter(), m -> new ArrayList<>()).add(r.bucket());
			asOf.put(r.matter(), r.asOf());
		}
		Map<String, Measured> figures = new LinkedHashMap<>();
		buckets.forEach((m, b) -> OutcomeHistogram.of(b).figures(asOf.get(m)).ifPresent(f -> figures.put(m, f)));
		return figures;
	}

	/** The prefix under which the snapshot keeps the region's cases, those of its subdivisions included ('' for all). */
	static String prefixOf(RegionCode region) {
		return region == null ? "" : region.prefix();
	}

	/**
	 * The figures of the cases as of the day, each counted on its region's calendar; empty when there is none. The
	 * snapshot computes its figures the same way, from the same histogram.
	 */
	public static Optional<Measured> measure(List<ClosedCase> cases, Function<String, WorkingDayCalendar> calendarOf,
			LocalDate asOf) {
		return OutcomeHistogram.of(cases, calendarOf).figures(asOf);
	}

	/** Each region's calendar as the figures count on it: the provisional one, a year not loaded counting weekends alone. */
	static Function<String, WorkingDayCalendar> calendarsOf(Calendars calendars) {
		Map<String, WorkingDayCalendar> loaded = new HashMap<>();
		return region -> loaded.computeIfAbsent(region, r -> calendars.of(RegionCode.of(r)).provisional());
	}
}
