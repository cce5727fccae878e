/**
 * The generated history of a demo installation: weeks of plausible cases — their tasks, history, open deadlines,
 * ratings, rectifications and supervision's facts — written into the real tables at the first start, so that the
 * dashboard, the queues and the deadline colours have something to show before anyone has worked. The generator
 * ({@link cn.onego.demo.GeneratedCases}) is the benchmark's too (bench/, {@code ScaleData}): one model of what
 * happens to a case, in two sizes. Listens to nothing but the application being ready; publishes platform's
 * {@link cn.onego.platform.CasesLoaded} once the history is written.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo history", allowedDependencies = { "shared", "platform",
		"catalog", "application", "cases", "clock", "identity", "sharing" })
package cn.onego.demo;
