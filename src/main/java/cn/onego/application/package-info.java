/**
 * Applying once (一次申请): the guided questionnaire (情形引导) that selects a matter's items, the merged
 * form (一表单) and the material list derived from them — each material asked once and resolved to
 * e-licence, shared registry, earlier item, commitment, legal exemption or upload — and the reduction
 * metrics that show what applying once saves; applicants and agents, drafts, prefill — from the verified identity,
 * the registries under consent and the questionnaire, each value marked with its origin — and the materials decided
 * once at prefill, so that the badges and the submission never disagree;
 * attachments stored by content hash — each upload owned by its uploader, who alone may refer to it, within a
 * daily quota, and deleted when nobody referred to it within a week — and idempotent submission. Reads the catalogue through
 * {@link cn.onego.catalog.CatalogQueries} and the applicant's data only through
 * {@link cn.onego.sharing.OnceOnly}, and which registries this deployment reaches through
 * {@link cn.onego.sharing.RegistryConnections}; offers the port {@link cn.onego.application.MeasuredFigures} through which
 * supervision adds what issued cases took to the metrics, and counts the materials uploaded with applications for it
 * ({@link cn.onego.application.UploadedMaterials}); publishes {@link cn.onego.application.ApplicationSubmitted}. A read of an
 * application by anyone but its applicant goes into the audit trail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application", allowedDependencies = { "shared", "platform",
		"catalog", "sharing", "licences", "identity", "audit" })
package cn.onego.application;
