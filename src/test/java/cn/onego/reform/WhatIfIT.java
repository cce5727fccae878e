package cn.onego.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.shared.RegionCode;

/**
 * The what-if simulator on a history of its own: catering cases of 武陵区 written as the case flow leaves them, and a
 * draft that turns one material of the drainage permit into an e-licence and shortens the food licence's promised
 * limit from 5 to 3 working days.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatIfIT {

	static final String CITY = TestRegions.WHATIF_CITY;
	static final String DISTRICT = TestRegions.WHATIF_DISTRICT;
	static final String MARKET = DISTRICT + "-MARKET_REGULATION";
	static final String HOUSING = DISTRICT + "-HOUSING_CONSTRUCTION";
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData data;

	@Autowired
	Calendars calendars;

	@Autowired
	Clock clock;

	/**
	 * Registration, taking {@code registrationDays}, then the food licence, taking 2, and if asked the drainage permit,
	 * taking 2 from the day registration ended; closed when the last ended.
	 */
	private String aCateringCase(LocalDate start, int registrationDays, boolean drainage) {
		WorkingDayCalendar calendar = calendars.of(RegionCode.of(DISTRICT)).provisional();
		UUID id = UUID.randomUUID();
		String number = DISTRICT + "-WHATIF-" + id.toString().substring(0, 8);
		String applicant = cn.onego.Identities.idNumber();
		LocalDate registered = calendar.plusWorkingDays(start, registrationDays);
		LocalDate done = calendar.plusWorkingDays(registered, 2);
		jdbc.sql("""
				INSERT INTO case_file (id, number, application_id, matter, applicant_id, applicant_id_index, applicant_name,
				    applicant_username, region, hall, channel, state, submitted_at, accepted_at, closed_at)
				VALUES (?, ?, ?, 'HN-CATERING', ?, ?, '测试', 'nobody', ?, '430000-HALL', 'ONLINE', 'ISSUED', ?, ?, ?)""")
			.params(id, number, UUID.randomUUID(), data.seal(applicant, SealedColumn.indexed("case_file", "applicant_id",
					"applicant_id_index").name()), data.index(applicant), DISTRICT, at(start), at(start), at(done))
			.update();
		task(id, "HN-SCJG-ENT-REG", MARKET, List.of(), start, registered);
		task(id, "HN-SCJG-FOOD-LICENCE", MARKET, List.of("HN-SCJG-ENT-REG"), registered, done);
		if (drainage) {
			task(id, "HN-ZJ-DRAINAGE-PERMIT", HOUSING, List.of("HN-SCJG-ENT-REG"), registered, done);
		}
		return number;
	}

	private void task(UUID caseId, String item, String department, List<String> prerequisites, LocalDate started, LocalDate decided) {
		jdbc.sql("""
				INSERT INTO case_task (id, case_id, item, department, mandatory, state, prerequisites, started_on, due_on, decided_at,
				    limit_days)
				VALUES (?, ?, ?, ?, true, 'APPROVED', ?::jsonb, ?, ?, ?, 5)""")
			.params(UUID.randomUUID(), caseId, item, department, prerequisites.isEmpty() ? "[]" : "[\"" + String.join("\",\"", prerequisites) + "\"]",
					started, started.plusDays(7), at(decided))
			.update();
	}

	private static Timestamp at(LocalDate day) {
		return Timestamp.from(day.atTime(10, 0).atZone(CHINA).toInstant());
	}

	@Test
	void showsTheDraftsFiguresAndALoadThatMovesOnlyForTheCasesItChanges() throws Exception {
		ApiClient api = new ApiClient(port);
		WorkingDayCalendar calendar = calendars.of(RegionCode.of(DISTRICT)).provisional();
		LocalDate thursday = LocalDate.now(clock.withZone(CHINA)).with(DayOfWeek.MONDAY).minusWeeks(6).plusDays(3);
		// slow: registration took 3 working days, from a Thursday into the next week, none under the draft; quick ones: the
		// same day, under any limit
		String slow = aCateringCase(thursday, 3, false);
		String quickWithDrainage = aCateringCase(thursday.plusWeeks(1), 0, true);
		String quick = aCateringCase(thursday.plusWeeks(1), 0, false);

		Map<String, Object> draft = new LinkedHashMap<>(Map.of("name", "排水许可图纸电子化、设立登记即办", "region", DISTRICT,
				"operations", List.of(Map.of("kind", "E_LICENCE", "material", "DRAINAGE_DRAWINGS", "licenceType", "DRAINAGE_DRAWINGS_E"),
						Map.of("kind", "SHORTEN_LIMIT", "item", "HN-SCJG-ENT-REG", "days", 0))));
		Response created = api.send("POST", "/api/v1/reform/drafts", "supervisor", "onego-supervisor", draft);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json("$.draft.id");
		assertThat(created.<List<String>>json("$.described[*].zh")).containsExactly(
				"“排水户内部排水管网、专用检测井、污水排放口位置和口径的图纸及说明”改为电子证照获取",
				"“经营主体设立登记（含社会保险登记）”承诺时限压缩至 0 个工作日");

		Response comparison = api.send("GET", "/api/v1/reform/drafts/" + id + "/comparison", "supervisor", "onego-supervisor", null);
		assertThat(comparison.status()).as(comparison.body()).isEqualTo(200);
		// the catering matter, applying once, in force and under the draft
		String catering = "$.matters[?(@.code == 'HN-CATERING')]";
		// one material less (the drawings come as an e-licence); 1 + 5 → 0 + 5 days along the critical path
		assertThat(comparison.<List<Integer>>json(catering + ".before.materials")).containsExactly(5);
		assertThat(comparison.<List<Integer>>json(catering + ".after.materials")).containsExactly(4);
		assertThat(comparison.<List<Integer>>json(catering + ".before.workingDays")).containsExactly(6);
		assertThat(comparison.<List<Integer>>json(catering + ".after.workingDays")).containsExactly(5);
		assertThat(comparison.<List<Integer>>json(catering + ".before.trips")).containsExactly(1);
		assertThat(comparison.<List<Integer>>json(catering + ".after.trips")).containsExactly(1);
		assertThat(comparison.<List<Integer>>json(catering + ".before.formFields")).containsExactly(21);
		assertThat(comparison.<List<Integer>>json(catering + ".after.formFields")).containsExactly(21);

		// the replay: three cases; the slow one 3 + 2 → 0 + 2 days, the one with the drainage permit one material less
		assertThat(comparison.<Integer>json("$.replay.cases")).isEqualTo(3);
		assertThat(comparison.<List<String>>json("$.replay.changedCases[*].number")).containsExactlyInAnyOrder(slow, quickWithDrainage)
			.doesNotContain(quick);
		assertThat(comparison.<List<Integer>>json("$.replay.changedCases[?(@.number == '" + slow + "')].workingDaysBefore"))
			.containsExactly(5);
		assertThat(comparison.<List<Integer>>json("$.replay.changedCases[?(@.number == '" + slow + "')].workingDaysAfter"))
			.containsExactly(2);
		List<Integer> materialsBefore = comparison.json("$.replay.changedCases[?(@.number == '" + quickWithDrainage + "')].materialsBefore");
		List<Integer> materialsAfter = comparison.json("$.replay.changedCases[?(@.number == '" + quickWithDrainage + "')].materialsAfter");
		assertThat(materialsAfter.get(0)).isEqualTo(materialsBefore.get(0) - 1);

		// the load moves exactly for the slow case: its registration from the next week back to the Thursday's; its food
		// licence, started when registration really ended, stays where it was
		String weekBefore = Replay.week(calendar.plusWorkingDays(thursday, 3));
		String weekAfter = Replay.week(thursday);
		assertThat(weekBefore).isNotEqualTo(weekAfter);
		List<Map<String, Object>> load = comparison.json("$.replay.load");
		Set<String> moved = new HashSet<>();
		List<String> rows = new ArrayList<>();
		for (Map<String, Object> row : load) {
			rows.add(row.get("department") + " " + row.get("week") + " " + row.get("baseline") + "→" + row.get("draft"));
			if (!row.get("baseline").equals(row.get("draft"))) {
				moved.add(row.get("department") + " " + row.get("week") + " " + ((Integer) row.get("draft") - (Integer) row.get("baseline")));
			}
		}
		assertThat(moved).as(String.join("\n", rows)).containsExactlyInAnyOrder(MARKET + " " + weekBefore + " -1", MARKET + " " + weekAfter + " 1");
		assertThat(comparison.<List<String>>json("$.replay.changedCases[?(@.number == '" + slow + "')].weeks[*]"))
			.containsExactlyInAnyOrder(weekBefore, weekAfter);
		assertThat(comparison.<List<String>>json("$.departments[*].zh")).isNotEmpty();

		// the report to sign off, as PDF and as Excel
		Response pdf = api.send("GET", "/api/v1/reform/drafts/" + id + "/report?format=pdf", "supervisor", "onego-supervisor", null);
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(200);
		try (var doc = Loader.loadPDF(pdf.entity().getBody())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("开办餐饮店一件事", "排水许可图纸电子化、设立登记即办", "局长签字", slow);
		}
		Response xlsx = api.send("GET", "/api/v1/reform/drafts/" + id + "/report?format=xlsx", "supervisor", "onego-supervisor", null);
		assertThat(xlsx.status()).as(xlsx.body()).isEqualTo(200);
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.entity().getBody()))) {
			assertThat(book.getSheet("报告").getRow(0).getCell(0).getStringCellValue()).contains("排水许可图纸电子化");
			var figures = book.getSheet("指标对比");
			boolean found = false;
			for (var row : figures) {
				found |= "开办餐饮店一件事".equals(row.getCell(0).getStringCellValue());
			}
			assertThat(found).isTrue();
			assertThat(book.getSheet("每周工作量").getPhysicalNumberOfRows()).isGreaterThan(1);
		}
	}

	@Test
	void letsOnlyTheRegionsSupervisorsAndCatalogueAdministratorsSeeADraft() {
		ApiClient api = new ApiClient(port);
		Map<String, Object> draft = Map.of("name", "秒批试点", "region", CITY,
				"operations", List.of(Map.of("kind", "AUTO_APPROVE", "item", "HN-SW-NEW-TAXPAYER")));
		String citySupervisor = staff(api, "SUPERVISOR", CITY);
		Response created = api.send("POST", "/api/v1/reform/drafts", citySupervisor, CaseWorld.PASSWORD, draft);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json("$.draft.id");

		String neighbour = staff(api, "SUPERVISOR", "430100");
		assertThat(api.send("GET", "/api/v1/reform/drafts/" + id, neighbour, CaseWorld.PASSWORD, null).status()).isEqualTo(404);
		assertThat(api.send("GET", "/api/v1/reform/drafts/" + id + "/comparison", neighbour, CaseWorld.PASSWORD, null).status())
			.isEqualTo(404);
		assertThat(api.send("GET", "/api/v1/reform/drafts", neighbour, CaseWorld.PASSWORD, null).<List<String>>json("$[*].draft.id"))
			.doesNotContain(id);
		Response drafting = api.send("POST", "/api/v1/reform/drafts", neighbour, CaseWorld.PASSWORD, draft);
		assertThat(drafting.status()).isEqualTo(400);
		assertThat(drafting.<List<String>>json("$.errors[*].field")).containsExactly("region");

		assertThat(api.send("GET", "/api/v1/reform/drafts/" + id, citySupervisor, CaseWorld.PASSWORD, null).status()).isEqualTo(200);
		String admin = staff(api, "CATALOGUE_ADMIN", "430000");
		assertThat(api.send("GET", "/api/v1/reform/drafts/" + id, admin, CaseWorld.PASSWORD, null).status()).isEqualTo(200);
		CaseWorld applicant = new CaseWorld(api, TestRegions.SHARED);
		String clerk = applicant.clerkOfHall("430102-HALL");
		assertThat(api.send("GET", "/api/v1/reform/drafts/" + id, clerk, CaseWorld.PASSWORD, null).status()).isEqualTo(403);
		assertThat(api.send("POST", "/api/v1/reform/drafts", clerk, CaseWorld.PASSWORD, draft).status()).isEqualTo(403);
		assertThat(api.send("GET", "/api/v1/reform/drafts", applicant.applicant, CaseWorld.PASSWORD, null).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/reform/drafts").status()).isEqualTo(401);
	}

	@Test
	void refusesADraftFieldByFieldWithoutKeepingIt() {
		ApiClient api = new ApiClient(port);
		Map<String, Object> draft = Map.of("name", "", "region", DISTRICT, "operations", List.of(
				Map.of("kind", "E_LICENCE", "material", "NO_SUCH_MATERIAL", "licenceType", "X"),
				Map.of("kind", "SHORTEN_LIMIT", "item", "NO-SUCH-ITEM", "days", 1),
				Map.of("kind", "MERGE_ITEMS", "item", "HN-SCJG-FOOD-LICENCE"),
				Map.of("kind", "CONNECT_REGISTRY", "registry", "NOWHERE")));
		Response refused = api.send("POST", "/api/v1/reform/drafts", "supervisor", "onego-supervisor", draft);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("name", "operations[2].otherItem",
				"operations[3].registry");

		Map<String, Object> unknown = Map.of("name", "未知事项", "region", DISTRICT, "operations", List.of(
				Map.of("kind", "E_LICENCE", "material", "NO_SUCH_MATERIAL", "licenceType", "X"),
				Map.of("kind", "SHORTEN_LIMIT", "item", "NO-SUCH-ITEM", "days", 1)));
		Response located = api.send("POST", "/api/v1/reform/drafts", "supervisor", "onego-supervisor", unknown);
		assertThat(located.status()).isEqualTo(400);
		assertThat(located.<List<String>>json("$.errors[*].field")).containsExactly("operations[0].material", "operations[1].item");
		assertThat(located.<List<String>>json("$.errors[*].message.zh")).allMatch(m -> m.contains("目录中没有"));

		Response months = api.send("GET", "/api/v1/reform/drafts/" + UUID.randomUUID() + "/comparison?months=99", "supervisor",
				"onego-supervisor", null);
		assertThat(months.status()).isEqualTo(404);
	}

	private static String staff(ApiClient api, String role, String region) {
		String username = "wi-" + role.toLowerCase().replace('_', '-').substring(0, 4) + "-" + UUID.randomUUID().toString().substring(0, 6);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				CaseWorld.PASSWORD, "name", "模拟测试人员", "roles", List.of(role), "region", region));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
