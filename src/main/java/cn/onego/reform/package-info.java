/**
 * The reform office's what-if simulator (改革模拟): drafts of catalogue changes — merge two items, make a material an
 * e-licence or a registry's, allow 容缺 or 告知承诺, shorten a promised limit, connect a registry, add a 秒批 rule —
 * tried on a copy of the catalogue in force ({@link cn.onego.catalog.CatalogueChange}) and never published; the
 * reduction metrics per matter before and after (computed as {@link cn.onego.application.Guidance} does), the
 * departments and halls affected, and a replay of the region's cases of the last months under the draft (read through
 * {@link cn.onego.cases.HandledCases}; rules in docs/WHATIF.md), exported as a PDF and an Excel report to sign off.
 * Supervisors draft for their region, catalogue administrators for any; every report taken goes into the audit trail.
 * Publishes and listens to nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reform office", allowedDependencies = { "shared", "platform",
		"catalog", "application", "cases", "clock", "identity", "audit" })
package cn.onego.reform;
