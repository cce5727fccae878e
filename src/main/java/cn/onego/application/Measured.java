package cn.onego.application;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What closed cases of a matter really took, beside the computed metrics: working days from submission to issue on
 * the region's calendar (median and mean), trips to a hall (acceptance at a counter, supplies handed in at a window,
 * collection at the exit window rather than by mail) and materials the applicant uploaded, each a mean per case,
 * one decimal. {@code cases}: how many issued cases the figures rest on (never 0: no case, no figures);
 * {@code materialsUploadedMean} rests on those of them whose application is kept here, and is null when none is.
 * {@code asOf}: the day the figures were counted, over the cases issued in the year up to it — they are a daily
 * snapshot, not live.
 */
public record Measured(int cases, BigDecimal workingDaysMedian, BigDecimal workingDaysMean, BigDecimal tripsMean,
		BigDecimal materialsUploadedMean, LocalDate asOf) {
}
