package cn.onego.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import cn.onego.application.Measured;
import cn.onego.cases.ClosedCases.ClosedCase;
import cn.onego.clock.WorkingDayCalendar;

/**
 * What issued cases took, as a histogram of their working days with the sums the means need: the form in which the
 * daily snapshot keeps them ({@link MeasuredSnapshot}) and from which every measured figure is computed, so that the
 * figures of a list of cases and those of the snapshot are one computation. The median comes from the cumulative
 * counts, which give the same middle case(s) as sorting every case's days.
 */
record OutcomeHistogram(List<Bucket> buckets) {

	/**
	 * The issued cases that took one number of working days.
	 *
	 * @param uploads the materials handed in, summed over the {@code uploadedCases} whose application is kept here
	 */
	record Bucket(int workingDays, long cases, long trips, long uploads, long uploadedCases) {

		/** One case, its working days counted on its region's calendar (never below 0: issued on its submission day). */
		static Bucket of(ClosedCase c, Function<String, WorkingDayCalendar> calendarOf) {
			int days = Math.max(0, calendarOf.apply(c.region()).workingDaysBetween(c.submittedOn(), c.issuedOn()));
			Integer uploaded = c.uploadedMaterials();
			return new Bucket(days, 1, c.trips(), uploaded == null ? 0 : uploaded, uploaded == null ? 0 : 1);
		}

		Bucket plus(Bucket other) {
			return new Bucket(workingDays, cases + other.cases, trips + other.trips, uploads + other.uploads,
					uploadedCases + other.uploadedCases);
		}
	}

	/** The histogram of the buckets, those of one day value added up, in the order of the days. */
	static OutcomeHistogram of(Collection<Bucket> buckets) {
		TreeMap<Integer, Bucket> byDays = new TreeMap<>();
		buckets.forEach(b -> byDays.merge(b.workingDays(), b, Bucket::plus));
		return new OutcomeHistogram(List.copyOf(byDays.values()));
	}

	/** The histogram of the cases, each counted on its region's calendar. */
	static OutcomeHistogram of(List<ClosedCase> cases, Function<String, WorkingDayCalendar> calendarOf) {
		return of(cases.stream().map(c -> Bucket.of(c, calendarOf)).toList());
	}

	/** The figures as of the day, one decimal rounded half up; empty when no case is counted. */
	Optional<Measured> figures(LocalDate asOf) {
		long n = buckets.stream().mapToLong(Bucket::cases).sum();
		if (n == 0) {
			return Optional.empty();
		}
		BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(daysOfCase(n / 2)).setScale(1)
				: mean(daysOfCase(n / 2 - 1) + daysOfCase(n / 2), 2);
		long totalDays = buckets.stream().mapToLong(b -> b.workingDays() * b.cases()).sum();
		long trips = buckets.stream().mapToLong(Bucket::trips).sum();
		long uploaded = buckets.stream().mapToLong(Bucket::uploadedCases).sum();
		BigDecimal materials = uploaded == 0 ? null : mean(buckets.stream().mapToLong(Bucket::uploads).sum(), uploaded);
		return Optional.of(new Measured(Math.toIntExact(n), median, mean(totalDays, n), mean(trips, n), materials, asOf));
	}

	/** The working days of the case at this place (from 0) in the order of their days. */
	private long daysOfCase(long index) {
		long before = 0;
		for (Bucket b : buckets) {
			before += b.cases();
			if (index < before) {
				return b.workingDays();
			}
		}
		throw new IndexOutOfBoundsException(index);
	}

	private static BigDecimal mean(long total, long count) {
		return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
	}
}
