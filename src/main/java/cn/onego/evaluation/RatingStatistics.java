package cn.onego.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures of 好差评 for a set of ratings. No official formula was found (reference-facts §2.3), so
 * the definitions are stated here: 满意率 = (非常满意 + 满意 + 基本满意) / all; 好评率 = (非常满意 + 满意) / all;
 * 差评率 = (不满意 + 非常不满意) / all; 整改率 = closed rectifications / bad ratings. Rates in per cent, two
 * decimals; zero when there is nothing to divide by.
 */
public record RatingStatistics(String key, String name, long[] counts, long total, BigDecimal satisfactionRate,
		BigDecimal goodRate, BigDecimal badRate, long rectifications, long rectificationsClosed,
		BigDecimal rectificationRate) {

	public static RatingStatistics of(String key, String name, long[] counts, long rectifications, long closed) {
		long total = 0;
		for (long c : counts) {
			total += c;
		}
		long bad = counts[3] + counts[4];
		return new RatingStatistics(key, name, counts.clone(), total, rate(counts[0] + counts[1] + counts[2], total),
				rate(counts[0] + counts[1], total), rate(bad, total), rectifications, closed, rate(closed, rectifications));
	}

	static BigDecimal rate(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO.setScale(2)
				: BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
	}
}
