/**
 * Applying once (一次申请): the guided questionnaire (情形引导) that selects a matter's items, the merged
 * form (一表单) and the material list derived from them — each material asked once and resolved to
 * e-licence, shared registry, earlier item, commitment, legal exemption or upload — and the reduction
 * metrics that show what applying once saves. Reads the catalogue through
 * {@link cn.onego.catalog.CatalogQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application", allowedDependencies = { "shared", "platform",
		"catalog" })
package cn.onego.application;
