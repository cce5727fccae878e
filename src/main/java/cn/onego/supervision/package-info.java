/**
 * 行政效能电子监管: the live picture of how cases go — volumes by day, on-time rate, the tasks yellow and
 * red now, handling time against the promised limits, the departments most often late on a case's
 * critical path, the reduction metrics and satisfaction — for a region, hall, department, matter, channel
 * and period, with every table exportable as CSV and Excel. Daily aggregates are folded every second from the
 * case flow's ledger of counted facts ({@link cn.onego.cases.CaseFacts}, each event counted once), never by
 * scanning all cases per request. A case received by a hall of another region (跨域通办) is counted for both regions:
 * in the competent region's volumes, and for each region's supervisor among the cases it received for others or that
 * others received for it ({@link cn.onego.supervision.CrossRegionVolumes}). The yellow and red tasks come from the
 * case flow's open deadlines ({@link cn.onego.cases.OpenDeadlines}), never from its tables. Its reads go to the read
 * replica when one is configured ({@link cn.onego.platform.ReadOnlyData}). Every export goes into the audit trail.
 * It measures what issued cases really took ({@link cn.onego.supervision.MeasuredOutcomes}) from a daily snapshot
 * that {@link cn.onego.supervision.MeasuredSnapshot} counts every night from {@link cn.onego.cases.ClosedCases}, and
 * gives it to the reduction metrics through application's port. Listens to platform's
 * {@link cn.onego.platform.CasesLoaded} (cases written in bulk: the snapshot is counted again).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision", allowedDependencies = { "shared", "platform",
		"catalog", "cases", "application", "evaluation", "identity", "clock", "audit" })
package cn.onego.supervision;
