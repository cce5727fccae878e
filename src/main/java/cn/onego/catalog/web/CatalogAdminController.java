package cn.onego.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.onego.catalog.CatalogueAdministration;
import cn.onego.catalog.CatalogueAdministration.ImportMode;
import cn.onego.catalog.CatalogueAdministration.ImportOutcome;
import cn.onego.catalog.CatalogueAdministration.VersionSummary;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Catalogue administration: import a new version, list versions, download a version's files. */
@RestController
@RequestMapping("/api/v1/admin/catalog")
@Tag(name = "Catalogue administration 目录管理", description = "Requires the ADMIN role")
class CatalogAdminController {

	private static final int MAX_FILES = 5_000;
	private static final long MAX_BYTES = 64L * 1024 * 1024;

	private final CatalogueAdministration administration;

	CatalogAdminController(CatalogueAdministration administration) {
		this.administration = administration;
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import catalogue files 导入目录",
			description = """
					Send YAML/CSV files as parts named 'files' whose file names are their paths in the catalogue \
					(e.g. matters/hn-new.yaml), and/or one zip as part 'archive'. mode=MERGE (default) lays them over \
					the catalogue in force, REPLACE makes them the whole catalogue; 'delete' removes paths. The result \
					is validated as a whole: any error rejects the import with every error listed (422), and the \
					catalogue in force stays unchanged.""")
	ResponseEntity<ImportOutcome> importFiles(@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestPart(name = "archive", required = false) MultipartFile archive,
			@RequestParam(defaultValue = "MERGE") ImportMode mode,
			@RequestParam(name = "delete", required = false) List<String> deletions,
			@RequestParam(required = false) String note, Principal who) throws IOException {
		Map<String, String> uploaded = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				add(uploaded, problems, file.getOriginalFilename(), file.getInputStream().readNBytes((int) MAX_BYTES));
			}
		}
		if (archive != null && !archive.isEmpty()) {
			readZip(archive.getInputStream(), uploaded, problems);
		}
		if (uploaded.isEmpty() && (deletions == null || deletions.isEmpty())) {
			problems.add(new FieldProblem("files", "required",
					Message.of("请上传至少一个目录文件或一个 zip 包", "upload at least one catalogue file or a zip archive")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		ImportOutcome outcome = administration.importFiles(uploaded, deletions == null ? List.of() : deletions, mode,
				who == null ? null : who.getName(), note);
		return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
	}

	@GetMapping("/versions")
	@Operation(summary = "Catalogue versions, newest first 目录版本")
	List<VersionSummary> versions() {
		return administration.versions();
	}

	@GetMapping(path = "/versions/{version}/files.zip", produces = "application/zip")
	@Operation(summary = "Download a version's files as a zip, to edit and import again")
	ResponseEntity<byte[]> download(@PathVariable long version) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			for (var file : administration.filesOf(version).entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("onego-catalogue-v" + version + ".zip").build().toString())
			.body(bytes.toByteArray());
	}

	private static void readZip(InputStream in, Map<String, String> uploaded, List<FieldProblem> problems)
			throws IOException {
		long total = 0;
		try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (entry.isDirectory()) {
					continue;
				}
				byte[] content = zip.readNBytes((int) (MAX_BYTES - total + 1));
				total += content.length;
				if (total > MAX_BYTES || uploaded.size() >= MAX_FILES) {
					problems.add(new FieldProblem("archive", "too-large",
							Message.of("压缩包过大（至多 64 MB、5000 个文件）", "archive too large (at most 64 MB and 5000 files)")));
					return;
				}
				String name = entry.getName().startsWith("catalog/") ? entry.getName().substring("catalog/".length())
						: entry.getName();
				add(uploaded, problems, name, content);
			}
		}
	}

	private static void add(Map<String, String> uploaded, List<FieldProblem> problems, String path, byte[] content) {
		if (path == null || path.isBlank() || path.contains("..") || path.startsWith("/") || path.contains("\\")) {
			problems.add(new FieldProblem("files", "path",
					Message.of("文件路径无效：" + path + "（应为目录内的相对路径，如 matters/x.yaml）",
							"invalid file path: " + path + " (a relative path inside the catalogue, e.g. matters/x.yaml)")));
			return;
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
			uploaded.put(path, text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (CharacterCodingException e) {
			problems.add(new FieldProblem(path, "encoding",
					Message.of("文件不是 UTF-8 编码：" + path, "the file is not UTF-8: " + path)));
		}
	}
}
