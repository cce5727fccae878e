package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * The applicant's own actions on a case: 撤回申请 while it still waits for the window, refused with the hall to
 * contact once accepted; and 补正 answered online, with the file they upload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WithdrawalIT {

	@LocalServerPort
	int port;

	CaseWorld world;

	@BeforeEach
	void world() {
		world = new CaseWorld(new ApiClient(port));
	}

	@Test
	void anApplicantWithdrawsACaseWaitingForAcceptanceAndTheHallTheProgressLookupAndTheCaseAllSaySo() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(queue(clerk, "AWAITING_ACCEPTANCE")).contains(caseId);

		Response withdrawn = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/withdrawal",
				Map.of("reason", "经营场所另有安排，暂不开店"));
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat((String) withdrawn.json("$.state")).isEqualTo("WITHDRAWN");
		assertThat((String) withdrawn.json("$.closedAt")).isNotNull();

		Response view = world.view(world.applicant, caseId);
		assertThat((String) view.json("$.caseFile.state")).isEqualTo("WITHDRAWN");
		assertThat((List<String>) view.json("$.history[*].action")).containsSubsequence("SUBMITTED", "WITHDRAWN");
		assertThat((List<String>) view.json("$.history[*].detail")).contains("经营场所另有安排，暂不开店");
		assertThat(queue(clerk, "AWAITING_ACCEPTANCE")).as("the hall's queue drops it").doesNotContain(caseId);
		assertThat(queue(clerk, "WITHDRAWN")).contains(caseId);
		List<String> notices = world.as(world.applicant, "GET", "/api/v1/my/notifications", null).json("$[*].zh");
		assertThat(notices).anyMatch(n -> n.contains("已按您的要求撤回"));

		String number = view.json("$.caseFile.number");
		Response progress = new ApiClient(port).get("/api/v1/progress?number=" + number + "&mobileLast4=" + world.mobile.substring(7),
				null, null, "X-Forwarded-For", "198.51.100.71");
		assertThat(progress.status()).as(progress.body()).isEqualTo(200);
		assertThat((String) progress.json("$.state")).isEqualTo("WITHDRAWN");

		Response again = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/withdrawal", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("illegal-transition");
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as("a withdrawn case is not accepted").isEqualTo(409);
	}

	@Test
	void aCaseWaitingForASupplementIsWithdrawnWithoutAReasonAndIsNoLongerAskedForIt() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		askForLayout(caseId, clerk);

		Response withdrawn = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/withdrawal", null);
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat((String) withdrawn.json("$.state")).isEqualTo("WITHDRAWN");
		assertThat((List<?>) withdrawn.json("$.supplement")).isEmpty();
		assertThat(queue(clerk, "AWAITING_SUPPLEMENT")).doesNotContain(caseId);
	}

	@Test
	void afterAcceptanceWithdrawingIsRefusedWithTheHallToContactAndNothingChanges() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		int version = world.caseVersion(caseId);

		Response late = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/withdrawal", Map.of("reason", "不办了"));
		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat((String) late.json("$.code")).isEqualTo("too-late-to-withdraw");
		String hallName = world.view(world.applicant, caseId).json("$.hall.name.zh");
		assertThat((String) late.json("$.detail")).contains("请联系").contains(hallName);
		assertThat(late.body()).doesNotContain(world.view(world.applicant, caseId).<String>json("$.caseFile.hall"));
		assertThat(world.caseState(caseId)).isEqualTo("IN_PROGRESS");
		assertThat(world.caseVersion(caseId)).isEqualTo(version);
	}

	@Test
	void nobodyButTheApplicantsSideWithdrawsACase() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		CaseWorld stranger = new CaseWorld(new ApiClient(port));

		Response other = stranger.as(stranger.applicant, "POST", "/api/v1/cases/" + caseId + "/withdrawal", Map.of("reason", "x"));
		assertThat(other.status()).as("another applicant learns nothing about the case").isEqualTo(404);
		Response clerk = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/withdrawal", Map.of());
		assertThat(clerk.status()).as("the window does not withdraw for the applicant").isEqualTo(403);
		Response tooLong = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/withdrawal",
				Map.of("reason", "长".repeat(1001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat((String) tooLong.json("$.errors[0].field")).isEqualTo("reason");
		assertThat(world.caseState(caseId)).isEqualTo("AWAITING_ACCEPTANCE");
	}

	@Test
	void theApplicantAnswersASupplementRequestOnlineWithAFileThoseHandlingTheCaseCanOpen() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		askForLayout(caseId, clerk);

		String file = world.upload("layout-online");
		Response supplied = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/supplement",
				Map.of("attachments", Map.of("FOOD_LAYOUT_AND_PROCESS", file), "note", "已补充布局图"));
		assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
		assertThat((String) supplied.json("$.state")).isEqualTo("AWAITING_ACCEPTANCE");
		assertThat((List<?>) supplied.json("$.supplement")).isEmpty();
		assertThat(queue(clerk, "AWAITING_ACCEPTANCE")).contains(caseId);
		List<String> materials = world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/files", null).json("$[*].material");
		assertThat(materials).contains("FOOD_LAYOUT_AND_PROCESS");
	}

	private void askForLayout(String caseId, String clerk) {
		Response asked = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/supplement-request", Map.of("version",
				world.caseVersion(caseId), "requests", List.of(Map.of("subject", "FOOD_LAYOUT_AND_PROCESS", "why", "未提交经营布局和操作流程文件"))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
	}

	private List<String> queue(String clerk, String state) {
		return world.as(clerk, "GET", "/api/v1/window/cases?state=" + state, null).json("$[*].id");
	}
}
