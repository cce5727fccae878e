package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;

/** The dashboard of 鹤城区 after three cases, from the aggregates the events keep. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SupervisionIT {

	static final String REGION = TestRegions.SUPERVISION;
	static final Map<String, List<String>> SHOP = CaseWorld.SMALL_SHOP;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void showsVolumesOnTimeRateLateDepartmentsAndWarningsAndExportsThem() throws Exception {
		ApiClient api = new ApiClient(port);

		CaseWorld late = new CaseWorld(api, REGION);
		String lateCase = late.apply("HN-CATERING", SHOP, Set.of(), Set.of());
		accept(late, lateCase);
		late.approve(lateCase, "HN-SCJG-ENT-REG", Identities.creditCode());
		for (String item : List.of("HN-SCJG-FOOD-LICENCE", "HN-ZJ-DRAINAGE-PERMIT")) {
			jdbc.sql("UPDATE case_task SET due_on = ? WHERE case_id = ?::uuid AND item = ?")
				.params(LocalDate.now(clock).minusDays(3), lateCase, item)
				.update();
			assertThat(late.approve(lateCase, item, Identities.licenceNumber("N-")).status()).isEqualTo(200);
		}
		Response issued = late.as(late.clerkOf(lateCase), "POST", "/api/v1/cases/" + lateCase + "/issue",
				Map.of("version", late.caseVersion(lateCase), "trackingNumber", "EMS9"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);

		CaseWorld warned = new CaseWorld(api, REGION);
		String warnedCase = warned.apply("HN-CATERING", SHOP, Set.of(), Set.of());
		accept(warned, warnedCase);
		warned.approve(warnedCase, "HN-SCJG-ENT-REG", Identities.creditCode());
		// the colours live in the open deadlines the scanner marks (V33)
		jdbc.sql("UPDATE open_deadline SET colour = 'RED' WHERE case_id = ?::uuid AND item = 'HN-SCJG-FOOD-LICENCE'").param(warnedCase).update();
		int yellow = jdbc.sql("""
				UPDATE open_deadline SET colour = 'YELLOW' WHERE task_id = (SELECT task_id FROM open_deadline WHERE case_id = ?::uuid
				    AND item <> 'HN-SCJG-FOOD-LICENCE' ORDER BY item LIMIT 1)""")
			.param(warnedCase)
			.update();

		CaseWorld refused = new CaseWorld(api, REGION);
		String refusedCase = refused.apply("HN-CATERING", SHOP, Set.of(), Set.of());
		refused.as(refused.clerkOf(refusedCase), "POST", "/api/v1/cases/" + refusedCase + "/refusal", Map.of("version",
				refused.caseVersion(refusedCase), "reason", "经营场所不符合要求", "legalBasis", "《中华人民共和国食品安全法》第三十三条"));

		Response dashboard = awaitDashboard(api, 6);
		Map<String, Object> today = ((List<Map<String, Object>>) dashboard.json("$.volumes")).get(0);
		assertThat(today).containsEntry("submitted", 3).containsEntry("accepted", 2).containsEntry("notAccepted", 1)
			.containsEntry("issued", 1);
		assertThat((Integer) dashboard.json("$.tasksDecided")).isEqualTo(6);
		assertThat((Integer) dashboard.json("$.tasksLate")).isEqualTo(2);
		assertThat((Double) dashboard.json("$.onTimeRate")).isEqualTo(66.67);
		List<Map<String, Object>> bottlenecks = dashboard.json("$.bottlenecks");
		assertThat(bottlenecks).hasSize(2).allSatisfy(b -> assertThat((Integer) b.get("late")).isEqualTo(1));
		assertThat(bottlenecks.stream().mapToInt(b -> (Integer) b.get("lateOnCriticalPath")).sum())
			.as("one of the two late tasks lies on the critical path").isEqualTo(1);
		Response byMatter = supervisor(api, "/api/v1/supervision/dashboard?region=" + REGION + "&matter=HN-CATERING");
		assertThat((Integer) byMatter.json("$.tasksDecided")).as("the detailed aggregates (a matter filter) agree with the rollup")
			.isEqualTo(6);
		assertThat((Integer) byMatter.json("$.tasksLate")).isEqualTo(2);
		assertThat((Object) byMatter.json("$.bottlenecks")).isEqualTo(bottlenecks);
		assertThat((Object) byMatter.json("$.averageHandlingDays")).isEqualTo(dashboard.json("$.averageHandlingDays"));
		assertThat((Integer) dashboard.json("$.red")).isEqualTo(1);
		assertThat((Integer) dashboard.json("$.yellow")).as("counted, not taken from the shortened list").isEqualTo(yellow);
		assertThat(yellow).as("the case has another open task to warn about").isEqualTo(1);
		assertThat((List<String>) dashboard.json("$.warnings[*].caseId")).containsOnly(warnedCase).hasSize(2);
		assertThat((String) dashboard.json("$.warnings[0].colour")).as("red before yellow").isEqualTo("RED");
		assertThat((String) dashboard.json("$.warnings[0].caseNumber")).as("the case's number, carried by its tasks")
			.startsWith(REGION.substring(0, 6) + "-");
		assertThat((Integer) dashboard.json("$.reduction.matters")).isGreaterThanOrEqualTo(13);

		Response csv = supervisor(api, "/api/v1/supervision/export/departments?format=csv&region=" + REGION);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFF部门编码 code,部门 department,办结 decided");
		Response xlsx = supervisor(api, "/api/v1/supervision/export/volumes?format=xlsx&region=" + REGION);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.entity().getBody()))) {
			var sheet = workbook.getSheet("volumes");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("提交 submitted");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
		}

		assertThat(api.send("GET", "/api/v1/supervision/dashboard?region=" + REGION, late.applicant, CaseWorld.PASSWORD, null).status())
			.isEqualTo(403);
		assertThat(supervisor(api, "/api/v1/supervision/dashboard?region=220000").status()).as("outside the supervisor's region")
			.isEqualTo(403);
		assertThat(new String(csv.entity().getBody(), StandardCharsets.UTF_8)).contains(REGION.substring(0, 6));
	}

	private void accept(CaseWorld world, String caseId) {
		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
	}

	/** The aggregates follow the events asynchronously: wait (bounded) until the decisions are counted. */
	private Response awaitDashboard(ApiClient api, int decided) {
		Response dashboard = null;
		for (int i = 0; i < 100; i++) {
			dashboard = supervisor(api, "/api/v1/supervision/dashboard?region=" + REGION);
			assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
			List<Map<String, Object>> volumes = dashboard.json("$.volumes");
			if ((Integer) dashboard.json("$.tasksDecided") >= decided && !volumes.isEmpty()
					&& (Integer) volumes.get(0).get("notAccepted") >= 1 && (Integer) volumes.get(0).get("issued") >= 1) {
				return dashboard;
			}
			CaseWorld.sleep(100);
		}
		return dashboard;
	}

	private static Response supervisor(ApiClient api, String path) {
		return api.send("GET", path, "supervisor", "onego-supervisor", null);
	}
}
