package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.onego.application.Measured;
import cn.onego.supervision.OutcomeHistogram.Bucket;

/** The measured figures from a histogram of working days: the median from the cumulative counts, the means from the sums. */
class OutcomeHistogramTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 12, 7);

	@Test
	void givesNoFiguresWithoutCases() {
		assertThat(OutcomeHistogram.of(List.of()).figures(AS_OF)).isEmpty();
	}

	@Test
	void givesTheDaysOfTheOnlyCaseAsMedianAndMean() {
		Measured one = OutcomeHistogram.of(List.of(new Bucket(4, 1, 2, 3, 1))).figures(AS_OF).orElseThrow();

		assertThat(one.cases()).isEqualTo(1);
		assertThat(one.workingDaysMedian()).isEqualByComparingTo("4.0");
		assertThat(one.workingDaysMean()).isEqualByComparingTo("4.0");
		assertThat(one.tripsMean()).isEqualByComparingTo("2.0");
		assertThat(one.materialsUploadedMean()).isEqualByComparingTo("3.0");
		assertThat(one.asOf()).isEqualTo(AS_OF);
	}

	@Test
	void takesTheMiddleCaseOfAnOddNumberFromTheCumulativeCounts() {
		// days 1, 1, 3, 3, 3, 8, 20: the fourth case took 3
		Measured odd = OutcomeHistogram.of(List.of(new Bucket(20, 1, 0, 0, 0), new Bucket(1, 2, 2, 8, 2), new Bucket(3, 3, 3, 0, 0),
				new Bucket(8, 1, 1, 0, 0))).figures(AS_OF).orElseThrow();

		assertThat(odd.cases()).isEqualTo(7);
		assertThat(odd.workingDaysMedian()).isEqualByComparingTo("3.0");
		assertThat(odd.workingDaysMean()).as("39 / 7").isEqualByComparingTo("5.6");
		assertThat(odd.tripsMean()).as("6 / 7").isEqualByComparingTo("0.9");
		assertThat(odd.materialsUploadedMean()).as("of the two cases whose application is kept").isEqualByComparingTo("4.0");
	}

	@Test
	void averagesTheTwoMiddleCasesOfAnEvenNumberEvenAcrossBuckets() {
		// days 2, 2, 5, 9: the middle ones took 2 and 5
		Measured even = OutcomeHistogram.of(List.of(new Bucket(2, 2, 0, 0, 0), new Bucket(5, 1, 0, 0, 0), new Bucket(9, 1, 4, 0, 0)))
			.figures(AS_OF)
			.orElseThrow();

		assertThat(even.workingDaysMedian()).isEqualByComparingTo("3.5");
		assertThat(even.workingDaysMean()).as("18 / 4").isEqualByComparingTo("4.5");
		assertThat(even.tripsMean()).isEqualByComparingTo("1.0");
		assertThat(even.materialsUploadedMean()).as("no application kept here").isNull();
	}

	@Test
	void addsUpTheBucketsOfOneDayValue() {
		OutcomeHistogram histogram = OutcomeHistogram.of(List.of(new Bucket(3, 1, 1, 2, 1), new Bucket(1, 1, 0, 0, 0),
				new Bucket(3, 2, 1, 4, 1)));

		assertThat(histogram.buckets()).containsExactly(new Bucket(1, 1, 0, 0, 0), new Bucket(3, 3, 2, 6, 2));
	}

	@Test
	void countsLargeDayValuesAndManyCasesWithoutOverflow() {
		// three million cases of 1,000 working days each and one of 2,000,000: sums beyond an int
		Measured large = OutcomeHistogram.of(List.of(new Bucket(1_000, 3_000_000, 9_000_000, 30_000_000, 3_000_000),
				new Bucket(2_000_000, 1, 0, 0, 0))).figures(AS_OF).orElseThrow();

		assertThat(large.cases()).isEqualTo(3_000_001);
		assertThat(large.workingDaysMedian()).isEqualByComparingTo("1000.0");
		assertThat(large.workingDaysMean()).as("3,002,000,000 / 3,000,001").isEqualByComparingTo("1000.7");
		assertThat(large.tripsMean()).isEqualByComparingTo("3.0");
		assertThat(large.materialsUploadedMean()).isEqualByComparingTo("10.0");
	}

	@Test
	void keepsACaseUnderEveryPrefixAQueryCanName() {
		assertThat(MeasuredSnapshot.prefixes("430721")).containsExactly("", "43", "4307", "430721");
		assertThat(MeasuredSnapshot.prefixes("430721101")).containsExactly("", "43", "4307", "430721", "430721101");
		assertThat(MeasuredOutcomes.prefixOf(cn.onego.shared.RegionCode.of("430700"))).isEqualTo("4307");
		assertThat(MeasuredOutcomes.prefixOf(null)).isEmpty();
	}
}
