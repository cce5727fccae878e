package cn.onego.cases.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.cases.CaseFiles;
import cn.onego.cases.CaseId;
import cn.onego.identity.Actors;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The files submitted for a case, for those who handle it and the applicant. A file is sent with its stored type
 * and under a policy that lets nothing in it run: {@code nosniff}, and a Content-Security-Policy with
 * {@code sandbox} and no script, so that even a file that is secretly HTML or SVG is shown as inert content; the
 * pages of this site may frame it (the previews), no other site may.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases 办件", description = "The window (受理, 补正, 容缺, 告知承诺, 出件), the departments (领取, 准予, 不予, 补正, 特别程序) and the applicant's view")
class CaseFileController {

	/** No script, no plug-in, no form, no request elsewhere; framed by this site's pages only. */
	static final String FILE_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; "
			+ "frame-ancestors 'self'";

	private static final Map<String, String> EXTENSIONS = Map.of("application/pdf", ".pdf", "image/jpeg", ".jpg", "image/png",
			".png", "application/ofd", ".ofd");

	private final CaseFiles files;
	private final Actors actors;

	CaseFileController(CaseFiles files, Actors actors) {
		this.files = files;
		this.actors = actors;
	}

	@GetMapping("/cases/{id}/files")
	@Operation(summary = "The files submitted for the case 申请材料附件", operationId = "caseFiles",
			description = "Each file with the material it was submitted for (the catalogue's name in both languages), who uploaded it as a sentence and when, its name, media type, size and SHA-256 (the id of the file). For the applicant, the hall's windows and the departments with a task on the case; supervisors and anybody else: 404.")
	List<CaseFiles.SubmittedFile> list(@PathVariable UUID id) {
		return files.of(actors.current(), CaseId.of(id));
	}

	@GetMapping("/cases/{id}/files/{fileId}")
	@Operation(summary = "One file of the case 查看或下载附件", operationId = "caseFile",
			description = "Images and PDFs inline (a preview, watermarked 仅供××办理使用 for staff when watermark is true or, without it, when onego.attachments.watermark-previews is on), everything else as an attachment; with download=true always the stored original as an attachment, byte for byte the file of its SHA-256. Sent with nosniff and a sandboxing Content-Security-Policy. Every view and download is in the audit trail. A file of another case: 404.")
	@Refuses(status = 422, code = "preview-unavailable", when = "the file cannot be redrawn with a watermark (damaged, encrypted, too large); the original can still be downloaded")
	ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable String fileId,
			@RequestParam(required = false, defaultValue = "false") boolean download,
			@RequestParam(required = false) Boolean watermark) {
		CaseFiles.Opened opened = files.open(actors.current(), CaseId.of(id), fileId, download, watermark);
		CaseFiles.SubmittedFile file = opened.file();
		ContentDisposition disposition = (opened.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(fileName(file), java.nio.charset.StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", FILE_POLICY)
			.header("X-OneGo-Watermarked", Boolean.toString(opened.watermarked()))
			.body(opened.bytes());
	}

	/** The uploader's file name when one was given, else the material's name, with the type's extension. */
	private static String fileName(CaseFiles.SubmittedFile file) {
		if (file.fileName() != null) {
			return file.fileName();
		}
		return file.materialName().zh() + EXTENSIONS.getOrDefault(file.mediaType(), "");
	}
}
