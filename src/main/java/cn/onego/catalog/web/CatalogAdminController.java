package cn.onego.catalog.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
import cn.onego.catalog.Workbooks;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.platform.Text;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Catalogue administration: import a new version, list versions, download a version's files. */
@RestController
@RequestMapping("/api/v1/admin/catalog")
@Tag(name = "Catalogue administration 目录管理", description = "Catalogue imports, validated as a whole, and the versions with their files")
class CatalogAdminController {

	/** Files in one import, loose or in the archive. */
	static final int MAX_FILES = 500;
	/** One file: the bundled regions.csv, the largest, has 180 KB. */
	static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
	/** All files of one import together, uncompressed: the whole bundled catalogue has 480 KB. */
	static final long MAX_TOTAL_BYTES = 5L * 1024 * 1024;
	/** How much larger than the archive its content may be: text compresses about 5:1, a zip bomb 1000:1. */
	static final long MAX_COMPRESSION_RATIO = 50;

	/** The media type of an .xlsx workbook. */
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final CatalogueAdministration administration;
	private final Workbooks workbooks;

	CatalogAdminController(CatalogueAdministration administration, Workbooks workbooks) {
		this.administration = administration;
		this.workbooks = workbooks;
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import catalogue files 导入目录",
			description = """
					Send YAML/CSV files as parts named 'files' whose file names are their paths in the catalogue \
					(e.g. matters/hn-new.yaml), and/or one zip as part 'archive'. mode=MERGE (default) lays them over \
					the catalogue in force, REPLACE makes them the whole catalogue; 'delete' removes paths. The result \
					is validated as a whole: any error rejects the import with every error listed (422), and the \
					catalogue in force stays unchanged. Or send one .xlsx workbook of items (as exported by items.xlsx \
					or filled in from items-template.xlsx) as part 'workbook', or as a 'files' part whose name ends \
					in .xlsx, alone: its items become the item files it names, laid over the catalogue in force \
					(MERGE), and every error is named by sheet, row and column, e.g. "事项 Items!F12".""")
	@Refuses(status = 422, code = "catalogue-rejected", when = "the files do not make a valid catalogue: every error is listed in errors with its file and place, and nothing is stored")
	@Refuses(status = 422, code = "workbook-rejected", when = "the workbook's items do not make a valid catalogue: every error is listed in errors with its sheet, row and column, and nothing is stored")
	@Refuses(status = 415, code = "not-a-workbook", when = "the workbook part is not an .xlsx workbook, or holds macros")
	ResponseEntity<ImportOutcome> importFiles(@RequestPart(name = "files", required = false) List<MultipartFile> files,
			@RequestPart(name = "archive", required = false) MultipartFile archive,
			@RequestPart(name = "workbook", required = false) MultipartFile workbook,
			@RequestParam(defaultValue = "MERGE") ImportMode mode,
			@RequestParam(name = "delete", required = false) List<String> deletions,
			@RequestParam(required = false) String note, Principal who) throws IOException {
		List<MultipartFile> sheets = new ArrayList<>();
		if (workbook != null) {
			sheets.add(workbook);
		}
		if (files != null) {
			files.stream().filter(f -> f.getOriginalFilename() != null && f.getOriginalFilename().toLowerCase(java.util.Locale.ROOT)
				.endsWith(".xlsx")).forEach(sheets::add);
		}
		if (!sheets.isEmpty()) {
			return importWorkbook(sheets, files, archive, mode, deletions, note, who);
		}
		Map<String, String> uploaded = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		long total = 0;
		if (files != null) {
			if (files.size() > MAX_FILES) {
				throw new ImportTooLarge("files", "至多 " + MAX_FILES + " 个文件", "at most " + MAX_FILES + " files");
			}
			for (MultipartFile file : files) {
				total += file.getSize();
				if (file.getSize() > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES) {
					throw tooLarge("files");
				}
				add(uploaded, problems, "files", file.getOriginalFilename(), file.getInputStream().readNBytes(MAX_FILE_BYTES));
			}
		}
		if (archive != null && !archive.isEmpty()) {
			readZip(archive, MAX_TOTAL_BYTES - total, uploaded, problems);
		}
		List<String> removed = deletions == null ? List.of() : deletions;
		if (removed.size() > MAX_FILES) {
			throw new ImportTooLarge("delete", "至多删除 " + MAX_FILES + " 个文件", "at most " + MAX_FILES + " files to delete");
		}
		for (String path : removed) {
			checkPath(problems, "delete", path);
		}
		Text.check(problems, "note", note, Text.Kind.FREE_TEXT, Text.REASON);
		if (uploaded.isEmpty() && (deletions == null || deletions.isEmpty())) {
			problems.add(new FieldProblem("files", "required",
					Message.of("请上传至少一个目录文件或一个 zip 包", "upload at least one catalogue file or a zip archive")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		ImportOutcome outcome = administration.importFiles(uploaded, removed, mode, who == null ? null : who.getName(),
				note == null || note.isBlank() ? null : note.trim());
		return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
	}

	/** A workbook is imported alone, over the catalogue in force: it names the item files it replaces. */
	private ResponseEntity<ImportOutcome> importWorkbook(List<MultipartFile> sheets, List<MultipartFile> files,
			MultipartFile archive, ImportMode mode, List<String> deletions, String note, Principal who) throws IOException {
		List<FieldProblem> problems = new ArrayList<>();
		if (sheets.size() > 1 || (files != null && files.size() > (sheets.get(0).getName().equals("files") ? 1 : 0))
				|| (archive != null && !archive.isEmpty()) || (deletions != null && !deletions.isEmpty())) {
			problems.add(new FieldProblem("workbook", "alone", Message.of("工作簿须单独导入（一个工作簿，不附其他文件、压缩包或删除）",
					"a workbook is imported alone (one workbook, no other files, archive or deletions)")));
		}
		if (mode != ImportMode.MERGE) {
			problems.add(new FieldProblem("mode", "merge-only", Message.of("工作簿只能以 MERGE 方式导入（替换工作簿列出的事项文件）",
					"a workbook is imported with mode MERGE only (it replaces the item files it names)")));
		}
		Text.check(problems, "note", note, Text.Kind.FREE_TEXT, Text.REASON);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		MultipartFile sheet = sheets.get(0);
		if (sheet.getSize() > Workbooks.MAX_WORKBOOK_BYTES) {
			throw new ImportTooLarge(sheet.getName(), "工作簿至多 " + Workbooks.MAX_WORKBOOK_BYTES / 1024 / 1024 + " MB",
					"a workbook has at most " + Workbooks.MAX_WORKBOOK_BYTES / 1024 / 1024 + " MB");
		}
		ImportOutcome outcome = workbooks.importItems(sheet.getInputStream(), who == null ? null : who.getName(),
				note == null || note.isBlank() ? null : note.trim());
		return ResponseEntity.status(outcome.changed() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
	}

	@GetMapping(path = "/items.xlsx", produces = XLSX)
	@Operation(summary = "The items as an Excel workbook 事项导出",
			description = """
					The items of the catalogue in force, or of the stored version given as 'version', as one workbook: \
					事项 Items (one row per item, GB/T 39046 columns incl. 实施编码/基本编码), 事项材料 Item materials, \
					表单字段 Item fields, 秒批规则 Auto-approval and 文件 Files, with bilingual headers and drop-downs. \
					Imported back unchanged it gives the same catalogue version.""")
	ResponseEntity<byte[]> items(@RequestParam(required = false) Long version) {
		byte[] workbook = workbooks.items(version);
		return xlsx(workbook, version == null ? "onego-items.xlsx" : "onego-items-v" + version + ".xlsx");
	}

	@GetMapping(path = "/items-template.xlsx", produces = XLSX)
	@Operation(summary = "An empty items workbook with drop-downs 事项导入模板",
			description = "The sheets of items.xlsx without rows, frozen bilingual headers, and drop-downs for every column with a closed list "
					+ "(item type, scope, result kind, yes/no, department types, materials and data elements of the catalogue in force).")
	ResponseEntity<byte[]> template() {
		return xlsx(workbooks.template(), "onego-items-template.xlsx");
	}

	private static ResponseEntity<byte[]> xlsx(byte[] workbook, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(workbook);
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

	/**
	 * The archive's files, within the limits: at most {@link #MAX_FILES} entries, {@code budget} bytes
	 * uncompressed and {@link #MAX_COMPRESSION_RATIO} times the archive's size (a zip bomb stops at the limit, it
	 * is never inflated further); entry names are paths inside the catalogue, never absolute or going up.
	 */
	private static void readZip(MultipartFile archive, long budget, Map<String, String> uploaded, List<FieldProblem> problems)
			throws IOException {
		long allowed = Math.min(budget, Math.max(archive.getSize(), 1) * MAX_COMPRESSION_RATIO);
		long total = 0;
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(archive.getInputStream(), StandardCharsets.UTF_8)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > MAX_FILES) {
					throw new ImportTooLarge("archive", "压缩包至多 " + MAX_FILES + " 个条目", "an archive has at most " + MAX_FILES + " entries");
				}
				if (entry.isDirectory()) {
					continue;
				}
				byte[] content = zip.readNBytes((int) Math.min(MAX_FILE_BYTES + 1L, allowed - total + 1));
				total += content.length;
				if (content.length > MAX_FILE_BYTES || total > allowed) {
					throw total > allowed && allowed < budget ? new ImportTooLarge("archive", "压缩包解压后过大（疑似压缩炸弹）",
							"the archive inflates too much (a zip bomb?)") : tooLarge("archive");
				}
				String name = entry.getName().startsWith("catalog/") ? entry.getName().substring("catalog/".length())
						: entry.getName();
				add(uploaded, problems, "archive", name, content);
			}
			if (entries == 0) {
				problems.add(new FieldProblem("archive", "malformed", Message.of("压缩包为空或不是有效的 zip 文件",
						"the archive is empty or not a valid zip file")));
			}
		}
		catch (java.util.zip.ZipException | IllegalArgumentException e) {
			problems.add(new FieldProblem("archive", "malformed", Message.of("压缩包无法读取（不是有效的 zip 文件）",
					"the archive cannot be read (not a valid zip file)")));
		}
	}

	private static boolean checkPath(List<FieldProblem> problems, String field, String path) {
		List<FieldProblem> found = new ArrayList<>();
		String checked = Text.check(found, field, path, Text.Kind.LINE, 200);
		if (found.isEmpty() && (checked == null || checked.isBlank() || checked.contains("..") || checked.startsWith("/")
				|| checked.contains("\\") || checked.contains(":"))) {
			String shown = checked == null ? "" : checked;
			found.add(new FieldProblem(field, "path",
					Message.of("文件路径无效：" + shown + "（应为目录内的相对路径，如 matters/x.yaml）",
							"invalid file path: " + shown + " (a relative path inside the catalogue, e.g. matters/x.yaml)")));
		}
		problems.addAll(found);
		return found.isEmpty();
	}

	private static ImportTooLarge tooLarge(String field) {
		return new ImportTooLarge(field, "每个文件至多 " + MAX_FILE_BYTES / 1024 / 1024 + " MB，一次导入共至多 "
				+ MAX_TOTAL_BYTES / 1024 / 1024 + " MB", "at most " + MAX_FILE_BYTES / 1024 / 1024 + " MB per file and "
						+ MAX_TOTAL_BYTES / 1024 / 1024 + " MB per import");
	}

	/** The import is larger than one may be. */
	static class ImportTooLarge extends Problem {

		ImportTooLarge(String field, String zh, String en) {
			super(HttpStatus.CONTENT_TOO_LARGE, "too-large", Message.of("导入内容过大", "Import too large"),
					Message.of("导入内容过大：" + zh, "The import is too large: " + en),
					List.of(new FieldProblem(field, "too-large", Message.of(zh, en))));
		}
	}

	private static void add(Map<String, String> uploaded, List<FieldProblem> problems, String field, String path,
			byte[] content) {
		if (!checkPath(problems, field, path)) {
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
			problems.add(new FieldProblem(field, "encoding",
					Message.of("文件不是 UTF-8 编码：" + path, "the file is not UTF-8: " + path)));
		}
	}
}
