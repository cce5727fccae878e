package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.TestRegions;
import cn.onego.cases.CaseWorld;

/**
 * Statistics count a cross-region case for both regions (跨域通办): a change of an enterprise's business scope of
 * 益阳市赫山区, whose items the whole province may handle, handed in at a hall of 张家界市永定区 (异地收件), accepted and
 * issued there and decided by 赫山区's departments. 益阳市's supervisor counts it in its volumes and among the cases
 * received elsewhere for it; 张家界市's among those it received for others, and not in its own volumes; 永州市's sees
 * neither. The case runs on 赫山区's calendar (a local day off there, not in 永定区, moves its due dates); it is
 * mailed from the accepting hall; the window, departments and supervisor of a third city learn nothing of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossRegionCountsIT {

	static final String COMPETENT = TestRegions.CROSS_REGION_COMPETENT_CITY;
	static final String ACCEPTING = TestRegions.CROSS_REGION_ACCEPTING_CITY;
	static final String THIRD = TestRegions.CROSS_REGION_THIRD_CITY;
	static final String MATTER = "HN-ENTERPRISE-CHANGE";
	/** A change of the business scope alone: the registration and the tax information, both 通办范围 PROVINCE. */
	static final Map<String, List<String>> SCOPE_CHANGE = Map.of("CHANGE_ITEMS", List.of("SCOPE"));

	@LocalServerPort
	int port;

	@Test
	void countsACaseReceivedInAnotherPrefectureForTheCompetentAndTheAcceptingRegionAndNotForAThird() {
		ApiClient api = new ApiClient(port);
		String hall = CaseWorld.newHall(api, TestRegions.CROSS_REGION_ACCEPTING_DISTRICT, "永定区跨域测试政务服务中心",
				"Yongding Cross-region Test Government Service Centre", "张家界市永定区解放路1号", "No. 1 Jiefang Road, Yongding District, Zhangjiajie");
		CaseWorld world = new CaseWorld(api, TestRegions.CROSS_REGION_COMPETENT_DISTRICT);

		String caseId = applyAt(api, world, hall);
		Map<String, Object> place = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile");
		assertThat(place).containsEntry("hall", hall).containsEntry("region", TestRegions.CROSS_REGION_COMPETENT_DISTRICT)
			.containsEntry("acceptingRegion", TestRegions.CROSS_REGION_ACCEPTING_DISTRICT);

		// 赫山区's own day off tomorrow (a local holiday of 益阳): the competent region's calendar is the one that counts
		String today = api.get("/api/v1/calendar/today").json("$.date");
		String nextWorkingDay = api.get("/api/v1/calendar/working-days/after?from=" + today + "&days=1&region="
				+ TestRegions.CROSS_REGION_COMPETENT_DISTRICT).json("$.to");
		Response dayOff = api.send("POST", "/api/v1/admin/calendar/days", "admin", "onego-admin", Map.of("region", COMPETENT, "day",
				nextWorkingDay, "kind", "OFF", "name", "测试：益阳市地方假日"));
		assertThat(dayOff.status()).as(dayOff.body()).isIn(200, 201);
		String dueThere = api.get("/api/v1/calendar/working-days/after?from=" + today + "&days=1&region="
				+ TestRegions.CROSS_REGION_COMPETENT_DISTRICT).json("$.to");
		String dueHere = api.get("/api/v1/calendar/working-days/after?from=" + today + "&days=1&region="
				+ TestRegions.CROSS_REGION_ACCEPTING_DISTRICT).json("$.to");
		assertThat(dueThere).isNotEqualTo(dueHere);

		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		List<Map<String, Object>> tasks = world.view(CaseWorld.OBSERVER, caseId).json("$.tasks[*].task");
		assertThat(tasks).as("the competent district's departments decide").isNotEmpty()
			.allSatisfy(t -> assertThat((String) t.get("department")).startsWith(TestRegions.CROSS_REGION_COMPETENT_DISTRICT + "-"));
		assertThat(tasks).filteredOn(t -> Integer.valueOf(1).equals(t.get("limitDays"))).as("a one-day item ends on 赫山区's next working day")
			.isNotEmpty().allSatisfy(t -> assertThat(t.get("dueOn")).isEqualTo(dueThere));

		// the staff of a third city learn nothing of it: its window, its departments, its supervisor
		String thirdClerk = staff(api, Map.of("roles", List.of("WINDOW_CLERK"), "region", "431200", "hall", "431200-HALL"));
		String thirdReviewer = staff(api, Map.of("roles", List.of("REVIEWER"), "region", "431102", "department", "431102-MARKET_REGULATION"));
		String thirdSupervisor = supervisorOf(api, THIRD);
		for (String stranger : List.of(thirdClerk, thirdReviewer, thirdSupervisor)) {
			Response seen = api.send("GET", "/api/v1/cases/" + caseId, stranger, CaseWorld.PASSWORD, null);
			assertThat(seen.status()).as(stranger + " " + seen.body()).isIn(403, 404);
		}
		String firstTask = (String) tasks.get(0).get("id");
		Response strangersDecision = api.send("POST", "/api/v1/tasks/" + firstTask + "/claim", thirdReviewer, CaseWorld.PASSWORD,
				Map.of("version", tasks.get(0).get("version")));
		assertThat(strangersDecision.status()).as(strangersDecision.body()).isIn(403, 404);
		// the accepting city's supervisor follows the case it received
		assertThat(api.send("GET", "/api/v1/cases/" + caseId, supervisorOf(api, ACCEPTING), CaseWorld.PASSWORD, null).status()).isEqualTo(200);

		for (Map<String, Object> task : tasks) {
			// the registration's result is the business licence, numbered by the enterprise's credit code
			String item = (String) task.get("item");
			Response approved = world.approve(caseId, item, item.startsWith("HN-SCJG-") ? Identities.creditCode() : Identities.licenceNumber("X-"));
			assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		}
		Response issued = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS-X" + ThreadLocalRandom.current().nextInt(1_000_000)));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);

		// mailed to the applicant from the accepting hall (免费邮寄)
		Response[] delivery = new Response[1];
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
			delivery[0] = api.send("GET", "/api/v1/cases/" + caseId + "/delivery", world.applicant, CaseWorld.PASSWORD, null);
			return delivery[0].status() == 200 && delivery[0].body().contains("\"trackingNumber\"");
		});
		assertThat((String) delivery[0].json("$.method")).isEqualTo("FREE_MAIL");
		assertThat((String) delivery[0].json("$.shipment.from.name.zh")).as("sent from the hall that received it")
			.isEqualTo("永定区跨域测试政务服务中心");

		String competentSupervisor = supervisorOf(api, COMPETENT);
		Response competent = awaitIssuedElsewhere(api, competentSupervisor);
		assertThat(sum(competent.json("$.volumes[*].submitted"))).as("the competent city's volumes count it").isEqualTo(1);
		assertThat(sum(competent.json("$.volumes[*].issued"))).isEqualTo(1);
		assertThat((Map<String, Object>) competent.json("$.crossRegion.receivedElsewhere")).containsEntry("submitted", 1)
			.containsEntry("accepted", 1).containsEntry("issued", 1);
		assertThat((List<String>) competent.json("$.crossRegion.receivedElsewhere.partners[*].name.zh")).containsExactly("张家界市永定区");
		assertThat((Integer) competent.json("$.crossRegion.receivedForOthers.submitted")).isZero();

		String acceptingSupervisor = supervisorOf(api, ACCEPTING);
		Response accepting = dashboard(api, acceptingSupervisor, ACCEPTING);
		assertThat((Map<String, Object>) accepting.json("$.crossRegion.receivedForOthers")).containsEntry("submitted", 1)
			.containsEntry("accepted", 1).containsEntry("issued", 1);
		assertThat((List<String>) accepting.json("$.crossRegion.receivedForOthers.partners[*].name.zh")).containsExactly("益阳市赫山区");
		assertThat((List<String>) accepting.json("$.crossRegion.receivedForOthers.partners[*].name.en"))
			.containsExactly("Heshan District, Yiyang City");
		assertThat((Integer) accepting.json("$.crossRegion.receivedElsewhere.submitted")).isZero();
		assertThat(sum(accepting.json("$.volumes[*].submitted"))).as("the volumes stay the competent region's").isZero();

		Response third = dashboard(api, supervisorOf(api, THIRD), THIRD);
		assertThat((Map<String, Object>) third.json("$.crossRegion.receivedForOthers")).containsEntry("submitted", 0)
			.containsEntry("partners", List.of());
		assertThat((Map<String, Object>) third.json("$.crossRegion.receivedElsewhere")).containsEntry("submitted", 0)
			.containsEntry("partners", List.of());
		assertThat(sum(third.json("$.volumes[*].submitted"))).isZero();

		// for the province both regions are its own: nothing of this case crosses its border
		Response province = api.send("GET", "/api/v1/supervision/dashboard", CaseWorld.OBSERVER, "onego-supervisor", null);
		assertThat(province.status()).as(province.body()).isEqualTo(200);
		assertThat((List<String>) province.json("$.crossRegion.receivedForOthers.partners[*].region"))
			.doesNotContain(TestRegions.CROSS_REGION_COMPETENT_DISTRICT);
		assertThat((List<String>) province.json("$.crossRegion.receivedElsewhere.partners[*].region"))
			.doesNotContain(TestRegions.CROSS_REGION_ACCEPTING_DISTRICT);

		// the table exports with names, and each supervisor reads only their own region's
		Response csv = api.send("GET", "/api/v1/supervision/export/cross-region?format=csv&region=" + ACCEPTING, acceptingSupervisor,
				CaseWorld.PASSWORD, null);
		assertThat(csv.status()).as(csv.body()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFF方向 direction,对方地区 partner region,提交 submitted,受理 accepted,出件 issued")
			.contains("异地代收 received here for others,益阳市赫山区,1,1,1").doesNotContain(TestRegions.CROSS_REGION_COMPETENT_DISTRICT);
		assertThat(api.send("GET", "/api/v1/supervision/dashboard?region=" + COMPETENT, acceptingSupervisor, CaseWorld.PASSWORD, null)
			.status()).as("the accepting city's supervisor does not read the competent city's dashboard").isEqualTo(403);
	}


	/**
	 * The world's citizen, legal representative of an enterprise in the registry, applies for it through the API naming
	 * the hall to hand in at; returns the case once it is opened.
	 */
	private static String applyAt(ApiClient api, CaseWorld world, String hall) {
		String creditCode = Identities.creditCode();
		String name = "益阳赫山跨域测试商贸有限公司";
		Response registered = api.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + creditCode, "admin", "onego-admin",
				Map.of("ENTERPRISE_NAME", name, "LEGAL_REP_ID", world.idNumber));
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);
		CaseWorld.Submission prepared = world.prepare(MATTER, SCOPE_CHANGE);
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("applicant", Map.of("kind", "ENTERPRISE", "id", creditCode, "name", name));
		body.put("acceptingHall", hall);
		Response submitted = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String application = submitted.json("$.id");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<Map<String, Object>> mine = api.send("GET", "/api/v1/my/cases", world.applicant, CaseWorld.PASSWORD, null).json("$");
			for (Map<String, Object> c : mine) {
				if (application.equals(c.get("applicationId"))) {
					return (String) c.get("id");
				}
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("no case was opened for application " + application);
	}

	private static String staff(ApiClient api, Map<String, Object> scope) {
		String username = "x-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new HashMap<>(scope);
		body.put("username", username);
		body.put("password", CaseWorld.PASSWORD);
		body.put("name", "测试人员");
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private static String supervisorOf(ApiClient api, String region) {
		String username = "sup-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				CaseWorld.PASSWORD, "name", "测试监管员", "roles", List.of("SUPERVISOR"), "region", region));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private static Response dashboard(ApiClient api, String supervisor, String region) {
		Response dashboard = api.send("GET", "/api/v1/supervision/dashboard?region=" + region, supervisor, CaseWorld.PASSWORD, null);
		assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
		return dashboard;
	}

	/** The counts follow the transitions through the fold: wait (bounded) until the issue is counted. */
	private static Response awaitIssuedElsewhere(ApiClient api, String supervisor) {
		Response dashboard = null;
		for (int i = 0; i < 100; i++) {
			dashboard = dashboard(api, supervisor, COMPETENT);
			if ((Integer) dashboard.json("$.crossRegion.receivedElsewhere.issued") >= 1) {
				return dashboard;
			}
			CaseWorld.sleep(100);
		}
		return dashboard;
	}

	private static long sum(List<Number> values) {
		return values.stream().mapToLong(Number::longValue).sum();
	}
}
