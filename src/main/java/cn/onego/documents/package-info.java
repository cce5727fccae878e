/**
 * Official documents (行政许可法 Art. 32: written, stamped, dated): the acceptance notice (受理通知书), the notice of
 * non-acceptance, the one-time notice to supplement, the decision to grant or to refuse each item, the notice of
 * completion and the proof of service. Listens to {@link cn.onego.cases.CaseEvents} (accepted, not accepted,
 * supplement requested, task decided, issued) and makes each document once per event: rendered from its issuer's
 * template — data per hall or department, defaults shipped, edited by a system administrator — and the case's facts
 * (read through {@link cn.onego.cases.CaseQueries}), sealed by the issuing body's SM2 key ({@link
 * cn.onego.licences.IssuerKeys}) over its canonical content, drawn as an A4 PDF with the stamp, the number and the QR
 * of the public verification, and stored as issued. The applicant's side and the staff handling the case list and
 * download them; anyone verifies one by uploading the PDF or scanning its QR, and a copy changed in any way fails.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents", allowedDependencies = { "shared", "platform", "catalog",
		"application", "cases", "clock", "identity", "licences", "audit" })
package cn.onego.documents;
