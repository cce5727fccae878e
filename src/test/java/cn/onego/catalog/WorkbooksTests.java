package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.onego.catalog.AutoApproval.Condition;
import cn.onego.catalog.AutoApproval.Operator;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.HandlingLevel;
import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Enums.Step;
import cn.onego.catalog.Item.CrossRegion;
import cn.onego.catalog.Item.Fee;
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.catalog.Item.Result;
import cn.onego.catalog.ItemSheetReader.Parsed;
import cn.onego.platform.FieldProblem;
import cn.onego.shared.Label;

/**
 * The items in Excel, without Spring: the shipped catalogue exported to a workbook and read back gives the same
 * catalogue version, and a broken workbook lists every error by sheet, row and column.
 */
class WorkbooksTests {

	@Test
	void theShippedCatalogueExportedAndImportedBackHasTheSameVersionHash() throws IOException {
		CatalogueFiles shipped = new CatalogueFiles(BundledCatalogueTests.files());

		Parsed parsed = Workbooks.read(Workbooks.export(shipped));
		Workbooks.Files files = Workbooks.files(parsed);

		assertThat(parsed.errors()).isEmpty();
		assertThat(files.texts().keySet()).containsExactlyInAnyOrderElementsOf(
				shipped.files().keySet().stream().filter(p -> p.startsWith("items/")).toList());
		assertThat(parsed.files().stream().mapToInt(f -> f.items().size()).sum()).as("every shipped item on the sheet")
			.isEqualTo(((CatalogueReader.Read) CatalogueReader.read(shipped)).catalogue().items().size());
		CatalogueFiles imported = shipped.merge(files.texts(), parsed.emptied());
		assertThat(imported.checksum()).isEqualTo(shipped.checksum());
		assertThat(Workbooks.check(parsed, files, shipped)).isEmpty();
	}

	@Test
	void nationalCodesValidationsNotesAndDecimalFeesSurviveTheRoundTrip() {
		Item item = new Item("T-CODED", Label.of("带编码的事项", "Coded item"), ItemType.ADMINISTRATIVE_LICENSING,
				"MARKET_REGULATION", Set.of(ApplicantType.ENTERPRISE), "《条例》第一条", 20, 5, false,
				List.of(Step.ACCEPT, Step.REVIEW, Step.DECIDE), Set.of(HandlingLevel.CITY, HandlingLevel.COUNTY), true,
				new CrossRegion(CrossRegionScope.PROVINCE, List.of()), new Fee(new BigDecimal("12.5"), "收费依据：第二条"),
				new Result(ResultKind.NOTICE, null, Label.of("结果通知", null)),
				List.of(new ItemMaterial("ID_CARD", true, true, false, null, 1, 2),
						new ItemMaterial("BUSINESS_LICENCE", false, false, true, "依法免交：第三条", 0, 0)),
				List.of(new ItemField("APPLICANT_NAME", true, new Validation(2, 50, new BigDecimal("-5"), new BigDecimal("1000.25"), "^[^0-9]+$"))),
				new AutoApproval("T-CODED#auto", List.of(new Condition("form.APPLICANT_NAME", Operator.PRESENT, List.of()))),
				"时限为假设", "0012AB", "11430000MB0000000X4000117001000010");
		Map<String, String> files = new TreeMap<>(TestCatalogue.files());
		files.put("items/coded.yaml", ItemWriter.write(new ItemFile("items/coded.yaml", List.of("有编码的事项", "第二行"),
				List.of(item), Map.of("T-CODED", List.of("秒批：只要填写了名称")))));
		CatalogueFiles catalogue = new CatalogueFiles(files);
		assertThat(CatalogueReader.read(catalogue)).isInstanceOf(CatalogueReader.Read.class);

		Parsed parsed = Workbooks.read(Workbooks.export(catalogue));

		assertThat(parsed.errors()).isEmpty();
		// the test catalogue's other item files are written by hand, not in the canonical form: only this one keeps its
		// text; the others come back canonical, with the same items
		assertThat(Workbooks.files(parsed).texts().get("items/coded.yaml")).isEqualTo(files.get("items/coded.yaml"));
		Catalogue before = ((CatalogueReader.Read) CatalogueReader.read(catalogue)).catalogue();
		Catalogue after = ((CatalogueReader.Read) CatalogueReader.read(catalogue.merge(Workbooks.files(parsed).texts(), parsed.emptied())))
			.catalogue();
		assertThat(after.items()).hasSize(before.items().size()).containsExactlyInAnyOrderElementsOf(before.items());
		assertThat(files.get("items/coded.yaml")).contains("basicCode: \"0012AB\"", "# 秒批：只要填写了名称", "amount: 12.5");
	}

