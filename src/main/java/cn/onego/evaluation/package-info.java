/**
 * 好差评: one rating per case (一事一评) by its applicant or the agent who applied, in the five levels of
 * GB/T 39046 A.8 and its channels, within a window after the case closed; every bad rating (不满意,
 * 非常不满意) opens a rectification for the responsible department or hall with a working-day deadline —
 * verification, rectification, callback to the applicant (回访) and its result recorded, overdue ones red;
 * and statistics per department, hall, matter and region, by region and hall from a daily rollup kept by the writes
 * themselves ({@code rating_day}). Reads cases through
 * {@link cn.onego.cases.CaseQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation", allowedDependencies = { "shared", "platform",
		"catalog", "cases", "identity", "clock" })
package cn.onego.evaluation;
