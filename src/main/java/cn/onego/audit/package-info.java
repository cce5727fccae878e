/**
 * The tamper-evident audit trail (安全审计, MLPS 2.0 level 3; integrity with SM3 and signatures with SM2 as
 * GB/T 39786 asks): every state change of a case and every decision (each step of a case's history), every
 * read of personal data — staff reading a case, an application or a receipt, the once-only machinery reading
 * registries and e-licences, exports — appends a record with actor, role, scope, action, target, time,
 * reason and request id ({@link cn.onego.audit.AuditTrail}), in the transaction of what it records. Records
 * form SM3 hash chains, one per day and shard; the application's database role may only insert and read them.
 * After each day the heads of its chains are signed with the platform's SM2 key
 * ({@link cn.onego.audit.AuditAnchors}); {@link cn.onego.audit.AuditVerification} and the command
 * {@code tools/verify-audit} ({@link cn.onego.audit.VerifyAudit}) report the first broken link and every
 * altered, deleted or inserted record and bad anchor they detect. The other modules call it; it listens
 * only to identity's and the catalogue's administration events (staff accounts, composed matters), modules
 * below it that cannot call it, so that any module can record into it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "platform",
		"identity", "catalog" })
package cn.onego.audit;
