package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * 原件流转: a change of an enterprise's registered capital, competent in 长沙市芙蓉区 (the applicant's region), handed in
 * at 邵阳市政务服务中心 (异地收件, both items of province-wide scope). Accepted there, the originals the departments keep
 * travel as one parcel to 芙蓉区's hall: sent by a clerk of 邵阳, signed for by a clerk of 芙蓉区; a clerk of 怀化 finds
 * nothing; stale versions and bad input change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaperTransferIT {

	static final String ACCEPTING_HALL = "430500-HALL";
	static final String COMPETENT_HALL = "430102-HALL";
	static final String THIRD_HALL = "431200-HALL";

	@LocalServerPort
	int port;

	ApiClient api;
	CaseWorld world;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new CaseWorld(api);
	}

	@Test
	void theOriginalsOfACaseAcceptedForAnotherRegionTravelToItsHallAndOnlyTheTwoHallsHandleTheParcel() {
		String caseId = applyAt(ACCEPTING_HALL);
		String sender = clerk("430500", ACCEPTING_HALL);
		String receiver = clerk("430102", COMPETENT_HALL);
		String stranger = clerk("431200", THIRD_HALL);
		assertThat(world.view(CaseWorld.OBSERVER, caseId).<String>json("$.caseFile.acceptingRegion")).isEqualTo("430500");
		List<Map<String, Object>> queue = world.as(sender, "GET", "/api/v1/window/cases", null).json("$[?(@.id == '" + caseId + "')]");
		assertThat(queue).as("the accepting hall's queue holds it, marked as handled in 芙蓉区").singleElement()
			.satisfies(s -> assertThat(s).containsEntry("acceptingRegion", "430500").containsEntry("region", "430102"));

		Response accepted = world.as(sender, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		Map<String, Object> transfer = awaitOutgoing(sender, caseId);

		assertThat(transfer).containsEntry("state", "AWAITING_DISPATCH").containsEntry("version", 0).containsEntry("overdue", false);
		assertThat((Map<String, Object>) transfer.get("from")).containsEntry("code", ACCEPTING_HALL);
		assertThat((Map<String, Object>) transfer.get("to")).containsEntry("code", COMPETENT_HALL);
		assertThat(((Map<String, Map<String, Object>>) transfer.get("to")).get("name")).containsEntry("zh", "长沙市芙蓉区政务服务中心");
		List<Map<String, Object>> originals = (List<Map<String, Object>>) transfer.get("originals");
		assertThat(originals).extracting(o -> (String) o.get("material"))
			.as("the resolution and the articles the applicant handed in; not the application form the merged form replaces")
			.contains("CHANGE_RESOLUTION", "ARTICLES_OF_ASSOCIATION")
			.doesNotContain("ENT_REG_APPLICATION");
		assertThat(originals).allSatisfy(o -> assertThat((Integer) o.get("originals")).isPositive());
		assertThat(originals).extracting(o -> (String) ((Map<?, ?>) o.get("name")).get("zh")).contains("变更（迁移）决议或决定");
		String id = (String) transfer.get("id");

		// a clerk of a third region learns nothing; the receiving hall may not send, nor anyone list another hall's parcels
		Response strangerSends = world.as(stranger, "POST", "/api/v1/transfers/" + id + "/dispatch",
				Map.of("courier", "中国邮政EMS", "trackingNumber", "EA123456789CN", "version", 0));
		assertThat(strangerSends.status()).as(strangerSends.body()).isEqualTo(404);
		assertThat(world.as(stranger, "POST", "/api/v1/transfers/" + id + "/receipt", Map.of("version", 0)).status()).isEqualTo(404);
		assertThat(world.as(stranger, "GET", "/api/v1/halls/" + ACCEPTING_HALL + "/transfers?direction=outgoing", null).status())
			.isEqualTo(403);
		assertThat(world.as(stranger, "GET", "/api/v1/halls/" + THIRD_HALL + "/transfers?direction=incoming", null).<List<String>>json("$[*].id"))
			.doesNotContain(id);
		assertThat(world.view(stranger, caseId).status()).as("nor the case").isEqualTo(404);
		assertThat(world.as(receiver, "POST", "/api/v1/transfers/" + id + "/dispatch",
				Map.of("courier", "中国邮政EMS", "trackingNumber", "EA123456789CN", "version", 0)).status()).isEqualTo(403);
		assertThat(world.as(receiver, "POST", "/api/v1/transfers/" + id + "/receipt", Map.of("version", 0)).status())
			.as("nothing to sign for before it is sent").isEqualTo(409);

		// bad input and a stale version change nothing
		Response bad = world.as(sender, "POST", "/api/v1/transfers/" + id + "/dispatch",
				Map.of("courier", " ", "trackingNumber", "运单<script>", "version", 0));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat((List<String>) bad.json("$.errors[*].field")).containsExactlyInAnyOrder("courier", "trackingNumber");
		assertThat((List<String>) bad.json("$.errors[*].message.zh")).allSatisfy(m -> assertThat(m).isNotBlank());
		assertThat((List<String>) bad.json("$.errors[*].message.en")).allSatisfy(m -> assertThat(m).isNotBlank());
		Response stale = world.as(sender, "POST", "/api/v1/transfers/" + id + "/dispatch",
				Map.of("courier", "中国邮政EMS", "trackingNumber", "EA123456789CN", "version", 7));
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		assertThat((String) stale.json("$.code")).isEqualTo("concurrent-change");
		assertThat(awaitOutgoing(sender, caseId)).containsEntry("state", "AWAITING_DISPATCH").containsEntry("version", 0);

		// sent by the accepting hall
		Response sent = world.as(sender, "POST", "/api/v1/transfers/" + id + "/dispatch",
				Map.of("courier", "中国邮政EMS", "trackingNumber", "EA123456789CN", "version", 0));
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat((String) sent.json("$.state")).isEqualTo("IN_TRANSIT");
		assertThat((String) sent.json("$.dispatchedBy")).isEqualTo(sender);
		assertThat((String) sent.json("$.trackingNumber")).isEqualTo("EA123456789CN");
		Response again = world.as(sender, "POST", "/api/v1/transfers/" + id + "/dispatch",
				Map.of("courier", "顺丰速运", "trackingNumber", "SF1234567890", "version", 1));
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("illegal-transition");

		// signed for by the competent region's hall, which sees it coming, not the case itself
		List<Map<String, Object>> incoming = world.as(receiver, "GET",
				"/api/v1/halls/" + COMPETENT_HALL + "/transfers?direction=incoming&state=IN_TRANSIT", null).json("$[?(@.id == '" + id + "')]");
		assertThat(incoming).singleElement().satisfies(t -> assertThat(t).containsEntry("caseNumber",
				world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number")));
		assertThat(world.view(receiver, caseId).status()).isEqualTo(404);
		assertThat(world.as(receiver, "POST", "/api/v1/transfers/" + id + "/receipt", Map.of("note", "已核对", "version", 0)).status())
			.isEqualTo(409);
		Response tooLong = world.as(receiver, "POST", "/api/v1/transfers/" + id + "/receipt", Map.of("note", "长".repeat(1001), "version", 1));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat((String) tooLong.json("$.errors[0].field")).isEqualTo("note");
		Response received = world.as(receiver, "POST", "/api/v1/transfers/" + id + "/receipt",
				Map.of("note", "公司章程原件缺少第3页", "version", 1));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat((String) received.json("$.state")).isEqualTo("RECEIVED");
		assertThat((String) received.json("$.discrepancy")).isEqualTo("公司章程原件缺少第3页");
		assertThat((String) received.json("$.receivedBy")).isEqualTo(receiver);

		// the case shows it to those who read the case: staff with who did it, the applicant without usernames
		Response staffView = world.view(sender, caseId);
		assertThat((String) staffView.json("$.transfer.state")).isEqualTo("RECEIVED");
		assertThat((String) staffView.json("$.transfer.receivedBy")).isEqualTo(receiver);
		Response applicantView = world.view(world.applicant, caseId);
		assertThat((String) applicantView.json("$.transfer.state")).isEqualTo("RECEIVED");
		assertThat(applicantView.body()).doesNotContain(sender).doesNotContain(receiver);
	}

	@Test
	void theCompetentDepartmentsQueueNamesTheHallThatAcceptedTheCase() {
		String caseId = applyAt(ACCEPTING_HALL);
		String sender = clerk("430500", ACCEPTING_HALL);
		assertThat(world.as(sender, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-CHANGE");
		String department = (String) task.get("department");
		assertThat(department).startsWith("430102-");
		String reviewer = world.reviewerOf(department, "-transfer");
		List<Map<String, Object>> rows = world.as(reviewer, "GET", "/api/v1/departments/" + department + "/tasks", null)
			.json("$[?(@.task.id == '" + task.get("id") + "')]");
		assertThat(rows).singleElement()
			.satisfies(r -> assertThat((Map<String, Object>) r.get("acceptingHallName")).containsEntry("zh", "邵阳市政务服务中心"));
	}

	@Test
	void aCaseAcceptedWhereItIsHandledHasNoTransfer() {
		String caseId = applyAt(null);
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		Response view = world.view(clerk, caseId);
		assertThat(view.status()).isEqualTo(200);
		assertThat(view.body()).doesNotContain("\"transfer\"");
		assertThat(world.as(clerk, "GET", "/api/v1/halls/" + view.json("$.caseFile.hall") + "/transfers?direction=outgoing", null)
			.<List<String>>json("$[*].caseId")).doesNotContain(caseId);
		List<Map<String, Object>> queued = world.as(clerk, "GET", "/api/v1/window/cases", null).json("$[?(@.id == '" + caseId + "')]");
		assertThat(queued).singleElement().satisfies(s -> assertThat(s.get("acceptingRegion")).isNull());
	}

	private String applyAt(String hall) {
		return CrossRegionCases.applyAt(api, world, hall);
	}

	private Map<String, Object> awaitOutgoing(String clerk, String caseId) {
		return CrossRegionCases.awaitOutgoing(world, clerk, ACCEPTING_HALL, caseId);
	}

	private String clerk(String region, String hall) {
		return CrossRegionCases.clerk(api, region, hall);
	}
}
