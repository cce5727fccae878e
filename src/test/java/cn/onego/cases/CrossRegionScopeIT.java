package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;

/**
 * 通办范围 decides where a case may be accepted: an application handed in at a hall of another prefecture is refused
 * when one of its applicable items is handled only locally — with the halls that can take it, the competent one first
 * — and accepted there when every applicable item is offered across the province, the case then received at that
 * hall (异地收件) and handled by the competent region (属地办理).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossRegionScopeIT {

	/** Shaoyang's hall: another prefecture of 湖南 than the applicants' 长沙市芙蓉区. */
	static final String SHAOYANG_HALL = "430500-HALL";

	@LocalServerPort
	int port;

	CaseWorld world;

	@BeforeEach
	void world() {
		world = new CaseWorld(new ApiClient(port));
	}

	@Test
	void refusesAnItemHandledOnlyLocallyAtAHallOfAnotherCityAndNamesTheHallsThatCan() {
		// opening a restaurant needs the food business licence, handled only where the restaurant is (仅限属地办理)
		CaseWorld.Submission prepared = world.prepare("HN-CATERING", CaseWorld.SMALL_SHOP);
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("acceptingHall", SHAOYANG_HALL);
		Response refused = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));

		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat((String) refused.json("$.code")).isEqualTo("not-offered-across-regions");
		assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("acceptingHall");
		String reason = refused.json("$.errors[0].message.zh");
		assertThat(reason).contains("邵阳市政务服务中心", "食品经营许可", "仅限属地办理");
		List<String> halls = refused.json("$.halls[*].name.zh");
		assertThat(halls.get(0)).as("the competent hall first").isEqualTo("长沙市芙蓉区政务服务中心");
		assertThat(halls).contains("长沙市政务服务中心").doesNotContain("邵阳市政务服务中心", "常德市政务服务中心");
		assertThat((List<Boolean>) refused.json("$.halls[*].local")).startsWith(true);
		assertThat((List<String>) refused.json("$.halls[*].code")).startsWith("430102-HALL");
		assertThat((String) refused.json("$.halls[0].phone")).isNotBlank();
		assertThat(reason).contains(halls.get(0));
		assertThat((String) refused.json("$.errors[0].message.en")).contains("Shaoyang", "handled only in its own region");

		List<?> mine = world.as(world.applicant, "GET", "/api/v1/applications", null).json("$");
		assertThat(mine).as("nothing was saved").isEmpty();
		assertThat((List<?>) world.as(world.applicant, "GET", "/api/v1/my/cases", null).json("$")).isEmpty();
	}

	@Test
	void refusesAnUnknownHallAtItsField() {
		CaseWorld.Submission prepared = world.prepare("HN-CATERING", CaseWorld.SMALL_SHOP);
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("acceptingHall", "439999-NO-SUCH-HALL");
		Response refused = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat((List<String>) refused.json("$.errors[*].field")).containsExactly("acceptingHall");
		assertThat((List<String>) refused.json("$.errors[*].code")).containsExactly("unknown");
	}

	@Test
	void opensTheCaseAtTheHallOfAnotherCityWhenEveryApplicableItemIsOfferedAcrossTheProvince() {
		// changing the business scope: the change registration and the tax record, both 全省通办
		String company = Identities.creditCode();
		Response registry = new ApiClient(port).send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + company, "admin",
				"onego-admin", Map.of("ENTERPRISE_NAME", "长沙陈记商贸有限公司", "LEGAL_REP_ID", world.idNumber));
		assertThat(registry.status()).as(registry.body()).isEqualTo(200);
		Map<String, List<String>> answers = Map.of("CHANGE_ITEMS", List.of("SCOPE"));

		Response draft = world.as(world.applicant, "POST", "/api/v1/drafts", Map.of("matter", "HN-ENTERPRISE-CHANGE", "region",
				world.region, "answers", answers, "applicant", Map.of("kind", "ENTERPRISE", "id", company, "name", "长沙陈记商贸有限公司")));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		Response offered = world.as(world.applicant, "GET", "/api/v1/applications/" + draft.json("$.id") + "/accepting-halls", null);
		assertThat(offered.status()).as(offered.body()).isEqualTo(200);
		assertThat((List<String>) offered.json("$[*].name.zh")).startsWith("长沙市芙蓉区政务服务中心").contains("邵阳市政务服务中心");
		assertThat((List<Boolean>) offered.json("$[*].local")).containsOnlyOnce(true).startsWith(true);
		CaseWorld other = new CaseWorld(new ApiClient(port));
		Response stranger = other.as(other.applicant, "GET", "/api/v1/applications/" + draft.json("$.id") + "/accepting-halls", null);
		assertThat(stranger.status()).as("another applicant does not learn of the draft").isEqualTo(404);

		CaseWorld.Submission prepared = world.prepare("HN-ENTERPRISE-CHANGE", answers);
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("applicant", Map.of("kind", "ENTERPRISE", "id", company, "name", "长沙陈记商贸有限公司"));
		body.put("acceptingHall", SHAOYANG_HALL);
		Response submitted = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat((String) submitted.json("$.acceptingHall")).isEqualTo(SHAOYANG_HALL);

		String caseId = caseOf(submitted.json("$.id"));
		Response view = world.view(CaseWorld.OBSERVER, caseId);
		assertThat((String) view.json("$.caseFile.hall")).isEqualTo(SHAOYANG_HALL);
		assertThat((String) view.json("$.caseFile.acceptingRegion")).isEqualTo("430500");
		assertThat((String) view.json("$.caseFile.region")).as("handled where competent").isEqualTo(world.region);
	}

	@Test
	void theCityHallChosenForOneOfItsDistrictsReceivesTheCaseAsALocalOneNotAcrossRegions() {
		// 长沙's city hall for 芙蓉区: on one line with it, so no 通办范围 is asked and the case is not 跨域
		Map<String, List<String>> answers = CaseWorld.SMALL_SHOP;
		CaseWorld.Submission prepared = world.prepare("HN-CATERING", answers);
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("acceptingHall", "430100-HALL");
		Response submitted = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

		Response view = world.view(CaseWorld.OBSERVER, caseOf(submitted.json("$.id")));
		assertThat((String) view.json("$.caseFile.hall")).isEqualTo("430100-HALL");
		assertThat((String) view.json("$.caseFile.acceptingRegion")).as("received in its own region").isEqualTo(world.region);
		assertThat((String) view.json("$.caseFile.region")).isEqualTo(world.region);
	}

	private String caseOf(String application) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<Map<String, Object>> mine = world.as(world.applicant, "GET", "/api/v1/my/cases", null).json("$");
			for (Map<String, Object> c : mine) {
				if (application.equals(c.get("applicationId"))) {
					return (String) c.get("id");
				}
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("no case was opened for application " + application);
	}
}
