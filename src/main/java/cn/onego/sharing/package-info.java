/**
 * Data sharing (数据共享交换) behind the applicant's consent: the shared registries (人口库, 法人库 …),
 * the consents applicants grant for a matter (which data, purpose, validity) and may withdraw, and a
 * log of every read — granted or refused — with who, what, when, purpose, consent and legal basis, which the
 * applicant can see, and which also goes into the audit trail. No registry or e-licence is read for an
 * applicant without a consent that covers it. Each kind of registry is served by a connector: the built-in one on
 * OneGo's own tables (with a deterministic synthetic population for demos and tests) or a province's registry
 * over HTTP+JSON; a registry that fails gives an unavailable read, never a failed application (docs/REGISTRIES.md).
 * <p>
 * It also keeps the shared-resource catalogue (信息资源目录, {@code resources}): every resource with its provider
 * department, data elements, update frequency and 共享属性 under 《政务数据共享条例》; departments' requests for
 * conditional resources and the providers' answers, due in 5 working days on the calendar ({@code clock}); and
 * departments' reads of resources ({@link cn.onego.sharing.SharedResourceReads}), served only when shared
 * unconditionally or under approved and current access, and logged like every other read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sharing", allowedDependencies = { "shared", "platform",
		"catalog", "licences", "identity", "audit", "clock" })
package cn.onego.sharing;
