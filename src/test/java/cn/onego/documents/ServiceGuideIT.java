package cn.onego.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * 办事指南: any matter's guide is built from the catalogue and the hall directory — departments, limits, fees with
 * their basis, legal basis, materials and their sources, situations, halls with address and hours, channels — and
 * drawn as an A4 PDF that says the same, in Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServiceGuideIT {

	static final String HOUSING = "HN-RESALE-HOUSING-TRANSFER";

	@LocalServerPort
	int port;

	@Test
	void aMattersGuideNamesItsDepartmentsFeesWithTheirBasisMaterialsAndTheHallsOfTheRegion() {
		Response guide = new ApiClient(port).get("/api/v1/matters/" + HOUSING + "/guide?region=430102");
		assertThat(guide.status()).as(guide.body()).isEqualTo(200);
		assertThat((String) guide.json("$.name.zh")).isEqualTo("二手房转移登记及水电气网联动过户一件事");
		List<Map<String, Object>> items = guide.json("$.items");
		assertThat(items).isNotEmpty();
		assertThat((List<String>) guide.json("$.items[?(@.fee.free == false)].fee.basis")).anyMatch(b -> b.contains("不动产登记收费标准"));
		assertThat((List<String>) guide.json("$.items[?(@.fee.free == true)].fee.text.zh")).contains("不收费");
		assertThat((List<String>) guide.json("$.items[*].legalBasis")).allMatch(b -> b != null && !b.isBlank());
		assertThat((List<String>) guide.json("$.items[*].department.zh")).as("the region's own departments, by name")
			.anyMatch(d -> d.startsWith("长沙市") || d.startsWith("芙蓉区"));
		assertThat((List<String>) guide.json("$.items[*].materials[*].name.zh")).isNotEmpty();
		assertThat((List<String>) guide.json("$.items[*].materials[*].form.zh")).allMatch(f -> f.contains("份"));
		assertThat((List<String>) guide.json("$.halls[*].name.zh")).isNotEmpty();
		assertThat((String) guide.json("$.halls[0].address.zh")).isNotBlank();
		assertThat((String) guide.json("$.halls[0].hours.zh")).isNotBlank();
		assertThat((List<?>) guide.json("$.channels")).hasSize(5);
		assertThat((List<?>) guide.json("$.situations")).isNotEmpty();
		assertThat(guide.body()).as("no hall code in what is read").doesNotContain("430102-HALL");
	}

	@Test
	void everyMatterOfTheCatalogueHasAGuideWithItsItemsAndHalls() {
		ApiClient api = new ApiClient(port);
		List<String> codes = api.get("/api/v1/matters").json("$[*].code");
		assertThat(codes).hasSizeGreaterThan(5);
		for (String code : codes) {
			Response guide = api.get("/api/v1/matters/" + code + "/guide");
			assertThat(guide.status()).as(code + ": " + guide.body()).isEqualTo(200);
			assertThat((List<?>) guide.json("$.items")).as(code).isNotEmpty();
			assertThat((List<?>) guide.json("$.halls")).as(code).isNotEmpty();
		}
	}

	@Test
	void theGuideAsPdfCarriesTheHallsAddressAndTheFeeBasis() throws IOException {
		ApiClient api = new ApiClient(port);
		Response guide = api.get("/api/v1/matters/" + HOUSING + "/guide?region=430102");
		Response pdf = api.get("/api/v1/matters/" + HOUSING + "/guide.pdf?region=430102");
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		String text;
		try (PDDocument doc = Loader.loadPDF(pdf.entity().getBody())) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4").isBetween(594f, 596f);
			text = new PDFTextStripper().getText(doc).replace("\r", "").replace("\n", "");
			// the first page as a picture beside the browser tests' screenshots, for a person to look at
			java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 60),
					"png", java.nio.file.Path.of("target", "screenshots", "service-guide-pdf.png").toFile());
		}
		assertThat(text).contains("办事指南").contains("二手房转移登记")
			.contains((String) guide.json("$.halls[0].address.zh"))
			.contains("不动产登记收费标准")
			.contains("不收费");
	}

	@Test
	void anUnknownMatterOrRegionIsNotFoundAndAMalformedRegionIsRefusedAtItsField() {
		ApiClient api = new ApiClient(port);
		assertThat(api.get("/api/v1/matters/NO-SUCH-MATTER/guide").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/matters/" + HOUSING + "/guide?region=999999").status()).isEqualTo(404);
		Response malformed = api.get("/api/v1/matters/" + HOUSING + "/guide.pdf?region=abc");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat((String) malformed.json("$.errors[0].field")).isEqualTo("region");
	}
}
