package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * The items in Excel over HTTP: the catalogue in force exported and imported back is the same version (nothing is
 * stored, so the catalogue other tests see does not change); a broken workbook is refused with its cells named; what
 * is not an .xlsx workbook is refused before it is read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogueWorkbookIT {

	private static final String IMPORTS = "/api/v1/admin/catalog/imports";
	private static final String ITEMS = "/api/v1/admin/catalog/items.xlsx";
	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@LocalServerPort
	int port;

	@Autowired
	CatalogQueries queries;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void theItemsExportedAndImportedBackAreTheSameCatalogueVersion() {
		long version = queries.catalogue().version();
		String checksum = queries.catalogue().checksum();
		Response exported = api.get(ITEMS, "admin", "onego-admin");
		assertThat(exported.status()).isEqualTo(200);
		assertThat(exported.contentType()).startsWith(XLSX);
		assertThat(exported.entity().getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");

		Response imported = api.postPart(IMPORTS, "admin", "onego-admin", "workbook", "items.xlsx", exported.entity().getBody(), XLSX);

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat((Boolean) imported.json("$.changed")).isFalse();
		assertThat(((Number) imported.json("$.version.version")).longValue()).isEqualTo(version);
		assertThat((String) imported.json("$.version.checksum")).isEqualTo(checksum);
		assertThat(queries.catalogue().version()).isEqualTo(version);
	}

	@Test
	void exportsAStoredVersionAndTheTemplate() throws IOException {
		long version = queries.catalogue().version();
		Response stored = api.get(ITEMS + "?version=" + version, "admin", "onego-admin");
		Response template = api.get("/api/v1/admin/catalog/items-template.xlsx", "admin", "onego-admin");
		assertThat(stored.status()).isEqualTo(200);
		assertThat(template.status()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.entity().getBody()))) {
			assertThat(workbook.getSheet(ItemColumns.ITEMS).getLastRowNum()).isZero();
			assertThat(workbook.getSheet(ItemColumns.ITEMS).getDataValidations()).isNotEmpty();
		}
		assertThat(api.get(ITEMS + "?version=987654", "admin", "onego-admin").status()).isEqualTo(404);
	}

	@Test
	void aBrokenWorkbookIsRefusedWithItsCellsNamedAndNothingChanges() throws IOException {
		long version = queries.catalogue().version();
		byte[] exported = api.get(ITEMS, "admin", "onego-admin").entity().getBody();
		byte[] broken;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.getSheet(ItemColumns.ITEMS).getRow(1).getCell(ItemColumns.LEGAL_LIMIT.index()).setCellValue("soon");
			workbook.getSheet(ItemColumns.MATERIALS).getRow(1).getCell(ItemColumns.MATERIAL.index()).setCellValue("NO_SUCH_MATERIAL");
			workbook.getSheet(ItemColumns.ITEMS).getRow(2).getCell(ItemColumns.DEPARTMENT_TYPE.index()).setCellValue("NO_SUCH_TYPE");
			workbook.write(out);
			broken = out.toByteArray();
		}

		Response response = api.postPart(IMPORTS + "?lang=en", "admin", "onego-admin", "files", "items.xlsx", broken, XLSX);

		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat((String) response.json("$.code")).isEqualTo("workbook-rejected");
		List<String> fields = response.json("$.errors[*].field");
		assertThat(fields).contains("事项 Items!J2", "事项 Items!G3");
		assertThat(queries.catalogue().version()).isEqualTo(version);
	}

	@Test
	void refusesWhatIsNotAWorkbookAWorkbookWithMacrosAndOneTooLarge() throws IOException {
		Response csv = api.postPart(IMPORTS, "admin", "onego-admin", "workbook", "items.xlsx", "code,name\n".getBytes(), XLSX);
		assertThat(csv.status()).isEqualTo(415);
		assertThat((String) csv.json("$.code")).isEqualTo("not-a-workbook");

		byte[] exported = api.get(ITEMS, "admin", "onego-admin").entity().getBody();
		Response macros = api.postPart(IMPORTS, "admin", "onego-admin", "workbook", "items.xlsm", WorkbooksTests.withMacros(exported),
				"application/vnd.ms-excel.sheet.macroEnabled.12");
		assertThat(macros.status()).isEqualTo(415);

		byte[] huge = new byte[Workbooks.MAX_WORKBOOK_BYTES + 1];
		System.arraycopy(exported, 0, huge, 0, exported.length);
		assertThat(api.postPart(IMPORTS, "admin", "onego-admin", "workbook", "items.xlsx", huge, XLSX).status()).isEqualTo(413);

		Response withFiles = api.postFiles(IMPORTS, "admin", "onego-admin", Map.of("items/a.yaml", "- x\n", "items.xlsx", "x"), Map.of());
		assertThat(withFiles.status()).isEqualTo(400);
	}
}
