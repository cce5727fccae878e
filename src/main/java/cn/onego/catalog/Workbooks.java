package cn.onego.catalog;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.onego.catalog.CatalogueAdministration.ImportMode;
import cn.onego.catalog.CatalogueAdministration.ImportOutcome;
import cn.onego.catalog.CatalogueReader.Read;
import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.catalog.ItemSheetReader.Parsed;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * The catalogue's items in Excel: a workbook of a catalogue version's items (GB/T 39046 columns), the empty template
 * with its drop-downs, and the import of a workbook as item files laid over the catalogue in force. A workbook is
 * turned into item files in the canonical form ({@link ItemWriter}) and then validated and imported like any other
 * files, as a whole; every error, the workbook's own and the catalogue's, is named by sheet, row and column.
 */
@Service
public class Workbooks {

	/** The largest workbook accepted, compressed: 1,500 items with their materials take well under 1 MB. */
	public static final int MAX_WORKBOOK_BYTES = 5 * 1024 * 1024;
	/** How much larger than the workbook one of its parts may be, inflated (POI's own guard against zip bombs). */
	static final double MIN_INFLATE_RATIO = 0.01;
	/** The largest part of a workbook, inflated: a sheet of 50,000 rows. */
	static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
	}

	private final CatalogueAdministration administration;
	private final CatalogueInForce inForce;

	Workbooks(CatalogueAdministration administration, CatalogueInForce inForce) {
		this.administration = administration;
		this.inForce = inForce;
	}

	/** The items of a stored catalogue version, or of the one in force when {@code version} is null, as a workbook. */
	public byte[] items(Long version) {
		long wanted = version == null ? inForce.get().version() : version;
		return export(new CatalogueFiles(administration.filesOf(wanted)));
	}

	/** The empty workbook, its drop-downs listing the catalogue in force. */
	public byte[] template() {
		return bytes(ItemSheetWriter.write(inForce.get(), List.of()));
	}

	/**
	 * Imports a workbook's items over the catalogue in force: the item files the workbook names are replaced, files
	 * listed on 文件 Files without items are removed, everything else stays.
	 *
	 * @throws NotAWorkbook when the upload is not an .xlsx workbook, or holds macros
	 * @throws WorkbookRejected listing every error by sheet, row and column; nothing is stored
	 */
	public ImportOutcome importItems(InputStream upload, String importedBy, String note) {
		Parsed parsed;
		try (XSSFWorkbook workbook = open(upload)) {
			checkSize(workbook);
			parsed = ItemSheetReader.read(workbook);
		}
		catch (IOException e) {
			throw new NotAWorkbook();
		}
		Files files = files(parsed);
		if (!parsed.errors().isEmpty()) {
			throw new WorkbookRejected(check(parsed, files, new CatalogueFiles(administration.filesOf(inForce.get().version()))));
		}
		try {
			return administration.importFiles(files.texts(), parsed.emptied(), ImportMode.MERGE, importedBy, note);
		}
		catch (CatalogueRejected rejected) {
			throw new WorkbookRejected(rejected.catalogueErrors().stream()
				.map(e -> CellLocations.cellOf(e, parsed.origins(), files.layouts()).map(Workbooks::problem)
					.orElse(new FieldProblem(e.where(), "catalogue", e.message())))
				.toList());
		}
	}

	/**
	 * Every error of a workbook laid over {@code base}: the cells that could not be read, and the catalogue's errors
	 * pointed at their cells. When cells could not be read, catalogue errors outside the workbook's rows are left
	 * out: they may only follow from the rows that were dropped (a matter naming an item whose row is broken).
	 */
	static List<FieldProblem> check(Parsed parsed, Files files, CatalogueFiles base) {
		List<FieldProblem> problems = new ArrayList<>(parsed.errors().stream().map(Workbooks::problem).toList());
		CatalogueFiles candidate = base.merge(files.texts(), parsed.emptied());
		if (CatalogueReader.read(candidate) instanceof Rejected rejected) {
			for (CatalogueError error : rejected.errors()) {
				var cell = CellLocations.cellOf(error, parsed.origins(), files.layouts());
				if (cell.isPresent()) {
					problems.add(problem(cell.get()));
				}
				else if (parsed.errors().isEmpty()) {
					problems.add(new FieldProblem(error.where(), "catalogue", error.message()));
				}
			}
		}
		return problems;
	}

	/** A catalogue's items as a workbook: every file of items/, in path order. */
	static byte[] export(CatalogueFiles files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(files);
		if (!(outcome instanceof Read read)) {
			throw new IllegalStateException("A stored catalogue version no longer validates: " + ((Rejected) outcome).errors());
		}
		Catalogue catalogue = read.catalogue();
		List<ItemFile> itemFiles = files.files().entrySet().stream()
			.filter(f -> CatalogueDocuments.isYamlUnder(f.getKey(), "items/"))
			.map(f -> ItemFile.of(f.getKey(), f.getValue(), catalogue))
			.toList();
		return bytes(ItemSheetWriter.write(catalogue, itemFiles));
	}

	/** The item files written from a workbook, and where each part of them is. */
	record Files(Map<String, String> texts, Map<String, ItemWriter.Layout> layouts) {
	}

	static Files files(Parsed parsed) {
		Map<String, String> texts = new LinkedHashMap<>();
		Map<String, ItemWriter.Layout> layouts = new LinkedHashMap<>();
		for (ItemFile file : parsed.files()) {
			ItemWriter.Written written = ItemWriter.writeWithLayout(file);
			texts.put(file.path(), written.text());
			layouts.put(file.path(), written.layout());
		}
		return new Files(texts, layouts);
	}

	/** The item files a workbook gives, for tests: read with the same guards as an upload. */
	static Parsed read(byte[] workbook) {
		try (XSSFWorkbook opened = open(new ByteArrayInputStream(workbook))) {
			checkSize(opened);
			return ItemSheetReader.read(opened);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Opens an .xlsx workbook; anything else — an old .xls, a macro-enabled workbook, not a workbook — is refused. */
	static XSSFWorkbook open(InputStream upload) throws IOException {
		InputStream in = new BufferedInputStream(upload);
		FileMagic magic = FileMagic.valueOf(in);
		if (magic != FileMagic.OOXML) {
			throw magic == FileMagic.OLE2 ? new NotAWorkbook("旧版 .xls 或加密的工作簿", "an old .xls or encrypted workbook")
					: new NotAWorkbook();
		}
		OPCPackage pkg;
		try {
			pkg = OPCPackage.open(in);
		}
		catch (InvalidFormatException | RuntimeException e) {
			throw new NotAWorkbook();
		}
		try {
			for (PackagePart part : pkg.getParts()) {
				String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
				String type = part.getContentType().toLowerCase(Locale.ROOT);
				if (name.contains("vbaproject") || type.contains("macroenabled") || type.contains("vbaproject")) {
					throw new NotAWorkbook("含宏的工作簿（.xlsm）", "a workbook with macros (.xlsm)");
				}
			}
			return new XSSFWorkbook(pkg);
		}
		catch (InvalidFormatException | RuntimeException e) {
			pkg.revert();
			throw e instanceof NotAWorkbook refused ? refused : new NotAWorkbook();
		}
	}

	private static void checkSize(XSSFWorkbook workbook) {
		for (Sheet sheet : workbook) {
			if (sheet.getLastRowNum() > ItemColumns.MAX_ROWS) {
				throw new WorkbookTooLarge(sheet.getSheetName());
			}
		}
	}

	private static FieldProblem problem(CellError error) {
		return new FieldProblem(error.where(), "workbook", error.message());
	}

	private static byte[] bytes(XSSFWorkbook workbook) {
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The upload is not an .xlsx workbook (or is one with macros, which are never opened). */
	public static class NotAWorkbook extends Problem {

		NotAWorkbook() {
			this("无法读取的文件", "a file that cannot be read");
		}

		NotAWorkbook(String zh, String en) {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-a-workbook", Message.of("不是 Excel 工作簿", "Not an Excel workbook"),
					Message.of("请上传 .xlsx 工作簿（不含宏），收到的是" + zh + "。", "Upload an .xlsx workbook without macros; this is " + en + "."),
					List.of(new FieldProblem("workbook", "not-a-workbook", Message.of("应为 .xlsx 工作簿：" + zh, "expected an .xlsx workbook: " + en))));
		}
	}

	/** A sheet has more rows than an import may have. */
	public static class WorkbookTooLarge extends Problem {

		WorkbookTooLarge(String sheet) {
			super(HttpStatus.CONTENT_TOO_LARGE, "too-large", Message.of("工作簿过大", "Workbook too large"),
					Message.of("工作表“" + sheet + "”超过 " + ItemColumns.MAX_ROWS + " 行。", "The sheet '" + sheet + "' has more than "
							+ ItemColumns.MAX_ROWS + " rows."),
					List.of(new FieldProblem(sheet, "too-large", Message.of("至多 " + ItemColumns.MAX_ROWS + " 行", "at most "
							+ ItemColumns.MAX_ROWS + " rows"))));
		}
	}

	/** The workbook's items do not make a valid catalogue; every error is named by sheet, row and column. */
	public static class WorkbookRejected extends Problem {

		WorkbookRejected(List<FieldProblem> errors) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "workbook-rejected", Message.of("工作簿未通过校验", "Workbook rejected"),
					Message.of("工作簿有 " + errors.size() + " 处错误，已整体拒绝，现行目录未改变。",
							"The workbook has " + errors.size() + " error(s) and was rejected as a whole; the catalogue in force is unchanged."),
					errors);
		}
	}
}
