package cn.onego.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingStatisticsTests {

	@Test
	void computesTheRatesAsDefined() {
		// 非常满意 4, 满意 3, 基本满意 1, 不满意 1, 非常不满意 1; of the 2 bad ratings 1 rectification closed
		RatingStatistics s = RatingStatistics.of("k", "n", new long[] { 4, 3, 1, 1, 1 }, 2, 1);
		assertThat(s.total()).isEqualTo(10);
		assertThat(s.satisfactionRate()).isEqualByComparingTo("80.00");
		assertThat(s.goodRate()).isEqualByComparingTo("70.00");
		assertThat(s.badRate()).isEqualByComparingTo("20.00");
		assertThat(s.rectificationRate()).isEqualByComparingTo("50.00");
	}

	@Test
	void givesZeroRatherThanDividingByNothing() {
		RatingStatistics s = RatingStatistics.of("k", "n", new long[] { 0, 0, 0, 0, 0 }, 0, 0);
		assertThat(s.satisfactionRate()).isEqualByComparingTo("0");
		assertThat(s.rectificationRate()).isEqualByComparingTo("0");
		assertThat(RatingStatistics.rate(1, 3)).isEqualByComparingTo("33.33");
	}

	@Test
	void treatsTheTwoLowestLevelsAsBadRatings() {
		assertThat(Level.of(3).bad()).isFalse();
		assertThat(Level.of(4).bad()).isTrue();
		assertThat(Level.VERY_DISSATISFIED.code).isEqualTo(5);
		assertThat(cn.onego.shared.RegionCode.of("430000").prefix()).isEqualTo("43");
		assertThat(cn.onego.shared.RegionCode.of("431000").prefix()).isEqualTo("4310");
		assertThat(cn.onego.shared.RegionCode.of("431021").prefix()).isEqualTo("431021");
	}
}