	@Test
	void aBrokenWorkbookGivesEveryErrorWithSheetRowAndColumn() throws IOException {
		CatalogueFiles shipped = new CatalogueFiles(BundledCatalogueTests.files());
		byte[] broken = edit(Workbooks.export(shipped), workbook -> {
			Sheet items = workbook.getSheet(ItemColumns.ITEMS);
			set(items, 2, "J", "three days"); // legal limit: not a number
			set(items, 2, "F", "99 未知类型"); // item type: not in A.1
			set(items, 4, "A", text(items, 3, "A")); // the code of row 3 again
			set(items, 5, "G", "NO_SUCH_DEPARTMENT_TYPE"); // unknown to the catalogue: found by the reader
			set(items, 6, "K", "999"); // promised limit beyond the legal one: found by the reader
			set(items, 7, "L", "maybe"); // yes/no
			set(items, 8, "D", ""); // the Chinese name is required
			Sheet materials = workbook.getSheet(ItemColumns.MATERIALS);
			set(materials, 2, "A", "NO-SUCH-ITEM");
			set(materials, 3, "H", "-1");
			int last = materials.getLastRowNum() + 1;
			set(materials, last, "B", "NO_SUCH_MATERIAL"); // unknown to the catalogue: found by the reader
			Sheet fields = workbook.getSheet(ItemColumns.FIELDS);
			set(fields, 2, "D", "perhaps");
			Sheet rules = workbook.getSheet(ItemColumns.RULES);
			set(rules, 2, "C", "ROUGHLY");
		});

		Parsed parsed = Workbooks.read(broken);
		List<FieldProblem> problems = Workbooks.check(parsed, Workbooks.files(parsed), shipped);

		int lastMaterialRow = rows(broken, ItemColumns.MATERIALS);
		assertThat(problems).extracting(FieldProblem::field).contains("事项 Items!J2", "事项 Items!F2", "事项 Items!A4",
				"事项 Items!G5", "事项 Items!K6", "事项 Items!L7", "事项 Items!D8", "事项材料 Item materials!A2",
				"事项材料 Item materials!H3", "事项材料 Item materials!B" + lastMaterialRow, "表单字段 Item fields!D2",
				"秒批规则 Auto-approval!C2");
		assertThat(problems).allSatisfy(p -> {
			assertThat(p.field()).matches("[^!]+![A-Z]*\\d+");
			assertThat(p.message().zh()).isNotBlank();
			assertThat(p.message().en()).isNotBlank();
		});
		assertThat(problems).filteredOn(p -> p.field().equals("事项 Items!G5")).first()
			.satisfies(p -> assertThat(p.message().en()).contains("NO_SUCH_DEPARTMENT_TYPE"));
		assertThat(problems).filteredOn(p -> p.field().equals("事项 Items!J2")).first()
			.satisfies(p -> assertThat(p.message().zh()).contains("整数"));
	}

