package cn.onego.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import cn.onego.application.Measured;
import cn.onego.application.MeasuredFigures;
import cn.onego.cases.ClosedCases;
import cn.onego.cases.ClosedCases.ClosedCase;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.RegionCode;

/**
 * What issued cases really took, beside the reduction metrics computed from the catalogue: over the cases issued in
 * the last year ({@link #PERIOD_DAYS}), the working days from submission to issue on each case's region calendar
 * (median and mean), the trips to a hall and the materials uploaded, per case. The cases come from the case flow's
 * {@link ClosedCases}; a year not loaded in the calendar counts its weekends alone, as the demo history does.
 */
@Service
public class MeasuredOutcomes implements MeasuredFigures {

	/** The figures rest on the cases issued in this many days up to today. */
	static final int PERIOD_DAYS = 365;

	private final ClosedCases closed;
	private final Calendars calendars;
	private final Clock clock;

	MeasuredOutcomes(ClosedCases closed, Calendars calendars, Clock clock) {
		this.closed = closed;
		this.calendars = calendars;
		this.clock = clock;
	}

	@Override
	public Optional<Measured> of(String matter, RegionCode region) {
		List<ClosedCase> cases = closed.issued(matter, region, LocalDate.now(clock).minusDays(PERIOD_DAYS));
		return measure(cases, r -> calendars.of(RegionCode.of(r)).provisional());
	}

	/** The figures of the cases, each counted on its region's calendar; empty when there is none. */
	public static Optional<Measured> measure(List<ClosedCase> cases, Function<String, WorkingDayCalendar> calendarOf) {
		if (cases.isEmpty()) {
			return Optional.empty();
		}
		int[] days = cases.stream()
			.mapToInt(c -> Math.max(0, calendarOf.apply(c.region()).workingDaysBetween(c.submittedOn(), c.issuedOn())))
			.sorted()
			.toArray();
		int n = days.length;
		BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(days[n / 2]).setScale(1)
				: mean(days[n / 2 - 1] + days[n / 2], 2);
		int totalDays = java.util.Arrays.stream(days).sum();
		int trips = cases.stream().mapToInt(ClosedCase::trips).sum();
		List<Integer> uploads = cases.stream().map(ClosedCase::uploadedMaterials).filter(Objects::nonNull).toList();
		BigDecimal materials = uploads.isEmpty() ? null : mean(uploads.stream().mapToInt(Integer::intValue).sum(), uploads.size());
		return Optional.of(new Measured(n, median, mean(totalDays, n), mean(trips, n), materials));
	}

	private static BigDecimal mean(long total, int count) {
		return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}
}
