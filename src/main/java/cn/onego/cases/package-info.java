/**
 * One case, one window (前台综合受理、后台分类审批、统一窗口出件): a submitted application becomes a case
 * with one unified case number (一事一号) in the competent hall's queue; a comprehensive window accepts it
 * (or refuses to, asks for one consolidated supplement, accepts with gaps — 容缺 — or on the applicant's
 * commitment — 告知承诺); one task per applicable item goes to the competent department, in parallel where
 * the dependency graph allows, with 秒批 rules of the catalogue approving instantly; departments decide;
 * commitment-based approvals are verified afterwards; and one window issues the result bundle. Every
 * transition is recorded with actor, time and reason, and published as an event; the applicant is told
 * through a notification outbox; every step of a case's history, and every read of a case or of what was
 * submitted for it by anyone but the applicant, goes into the audit trail ({@link cn.onego.audit.AuditTrail}).
 * The halls, their windows and the window categories are data catalogue administrators keep ({@link
 * cn.onego.cases.HallAdministration}); {@link cn.onego.cases.Halls} is the one source of a hall's public details and
 * of the competent hall.
 * Those who handle a case, and its applicant, open the files submitted for it ({@link cn.onego.cases.CaseFiles}),
 * each view and download audited. A case a hall of another region accepted (异地收件) sends the paper originals its
 * competent departments keep to the competent region's hall ({@link cn.onego.cases.PaperTransfers}, 原件流转), opened when
 * it hears its own {@code CaseAccepted}. The issued cases, as facts about how each went (days, channel, collection,
 * supplies, uploads), are read through one class, {@link cn.onego.cases.ClosedCases}, for every use: the measured
 * reduction metrics and the replay of history. Listens to {@link cn.onego.application.ApplicationSubmitted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases", allowedDependencies = { "shared", "platform",
		"catalog", "application", "identity", "clock", "credit", "licences", "sharing", "audit" })
package cn.onego.cases;