	@Test
	void theTemplateHasTheSheetsWithoutRowsAndADropDownPerClosedColumn() throws IOException {
		Catalogue bundled = BundledCatalogueTests.bundled();
		try (XSSFWorkbook template = ItemSheetWriter.write(bundled, List.of())) {
			assertThat(template.getSheet(ItemColumns.ITEMS).getLastRowNum()).isZero();
			assertThat(template.getSheet(ItemColumns.ITEMS).getRow(0).getCell(1).getStringCellValue()).isEqualTo("实施编码\nImplementation code");
			assertThat(template.getSheet(ItemColumns.ITEMS).getPaneInformation().isFreezePane()).isTrue();
			List<String> validated = template.getSheet(ItemColumns.ITEMS).getDataValidations().stream()
				.map(v -> v.getRegions().getCellRangeAddress(0).formatAsString().replaceAll("\\d", ""))
				.toList();
			assertThat(validated).contains("F:F", "G:G", "L:L", "M:M", "U:U");
			assertThat(template.getSheet(ItemColumns.MATERIALS).getDataValidations()).extracting(v -> v.getValidationConstraint().getFormula1())
				.contains("'选项 Lists'!$G$2:$G$" + (bundled.materials().size() + 1));
			assertThat(template.isSheetHidden(template.getSheetIndex(ItemColumns.LISTS))).isTrue();
		}
	}

	@Test
	void refusesWhatIsNotAnXlsxWorkbook() throws IOException {
		assertThatThrownBy(() -> Workbooks.open(new ByteArrayInputStream("code,name\nA,B\n".getBytes())))
			.isInstanceOf(Workbooks.NotAWorkbook.class);
		assertThatThrownBy(() -> Workbooks.open(new ByteArrayInputStream(zip("word/document.xml", "<w/>"))))
			.isInstanceOf(Workbooks.NotAWorkbook.class);
		byte[] xlsm = edit(Workbooks.export(new CatalogueFiles(TestCatalogue.files())), workbook -> {
		});
		assertThat(xlsm).isNotEmpty();
		assertThatThrownBy(() -> Workbooks.open(new ByteArrayInputStream(withMacros(xlsm))))
			.isInstanceOf(Workbooks.NotAWorkbook.class);
	}

	// ------------------------------------------------------------------------------------------ fixtures

	private static byte[] edit(byte[] workbook, Consumer<XSSFWorkbook> change) throws IOException {
		try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(opened);
			opened.write(out);
			return out.toByteArray();
		}
	}

	private static void set(Sheet sheet, int excelRow, String column, String value) {
		Row row = sheet.getRow(excelRow - 1) == null ? sheet.createRow(excelRow - 1) : sheet.getRow(excelRow - 1);
		int index = org.apache.poi.ss.util.CellReference.convertColStringToIndex(column);
		Cell cell = row.getCell(index) == null ? row.createCell(index) : row.getCell(index);
		if (value.isEmpty()) {
			row.removeCell(cell);
		}
		else {
			cell.setCellValue(value);
		}
	}

	private static String text(Sheet sheet, int excelRow, String column) {
		return sheet.getRow(excelRow - 1).getCell(org.apache.poi.ss.util.CellReference.convertColStringToIndex(column)).getStringCellValue();
	}

	private static int rows(byte[] workbook, String sheet) throws IOException {
		try (XSSFWorkbook opened = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			return opened.getSheet(sheet).getLastRowNum() + 1;
		}
	}

	private static byte[] zip(String name, String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content.getBytes());
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	/** The workbook with a VBA project added, as Excel saves an .xlsm. */
	static byte[] withMacros(byte[] xlsx) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream out = new ZipOutputStream(bytes)) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				out.putNextEntry(new ZipEntry(entry.getName()));
				byte[] content = in.readAllBytes();
				if (entry.getName().equals("[Content_Types].xml")) {
					content = new String(content, java.nio.charset.StandardCharsets.UTF_8)
						.replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8);
				}
				out.write(content);
				out.closeEntry();
			}
			out.putNextEntry(new ZipEntry("xl/vbaProject.bin"));
			out.write(new byte[] { 1, 2, 3 });
			out.closeEntry();
		}
		return bytes.toByteArray();
	}
}
