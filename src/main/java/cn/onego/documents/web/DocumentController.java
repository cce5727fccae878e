package cn.onego.documents.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.onego.cases.CaseId;
import cn.onego.documents.DocumentVerification;
import cn.onego.documents.OfficialDocuments;
import cn.onego.documents.Template;
import cn.onego.documents.Templates;
import cn.onego.identity.Actors;
import cn.onego.platform.web.RateLimited;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Official documents 文书", description = "The sealed PDF notices and decisions of a case, their public verification, and their templates")
class DocumentController {

	private final OfficialDocuments documents;
	private final DocumentVerification verification;
	private final Templates templates;
	private final Actors actors;

	DocumentController(OfficialDocuments documents, DocumentVerification verification, Templates templates, Actors actors) {
		this.documents = documents;
		this.verification = verification;
		this.templates = templates;
		this.actors = actors;
	}

	@GetMapping("/cases/{id}/documents")
	@Operation(summary = "The official documents of a case 办件文书", operationId = "caseDocuments",
			description = "Acceptance notice, notice of non-acceptance, notice to supplement, decisions, notice of completion, proof of service: for the applicant's side and the staff who handle the case (others: 404).")
	List<OfficialDocuments.Listed> list(@PathVariable UUID id) {
		return documents.of(actors.current(), CaseId.of(id));
	}

	@GetMapping(path = "/cases/{id}/documents/{number}", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "One official document as issued 下载文书", operationId = "caseDocumentPdf", description = "The PDF of the sealed document: drawn from its sealed content at its first download, then the same bytes every time (they are what the upload verification compares). Staff downloads are audited.")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable String number) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(number + ".pdf").build().toString())
			.body(documents.pdf(actors.current(), CaseId.of(id), number));
	}

	@GetMapping("/documents/verification")
	@RateLimited(perAddress = "document-verifications-per-address")
	@Operation(summary = "Verify a document by its QR 扫码核验文书", operationId = "verifyDocument",
			description = "n: the document number, c: the verification code, as the QR carries them. GENUINE with the kind, issuer, day and case number, or NOT_FOUND. Rate-limited per address and per document (429 with Retry-After).")
	@Refuses(status = 429, code = "too-many-requests", when = "more verifications come from the address, or ask for the document, than the limits document-verifications-per-address and document-verifications-per-document allow")
	DocumentVerification.Answer verify(@RequestParam(required = false) String n, @RequestParam(required = false) String c) {
		return verification.byCode(n, c);
	}

	@PostMapping(path = "/documents/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@RateLimited(perAddress = "document-verifications-per-address")
	@Operation(summary = "Verify a document by uploading its PDF 上传核验文书", operationId = "verifyDocumentUpload",
			description = "GENUINE only for the PDF exactly as issued whose seal verifies; MODIFIED for a changed copy of an issued document; NOT_FOUND otherwise. At most 5 MB. Rate-limited per address (429 with Retry-After).")
	@Refuses(status = 429, code = "too-many-requests", when = "more verifications come from the address than the limit document-verifications-per-address allows")
	DocumentVerification.Answer verifyUpload(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		return verification.byUpload(file == null ? null : file.getBytes());
	}

	@GetMapping("/admin/document-templates")
	@Operation(summary = "The texts of the official documents 文书模板", operationId = "documentTemplates", description = "The shipped defaults (scope 'shipped') and every stored text by kind and scope.")
	List<Templates.Stored> templates() {
		return templates.all();
	}

	@PutMapping("/admin/document-templates/{kind}/{scope}")
	@Operation(summary = "Store a hall's or department's text of a document 设置文书模板", operationId = "saveDocumentTemplate",
			description = "scope: 'default' (every hall and department without its own), a hall's code or a department's code. Placeholders in braces are filled from the case. Audited.")
	Templates.Stored saveTemplate(@PathVariable String kind, @PathVariable String scope, @RequestBody(required = false) Template template) {
		return templates.save(actors.current(), kind, scope, template);
	}
}
