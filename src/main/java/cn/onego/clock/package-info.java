/**
 * The working-day clock. Its base is the calendar: the State Council's holidays and adjusted working
 * days per year, shipped as data and extended by administrators (a new year each November, a regional
 * closure), every change audited; and the arithmetic "N working days after a date" and "working days
 * between two dates", pure functions of that calendar, which refuse a date in a year not loaded rather
 * than guess. Deadlines, warnings and supervision build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clock", allowedDependencies = { "shared", "platform",
		"catalog", "identity" })
package cn.onego.clock;
