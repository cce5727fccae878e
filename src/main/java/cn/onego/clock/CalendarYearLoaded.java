package cn.onego.clock;

/**
 * The holidays of a year were loaded: every due day computed provisionally into that year (on its weekends
 * alone) can now be computed for good.
 */
public record CalendarYearLoaded(int year) {
}
