package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/** The public catalogue API over HTTP, on the demo catalogue shipped in the repository. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogueApiIT {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void reportsHealthUpWithTheCatalogueLoaded() {
		Response health = api.get("/actuator/health", "admin", "onego-admin");
		assertThat(health.status()).isEqualTo(200);
		assertThat((String) health.json("$.status")).isEqualTo("UP");
		assertThat((String) health.json("$.components.catalogue.status")).isEqualTo("UP");
		assertThat((String) health.json("$.components.db.status")).isEqualTo("UP");
		assertThat((Integer) health.json("$.components.catalogue.details.matters")).isGreaterThanOrEqualTo(12);
	}

	@Test
	void tellsAnonymousCallersOnlyWhetherItIsUp() {
		Response health = api.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(((java.util.Map<String, Object>) health.json("$")).keySet()).contains("status").isSubsetOf("status", "groups");
		assertThat(health.body()).doesNotContain("diskSpace", "path", "free", "catalogue");
	}

	@Test
	void findsTheRestaurantMatterWhenSearchingForCatering() {
		Response found = api.get("/api/v1/matters?q=餐饮");
		assertThat(found.status()).isEqualTo(200);
		List<String> names = found.json("$[*].name.zh");
		assertThat(names).isNotEmpty().first().asString().contains("餐饮");
		Response byAlias = api.get("/api/v1/matters?q=粉面馆");
		assertThat((List<String>) byAlias.json("$[*].name.zh")).anySatisfy(n -> assertThat(n).contains("餐饮"));
	}

	@Test
	void findsWhatPeopleTypeAndOffersTheClosestMattersWhenNothingIsFound() {
		for (String typed : List.of("开个餐馆", "canyin", "kfd", "open a restaurant")) {
			assertThat((String) api.get("/api/v1/matters?q=" + typed).json("$[0].code")).as(typed).isEqualTo("HN-CATERING");
		}
		assertThat((String) api.get("/api/v1/matters?q=营业执照").json("$[0].code")).isEqualTo("HN-ENTERPRISE-OPENING");
		assertThat((String) api.get("/api/v1/matters?q=生小孩").json("$[0].code")).isEqualTo("HN-NEWBORN");
		assertThat((List<?>) api.get("/api/v1/matters/suggestions?q=生小孩").json("$")).as("found: nothing to suggest").isEmpty();

		assertThat((List<?>) api.get("/api/v1/matters?q=孩子读书").json("$")).isEmpty();
		List<String> suggested = api.get("/api/v1/matters/suggestions?q=孩子读书").json("$[*].code");
		assertThat(suggested).isNotEmpty().hasSizeLessThanOrEqualTo(3);
		assertThat((List<?>) api.get("/api/v1/matters/suggestions?q=量子纠缠实验").json("$")).isEmpty();
	}

	@Test
	void filtersByThemeApplicantTypeAndRegion() {
		List<String> themes = api.get("/api/v1/matters?theme=BIRTH").json("$[*].theme");
		assertThat(themes).isNotEmpty().containsOnly("BIRTH");
		List<String> enterprise = api.get("/api/v1/matters?applicantType=ENTERPRISE").json("$[*].applicantType");
		assertThat(enterprise).isNotEmpty().containsOnly("ENTERPRISE");
		List<String> inJilin = api.get("/api/v1/matters?region=220100").json("$[*].code");
		List<String> inChangsha = api.get("/api/v1/matters?region=430102").json("$[*].code");
		assertThat(inChangsha).hasSizeGreaterThanOrEqualTo(12);
		assertThat(inJilin).hasSizeLessThan(inChangsha.size());
	}

	@Test
	void showsAMattersItemsMaterialsSituationsAndDependencyGraph() {
		String code = api.get("/api/v1/matters?q=餐饮").json("$[0].code");
		Response matter = api.get("/api/v1/matters/" + code);
		assertThat(matter.status()).isEqualTo(200);
		assertThat((List<?>) matter.json("$.items")).hasSizeGreaterThanOrEqualTo(4);
		assertThat((List<?>) matter.json("$.situations")).isNotEmpty();
		assertThat((List<?>) matter.json("$.dependencyGraph.edges")).isNotEmpty();
		assertThat((List<?>) matter.json("$.materials[?(@.items.length() > 1)]")).as("a material shared by items")
			.isNotEmpty();
		String item = matter.json("$.items[0].code");
		Response detail = api.get("/api/v1/items/" + item);
		assertThat(detail.status()).isEqualTo(200);
		assertThat((String) detail.json("$.legalBasis")).isNotBlank();
		assertThat((List<String>) detail.json("$.usedInMatters[*].code")).contains(code);
	}

	@Test
	void looksUpRegionsAndDepartments() {
		Response hunan = api.get("/api/v1/regions/430000");
		assertThat((String) hunan.json("$.region.name")).isEqualTo("湖南省");
		assertThat((List<?>) hunan.json("$.children")).hasSize(14);
		Response county = api.get("/api/v1/regions/431021");
		assertThat((List<String>) county.json("$.lineage[*].name")).containsExactly("桂阳县", "郴州市", "湖南省");
		for (String partner : List.of("431200", "220000", "440200", "441200", "350100")) {
			List<String> departments = api.get("/api/v1/departments?region=" + partner).json("$[*].code");
			assertThat(departments).as(partner).isNotEmpty();
		}
		Response market = api.get("/api/v1/departments/430100-MARKET_REGULATION");
		assertThat((String) market.json("$.name")).isEqualTo("长沙市市场监督管理局");
		assertThat((List<String>) api.get("/api/v1/regions?q=津市").json("$[*].code")).contains("430781");
	}

	@Test
	void publishesTheOneThingListAsJsonAndCsv() {
		Response json = api.get("/api/v1/public-lists/430100/one-thing");
		assertThat((List<?>) json.json("$")).hasSizeGreaterThanOrEqualTo(12);
		Response csv = api.get("/api/v1/public-lists/430100/one-thing?format=csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFFcode,name_zh,name_en").contains("餐饮");
		Response powers = api.get("/api/v1/public-lists/430100/powers", null, null, "Accept", "text/csv");
		assertThat(powers.body()).contains("长沙市市场监督管理局");
		Response crossRegion = api.get("/api/v1/public-lists/430100/cross-region");
		assertThat(crossRegion.status()).isEqualTo(200);
		assertThat((List<String>) crossRegion.json("$[*].scope_zh")).contains("全省通办", "与韶关市、肇庆市、福州市跨省通办");
	}

	@Test
	void answersErrorsAsBilingualProblemDocuments() {
		Response missing = api.get("/api/v1/matters/NO-SUCH-MATTER");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat((String) missing.json("$.title")).isEqualTo("未找到");
		assertThat((String) missing.json("$.message.en")).isEqualTo("Matter not found: NO-SUCH-MATTER");
		Response english = api.get("/api/v1/matters/NO-SUCH-MATTER", null, null, "Accept-Language", "en-GB,en;q=0.9");
		assertThat((String) english.json("$.title")).isEqualTo("Not found");

		Response badRegion = api.get("/api/v1/matters?region=43");
		assertThat(badRegion.status()).isEqualTo(400);
		assertThat((String) badRegion.json("$.errors[0].field")).isEqualTo("region");
		assertThat((String) badRegion.json("$.errors[0].message.zh")).contains("行政区划代码");

		Response badTheme = api.get("/api/v1/matters?theme=PARTY");
		assertThat(badTheme.status()).isEqualTo(400);
		assertThat((String) badTheme.json("$.errors[0].field")).isEqualTo("theme");

		Response noPage = api.get("/api/v1/nothing-here");
		assertThat(noPage.status()).isEqualTo(404);
		assertThat(noPage.contentType()).startsWith("application/problem+json");
	}

	@Test
	void describesTheApiWithOpenApi() {
		Response docs = api.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat((String) docs.json("$.openapi")).startsWith("3.");
		assertThat(docs.body()).contains("/api/v1/matters/{code}", "/api/v1/admin/catalog/imports");
		assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}
}
