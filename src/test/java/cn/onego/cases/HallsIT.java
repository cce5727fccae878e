package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.TestRegions;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;

/**
 * Halls as data: administrators add and change halls and window categories through the API, and where the next case
 * goes follows at once, without a restart; a city's administrator keeps only the city's halls; a wrong hall is
 * refused field by field and changes nothing. The halls are added in 岳阳 ({@link TestRegions#HALLS_CITY}), where
 * no shipped hall is, so that no other test's case moves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HallsIT {

	static final String ADMIN = "admin";
	static final String ADMIN_PASSWORD = "onego-admin";

	@LocalServerPort
	int port;

	@Autowired
	Halls halls;

	@Autowired
	CatalogQueries catalog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAddedCategoryAndHallChangeWhereANewCaseGoesWithoutRestart() {
		ApiClient api = new ApiClient(port);
		Catalogue catalogue = catalog.catalogue();
		Matter catering = catalogue.matter("HN-CATERING").orElseThrow();
		RegionCode district = RegionCode.of(TestRegions.HALLS_DISTRICT);
		assertThat(halls.competentHall(catalogue, catering, district).value()).as("no hall in 岳阳 yet: the province's")
			.isEqualTo("430000-HALL");

		// a hall of the district whose windows take social affairs only: a restaurant still goes to the province
		String code = "430602-T" + ThreadLocalRandom.current().nextInt(1_000_000);
		Response created = api.send("POST", "/api/v1/admin/halls", ADMIN, ADMIN_PASSWORD,
				hall(code, TestRegions.HALLS_DISTRICT, false, List.of("SOCIAL_AFFAIRS")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(halls.competentHall(catalogue, catering, district).value()).isEqualTo("430000-HALL");

		// a new category that takes over the opening of enterprises, accepted by the new hall: restaurants go there
		String category = "T" + ThreadLocalRandom.current().nextInt(1_000_000);
		Map<String, Object> business = businessCategory(api);
		try {
			Response added = api.send("POST", "/api/v1/admin/window-categories", ADMIN, ADMIN_PASSWORD, Map.of("code", category,
					"name", "企业开办专区", "nameEn", "Opening a business", "themes", List.of("ENTERPRISE_OPENING")));
			assertThat(added.status()).as(added.body()).isEqualTo(201);
			assertThat(halls.categoryOf(catering).code()).isEqualTo(category);
			assertThat(halls.competentHall(catalogue, catering, district).value())
				.as("a hall of every category takes the new one; this hall does not yet").isEqualTo("430000-HALL");
			assertThat(halls.competentHall(catalogue, catering, RegionCode.of("430102")).value())
				.as("the shipped halls accept every category, the new one too").isEqualTo("430102-HALL");

			Map<String, Object> change = hall(code, TestRegions.HALLS_DISTRICT, false, List.of("SOCIAL_AFFAIRS", category));
			change.put("version", 0);
			Response changed = api.send("PUT", "/api/v1/admin/halls/" + code, ADMIN, ADMIN_PASSWORD, change);
			assertThat(changed.status()).as(changed.body()).isEqualTo(200);
			assertThat(halls.competentHall(catalogue, catering, district).value()).isEqualTo(code);

			// a real application from the district: its case opens in the new hall's queue
			CaseWorld world = new CaseWorld(api, TestRegions.HALLS_DISTRICT);
			String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
			assertThat((String) world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.hall")).isEqualTo(code);

			// closed: new cases go to the next competent hall, the case it holds stays, with its hall's name
			Response closed = api.send("PUT", "/api/v1/admin/halls/" + code + "/closed", ADMIN, ADMIN_PASSWORD,
					Map.of("closed", true, "version", 1));
			assertThat(closed.status()).as(closed.body()).isEqualTo(200);
			assertThat(halls.competentHall(catalogue, catering, district).value()).isEqualTo("430000-HALL");
			Response kept = world.view(world.applicant, caseId);
			assertThat((String) kept.json("$.caseFile.hall")).isEqualTo(code);
			assertThat((String) kept.json("$.hall.name.zh")).isEqualTo("岳阳楼区测试政务服务中心");
			assertThat(api.get("/api/v1/halls?region=430600").body()).as("the public list shows open halls").doesNotContain(code);
		}
		finally {
			// the opening of enterprises goes back where it was, for every other test's restaurants
			Map<String, Object> back = new HashMap<>(business);
			back.put("version", businessCategory(api).get("version"));
			Response restored = api.send("PUT", "/api/v1/admin/window-categories/BUSINESS", ADMIN, ADMIN_PASSWORD, back);
			assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		}
		assertThat(halls.categoryOf(catering).code()).isEqualTo("BUSINESS");
		assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target = ? ORDER BY id").param("hall/" + code)
			.query(String.class).list()).containsExactly("hall.CREATED", "hall.CHANGED", "hall.CLOSED");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE target = ? AND action = 'window-category.CREATED'")
			.param("window-category/" + category).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCityAdministratorKeepsTheHallsOfTheCityAndNoOthers() {
		ApiClient api = new ApiClient(port);
		String cityAdmin = "halls-admin-" + UUID.randomUUID().toString().substring(0, 8);
		Response staff = api.send("POST", "/api/v1/admin/staff", ADMIN, ADMIN_PASSWORD, Map.of("username", cityAdmin,
				"password", CaseWorld.PASSWORD, "name", "岳阳市目录管理员", "roles", List.of("CATALOGUE_ADMIN"), "region",
				TestRegions.HALLS_CITY));
		assertThat(staff.status()).as(staff.body()).isEqualTo(201);
		Map<String, Object> changsha = new HashMap<>(hall("430100-HALL", "430100", true, List.of()));
		changsha.put("version", halls.hall("430100-HALL").orElseThrow().version());

		Response another = api.send("PUT", "/api/v1/admin/halls/430100-HALL", cityAdmin, CaseWorld.PASSWORD, changsha);
		assertThat(another.status()).as("another city's hall").isEqualTo(403);
		assertThat((String) another.json("$.code")).isEqualTo("outside-your-region");
		assertThat(api.send("PUT", "/api/v1/admin/halls/430100-HALL/closed", cityAdmin, CaseWorld.PASSWORD,
				Map.of("closed", true, "version", changsha.get("version"))).status()).isEqualTo(403);
		String elsewhere = "430100-T" + ThreadLocalRandom.current().nextInt(1_000_000);
		assertThat(api.send("POST", "/api/v1/admin/halls", cityAdmin, CaseWorld.PASSWORD, hall(elsewhere, "430100", true, List.of()))
			.status()).as("a hall in another city").isEqualTo(403);
		assertThat(api.send("POST", "/api/v1/admin/window-categories", cityAdmin, CaseWorld.PASSWORD,
				Map.of("code", "CITY_ONLY", "name", "本市专区", "themes", List.of())).status()).as("categories are the province's")
			.isEqualTo(403);
		assertThat(halls.hall("430100-HALL").orElseThrow().name()).isEqualTo("长沙市政务服务中心");
		assertThat(halls.hall("430100-HALL").orElseThrow().open()).isTrue();
		assertThat(halls.hall(elsewhere)).isEmpty();

		// their own city (君山区, off 岳阳楼区's lineage, so no other test's case goes there): added, listed, and moving
		// it to another city is giving it away
		String own = "430611-T" + ThreadLocalRandom.current().nextInt(1_000_000);
		Response created = api.send("POST", "/api/v1/admin/halls", cityAdmin, CaseWorld.PASSWORD, hall(own, "430611", true, List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		List<String> regions = api.send("GET", "/api/v1/admin/halls", cityAdmin, CaseWorld.PASSWORD, null).json("$[*].region");
		assertThat(regions).isNotEmpty().allMatch(r -> r.startsWith("4306"));
		Map<String, Object> moved = hall(own, "430100", true, List.of());
		moved.put("version", 0);
		assertThat(api.send("PUT", "/api/v1/admin/halls/" + own, cityAdmin, CaseWorld.PASSWORD, moved).status()).isEqualTo(403);
		assertThat(halls.hall(own).orElseThrow().region().value()).isEqualTo("430611");
	}

	@Test
	void refusesAWrongHallFieldByFieldInBothLanguagesAndChangesNothing() {
		ApiClient api = new ApiClient(port);
		Map<String, Object> wrong = hall("430100-HALL", "999999", false, List.of("NO_SUCH_CATEGORY"));
		wrong.put("name", "长沙".repeat(51));
		wrong.put("phone", "12-34");
		wrong.put("hours", "周一至周五".repeat(100));
		wrong.put("windows", List.of(Map.of("number", "A01", "name", "综合窗口"), Map.of("number", "A01", "name", "综合窗口二")));
		long before = jdbc.sql("SELECT max(id) FROM hall_change").query(Long.class).single();

		Response refused = api.send("POST", "/api/v1/admin/halls", ADMIN, ADMIN_PASSWORD, wrong);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		List<Map<String, Object>> errors = refused.json("$.errors");
		Map<String, String> codes = new HashMap<>();
		errors.forEach(e -> codes.put((String) e.get("field"), (String) e.get("code")));
		assertThat(codes).containsEntry("code", "taken")
			.containsEntry("name", "too-long")
			.containsEntry("region", "unknown")
			.containsEntry("phone", "pattern")
			.containsEntry("hours", "too-long")
			.containsEntry("categories[0]", "unknown")
			.containsEntry("windows[1].number", "duplicate");
		for (Map<String, Object> e : errors) {
			@SuppressWarnings("unchecked")
			Map<String, String> message = (Map<String, String>) e.get("message");
			assertThat(message.get("zh")).as(e.get("field") + " in Chinese").isNotBlank();
			assertThat(message.get("en")).as(e.get("field") + " in English").isNotBlank();
		}
		assertThat(jdbc.sql("SELECT max(id) FROM hall_change").query(Long.class).single()).isEqualTo(before);
		assertThat(halls.hall("430100-HALL").orElseThrow().name()).isEqualTo("长沙市政务服务中心");

		Map<String, Object> nul = hall("430602-NUL", TestRegions.HALLS_DISTRICT, true, List.of());
		nul.put("name", "岳阳\u0000大厅");
		Response refusedNul = api.send("POST", "/api/v1/admin/halls", ADMIN, ADMIN_PASSWORD, nul);
		assertThat(refusedNul.status()).isEqualTo(400);
		assertThat((List<String>) refusedNul.json("$.errors[*].field")).contains("name");
		assertThat(halls.hall("430602-NUL")).isEmpty();

		Map<String, Object> stale = hall("430100-HALL", "430100", true, List.of());
		stale.put("version", 999);
		Response conflict = api.send("PUT", "/api/v1/admin/halls/430100-HALL", ADMIN, ADMIN_PASSWORD, stale);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(api.send("PUT", "/api/v1/admin/window-categories/BUSINESS", ADMIN, ADMIN_PASSWORD,
				Map.of("name", "市场准入", "themes", List.of(), "version", 0)).json("$.errors[0].code").toString())
			.as("a theme leaves a category only by joining another").isEqualTo("theme-left-without-category");
	}

	/**
	 * What the applicant's pages read — the case with its history, the receipt, their list of cases, the public
	 * progress look-up and the list of halls — names the hall; a hall code is there only as the identifier a page
	 * filters by ({@code caseFile.hall}, {@code hall.code}, a list's {@code hall}), never in a field that is shown.
	 */
	@Test
	void noPayloadShownToCitizensCarriesAHallCodeWhereANameBelongs() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		String name = "长沙市芙蓉区政务服务中心";

		Response view = world.view(world.applicant, caseId);
		assertThat((String) view.json("$.hall.name.zh")).isEqualTo(name);
		assertThat((String) view.json("$.hall.address.zh")).isEqualTo("长沙市芙蓉区八一路1号");
		assertThat((String) view.json("$.hall.phone")).isEqualTo("0731-12345");
		assertThat((String) view.json("$.hall.hours.en")).startsWith("Mon–Fri");
		List<String> details = view.json("$.history[*].detail.zh");
		assertThat(String.join("\n", details)).as("the history names the hall").contains(name).doesNotContainPattern(HALL_CODE);
		assertThat(withoutIdentifiers(view.body(), "caseFile.hall", "hall.code")).doesNotContainPattern(HALL_CODE);

		Response receipt = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null);
		assertThat((String) receipt.json("$.hallDetails.name.zh")).isEqualTo(name);
		assertThat(withoutIdentifiers(receipt.body(), "hallDetails.code")).doesNotContainPattern(HALL_CODE);

		List<Map<String, Object>> mine = world.as(world.applicant, "GET", "/api/v1/my/cases", null).json("$");
		Map<String, Object> line = mine.stream().filter(c -> caseId.equals(c.get("id"))).findFirst().orElseThrow();
		assertThat(line).extractingByKey("hallName").asString().contains(name);

		Response progress = api.get("/api/v1/progress?number=" + receipt.json("$.number") + "&code=" + receipt.json("$.queryCode"),
				null, null, "X-Forwarded-For", "198.51.100.48");
		assertThat(progress.status()).as(progress.body()).isEqualTo(200);
		assertThat((String) progress.json("$.hall.name.zh")).isEqualTo(name);
		assertThat(withoutIdentifiers(progress.body(), "hall.code")).doesNotContainPattern(HALL_CODE);

		Response open = api.get("/api/v1/halls");
		List<Map<String, Object>> listed = open.json("$");
		assertThat(listed).extracting(h -> h.get("code")).contains("430102-HALL");
		for (Map<String, Object> h : listed) {
			Map<String, Object> shown = new HashMap<>(h);
			shown.remove("code");
			assertThat(JSON.writeValueAsString(shown)).as("what the page shows of %s", h.get("code")).doesNotContainPattern(HALL_CODE);
		}
	}

	static final String HALL_CODE = "\\d{6}-HALL";

	static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	/** The document without the fields that identify a hall by its code (dotted paths of objects). */
	@SuppressWarnings("unchecked")
	static String withoutIdentifiers(String body, String... paths) throws Exception {
		Map<String, Object> document = JSON.readValue(body, Map.class);
		for (String path : paths) {
			String[] keys = path.split("\\.");
			Map<String, Object> at = document;
			for (int i = 0; i < keys.length - 1 && at != null; i++) {
				at = (Map<String, Object>) at.get(keys[i]);
			}
			if (at != null) {
				at.remove(keys[keys.length - 1]);
			}
		}
		return JSON.writeValueAsString(document);
	}

	/** A hall of 岳阳's district (or wherever), as the admin page sends it. */
	static Map<String, Object> hall(String code, String region, boolean everyCategory, List<String> categories) {
		Map<String, Object> hall = new HashMap<>();
		hall.put("code", code);
		hall.put("name", region.equals(TestRegions.HALLS_DISTRICT) ? "岳阳楼区测试政务服务中心" : "测试政务服务中心");
		hall.put("nameEn", "Test Government Service Centre");
		hall.put("region", region);
		hall.put("address", "岳阳市岳阳楼区巴陵中路1号");
		hall.put("addressEn", "No. 1 Baling Middle Road, Yueyanglou District, Yueyang");
		hall.put("phone", "0730-12345");
		hall.put("hours", "周一至周五 9:00–12:00、13:30–17:30");
		hall.put("hoursEn", "Mon–Fri 9:00–12:00 and 13:30–17:30");
		hall.put("everyCategory", everyCategory);
		hall.put("categories", categories);
		hall.put("windows", List.of(Map.of("number", "A01", "name", "综合窗口", "categories", categories)));
		return hall;
	}

	private static Map<String, Object> businessCategory(ApiClient api) {
		List<Map<String, Object>> categories = api.get("/api/v1/window-categories").json("$");
		Map<String, Object> business = categories.stream().filter(c -> "BUSINESS".equals(c.get("code"))).findFirst().orElseThrow();
		@SuppressWarnings("unchecked")
		Map<String, String> name = (Map<String, String>) business.get("name");
		Map<String, Object> definition = new HashMap<>();
		definition.put("name", name.get("zh"));
		definition.put("nameEn", name.get("en"));
		definition.put("themes", List.of("ENTERPRISE_OPENING", "ENTERPRISE_CHANGE", "ENTERPRISE_OPERATION", "ENTERPRISE_EXIT",
				"POLICY_BENEFITS"));
		definition.put("version", business.get("version"));
		return definition;
	}
}
