package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.credit.CreditRecords;

/** The window's and the departments' other decisions, each on a case of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseScenariosIT {

	static final Map<String, List<String>> SMALL_SHOP = CaseWorld.SMALL_SHOP;

	@LocalServerPort
	int port;

	@Autowired
	CaseHandling handling;

	@Autowired
	CreditRecords credit;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CaseWorld world;

	@BeforeEach
	void world() {
		world = new CaseWorld(new ApiClient(port));
	}

	@Test
	void refusesToAcceptWithReasonAndLegalBasisAndThenRefusesEveryFurtherStep() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response withoutBasis = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal",
				Map.of("version", world.caseVersion(caseId), "reason", "经营场所位于居民楼内"));
		assertThat(withoutBasis.status()).isEqualTo(400);
		Response refused = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/refusal", Map.of("version",
				world.caseVersion(caseId), "reason", "经营场所位于居民住宅楼内，不符合餐饮服务场所要求",
				"legalBasis", "《中华人民共和国大气污染防治法》第八十一条"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		assertThat((String) refused.json("$.state")).isEqualTo("NOT_ACCEPTED");
		assertThat((String) refused.json("$.refusal.legalBasis")).contains("大气污染防治法");

		int version = world.caseVersion(caseId);
		Response accept = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", version));
		assertThat(accept.status()).isEqualTo(409);
		assertThat((String) accept.json("$.code")).isEqualTo("illegal-transition");
		assertThat((String) accept.json("$.message.zh")).contains("NOT_ACCEPTED");
		assertThat(world.caseVersion(caseId)).as("nothing changed").isEqualTo(version);
		assertThat(world.caseState(caseId)).isEqualTo("NOT_ACCEPTED");
	}

	@Test
	void asksOnceForEverythingMissingAndAcceptsAfterTheSupplement() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of("FOOD_LAYOUT_AND_PROCESS"), Set.of());
		String clerk = world.clerkOf(caseId);
		Response notYet = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(notYet.status()).as("a missing material must be asked for or accepted as a gap").isEqualTo(400);
		assertThat((String) notYet.json("$.errors[0].code")).isEqualTo("missing-material");

		Response asked = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/supplement-request", Map.of("version",
				world.caseVersion(caseId), "requests", List.of(
						Map.of("subject", "FOOD_LAYOUT_AND_PROCESS", "why", "未提交经营布局和操作流程文件"),
						Map.of("subject", "SHOP_ADDRESS", "why", "地址应具体到门牌号"))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		assertThat((String) asked.json("$.state")).isEqualTo("AWAITING_SUPPLEMENT");
		assertThat((List<?>) asked.json("$.supplement")).hasSize(2);

		Response supplied = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/supplement",
				Map.of("attachments", Map.of("FOOD_LAYOUT_AND_PROCESS", world.upload("layout")), "note", "已补充，地址为五一大道1号"));
		assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
		assertThat((String) supplied.json("$.state")).isEqualTo("AWAITING_ACCEPTANCE");
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version",
				world.caseVersion(caseId), "gaps", List.of("FOOD_LAYOUT_AND_PROCESS"), "gapWorkingDays", 3));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		List<String> actions = world.view(clerk, caseId).json("$.history[*].action");
		assertThat(actions).containsSubsequence("SUBMITTED", "SUPPLEMENT_REQUESTED", "SUPPLIED", "ACCEPTED");
	}

	@Test
	void acceptsWithGapsFlagsTheCaseWhenTheDeadlinePassesAndIssuesOnlyOnceTheGapIsFilled() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of("FOOD_SAFETY_RULES"), Set.of());
		String clerk = world.clerkOf(caseId);
		Response notAllowed = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version",
				world.caseVersion(caseId), "gaps", List.of("FOOD_SAFETY_RULES", "PREMISES_USE_PROOF"), "gapWorkingDays", 3));
		assertThat(notAllowed.status()).isEqualTo(400);
		assertThat((List<String>) notAllowed.json("$.errors[*].code")).contains("gap-not-allowed");
		Response tooLong = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version",
				world.caseVersion(caseId), "gaps", List.of("FOOD_SAFETY_RULES"), "gapWorkingDays", 30));
		assertThat((String) tooLong.json("$.errors[0].field")).isEqualTo("gapWorkingDays");

		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version",
				world.caseVersion(caseId), "gaps", List.of("FOOD_SAFETY_RULES"), "gapWorkingDays", 3));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat((String) accepted.json("$.mode")).isEqualTo("WITH_GAPS");
		LocalDate deadline = LocalDate.parse(accepted.json("$.gapDeadline"));

		assertThat(handling.flagOverdueGaps(deadline)).as("not overdue on the deadline itself").isZero();
		assertThat(handling.flagOverdueGaps(deadline.plusDays(1))).isGreaterThanOrEqualTo(1);
		assertThat((Boolean) world.view(clerk, caseId).json("$.caseFile.gapsOverdue")).isTrue();

		for (String item : List.of("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE", "HN-ZJ-DRAINAGE-PERMIT")) {
			// a business licence's number is a credit code (GB 32100)
			String number = item.equals("HN-SCJG-ENT-REG") ? Identities.creditCode() : Identities.licenceNumber("NO-");
			assertThat(world.approve(caseId, item, number).status()).isEqualTo(200);
		}
		assertThat(world.caseState(caseId)).as("issuance waits for the gap").isEqualTo("IN_PROGRESS");
		Response early = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS1"));
		assertThat(early.status()).isEqualTo(409);

		Response filled = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/supplement",
				Map.of("attachments", Map.of("FOOD_SAFETY_RULES", world.upload("rules"))));
		assertThat(filled.status()).as(filled.body()).isEqualTo(200);
		assertThat(world.caseState(caseId)).isEqualTo("READY");
		assertThat((Boolean) world.view(clerk, caseId).json("$.caseFile.gapsOverdue")).isFalse();
	}

	@Test
	void revokesACommitmentBasedApprovalThatFailsVerificationAndBlacklistsTheApplicant() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat((String) accepted.json("$.mode")).isEqualTo("ON_COMMITMENT");
		assertThat((List<String>) accepted.json("$.commitments")).containsExactly("PREMISES_USE_PROOF");
		assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("commitment")).isEqualTo(true);
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);

		String department = (String) world.task(caseId, "HN-SCJG-ENT-REG").get("department");
		String reviewer = world.reviewerOf(department, "HN-SCJG-ENT-REG");
		List<Map<String, Object>> verifications = world.as(reviewer, "GET", "/api/v1/departments/" + department + "/verifications", null)
			.json("$[?(@.caseId == '" + caseId + "')]");
		assertThat(verifications).singleElement().satisfies(v -> assertThat(v.get("state")).isEqualTo("PENDING"));
		Response failed = world.as(reviewer, "POST", "/api/v1/verifications/" + verifications.get(0).get("id"),
				Map.of("passed", false, "finding", "实地核查：承诺的经营场所为他人住宅，未取得使用权"));
		assertThat(failed.status()).as(failed.body()).isEqualTo(204);

		assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("state")).isEqualTo("REVOKED");
		assertThat(world.caseState(caseId)).isEqualTo("REFUSED");
		assertThat((String) world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.refusal.reason")).contains("告知承诺核查不实");
		assertThat(credit.blacklisted(world.idNumber)).isTrue();
		assertThat(credit.listings(world.idNumber)).singleElement()
			.satisfies(l -> assertThat(l.evidence().number()).isEqualTo(world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number")));
		assertThat(world.as(reviewer, "POST", "/api/v1/verifications/" + verifications.get(0).get("id"),
				Map.of("passed", true, "finding", "again")).status()).isEqualTo(409);

		String next = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		Response closed = world.as(world.clerkOf(next), "POST", "/api/v1/cases/" + next + "/acceptance",
				Map.of("version", world.caseVersion(next)));
		assertThat(closed.status()).isEqualTo(422);
		assertThat((String) closed.json("$.code")).isEqualTo("green-channel-closed");
	}

	@Test
	void endsTheCaseWhenAMandatoryItemIsRefusedButNotForAnOptionalOne() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);

		assertThat(refuse(caseId, "HN-ZJ-DRAINAGE-PERMIT").status()).isEqualTo(200);
		assertThat(world.caseState(caseId)).as("the drainage permit is optional").isEqualTo("IN_PROGRESS");

		assertThat(refuse(caseId, "HN-SCJG-FOOD-LICENCE").status()).isEqualTo(200);
		assertThat(world.caseState(caseId)).isEqualTo("REFUSED");
		assertThat((String) world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.refusal.reason")).contains("食品经营许可");

		Map<String, Object> cancelled = world.task(caseId, "HN-ZJ-DRAINAGE-PERMIT");
		Response late = world.as(world.reviewerOf((String) world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("department"),
				"HN-SCJG-FOOD-LICENCE"), "POST", "/api/v1/tasks/" + world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("id") + "/claim",
				Map.of("version", world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("version")));
		assertThat(late.status()).as("deciding a refused task again").isEqualTo(409);
		assertThat(cancelled.get("state")).isEqualTo("REFUSED");
	}

	@Test
	void letsOneOfTwoReviewersActingOnTheSameTaskAtOnceSucceedAndAnswersTheOther409() throws Exception {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-REG");
		String department = (String) task.get("department");
		String first = world.reviewerOf(department, "a");
		String second = world.reviewerOf(department, "b");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Response>> claims = List.of(first, second).stream().map(reviewer -> pool.submit(() -> {
			start.await();
			return world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		})).toList();
		start.countDown();
		List<Integer> statuses = List.of(claims.get(0).get().status(), claims.get(1).get().status());
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		Map<String, Object> after = world.task(caseId, "HN-SCJG-ENT-REG");
		assertThat(after.get("version")).as("exactly one update").isEqualTo(((Integer) task.get("version")) + 1);
		assertThat(after.get("claimedBy")).isIn(first, second);
	}

	@Test
	void refusesIllegalStepsAndChangesNothing() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response earlyIssue = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue", Map.of("version", world.caseVersion(caseId)));
		assertThat(earlyIssue.status()).as("issuing a case not accepted yet").isEqualTo(409);
		world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));

		Map<String, Object> waiting = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		String reviewer = world.reviewerOf((String) waiting.get("department"), "HN-SCJG-FOOD-LICENCE");
		Response claimWaiting = world.as(reviewer, "POST", "/api/v1/tasks/" + waiting.get("id") + "/claim", Map.of("version", waiting.get("version")));
		assertThat(claimWaiting.status()).as("claiming a task still waiting for its prerequisite").isEqualTo(409);
		assertThat(world.task(caseId, "HN-SCJG-FOOD-LICENCE")).isEqualTo(waiting);

		Response issueOpen = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue", Map.of("version", world.caseVersion(caseId),
				"trackingNumber", "EMS2"));
		assertThat(issueOpen.status()).as("issuing a case with open tasks").isEqualTo(409);
		Map<String, Object> registration = world.task(caseId, "HN-SCJG-ENT-REG");
		Response approveUnclaimed = world.as(world.reviewerOf((String) registration.get("department"), "x"), "POST",
				"/api/v1/tasks/" + registration.get("id") + "/approval", Map.of("version", registration.get("version"), "number", Identities.licenceNumber("N-")));
		assertThat(approveUnclaimed.status()).as("approving a task nobody claimed").isEqualTo(409);
		Response otherDepartment = world.as(reviewer, "POST", "/api/v1/tasks/" + registration.get("id") + "/claim",
				Map.of("version", registration.get("version")));
		assertThat(otherDepartment.status()).as("a reviewer of another item's queue in the same department may claim")
			.isIn(200, 403);
		Response stranger = world.as(world.applicant, "POST", "/api/v1/tasks/" + registration.get("id") + "/claim",
				Map.of("version", registration.get("version")));
		assertThat(stranger.status()).isEqualTo(403);
	}

	@Test
	void consolidatesTheDepartmentsSupplementRequestsIntoOneListAndResumesTheirTasksOnceSupplied() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode());
		ask(caseId, "HN-SCJG-FOOD-LICENCE", "FOOD_LAYOUT_AND_PROCESS", "布局图未标明生熟分开的操作区");
		ask(caseId, "HN-ZJ-DRAINAGE-PERMIT", "PRETREATMENT_FACILITY_PROOF", "隔油池容量说明缺失");
		List<Map<String, Object>> requests = world.view(world.applicant, caseId).json("$.caseFile.supplement");
		assertThat(requests).extracting(r -> r.get("subject"))
			.containsExactly("FOOD_LAYOUT_AND_PROCESS", "PRETREATMENT_FACILITY_PROOF");
		assertThat(world.caseState(caseId)).isEqualTo("IN_PROGRESS");

		Response supplied = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/supplement", Map.of("attachments",
				Map.of("FOOD_LAYOUT_AND_PROCESS", world.upload("layout v2"), "PRETREATMENT_FACILITY_PROOF", world.upload("grease trap"))));
		assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
		assertThat((List<?>) supplied.json("$.supplement")).isEmpty();
		assertThat(world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("state")).isEqualTo("CLAIMED");
		assertThat(world.task(caseId, "HN-ZJ-DRAINAGE-PERMIT").get("state")).isEqualTo("CLAIMED");
	}

	@Test
	void suspendsATaskForASpecialProcedureWithReasonAndLongestDurationAndResumesIt() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode());
		Map<String, Object> task = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		String reviewer = world.reviewerOf((String) task.get("department"), "HN-SCJG-FOOD-LICENCE");
		Response claimed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		Response vague = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/suspension",
				Map.of("version", (Integer) claimed.json("$.version"), "procedure", "WAITING"));
		assertThat((List<String>) vague.json("$.errors[*].field")).containsExactlyInAnyOrder("procedure", "reason", "maxWorkingDays");
		Response suspended = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/suspension", Map.of("version",
				(Integer) claimed.json("$.version"), "procedure", "ON_SITE_INSPECTION", "reason", "现场核查厨房布局", "maxWorkingDays", 5));
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		assertThat((String) suspended.json("$.state")).isEqualTo("SUSPENDED");
		assertThat((Integer) suspended.json("$.decision.maxWorkingDays")).isEqualTo(5);
		assertThat((String) suspended.json("$.pausedOn")).as("the clock stops").isNotNull();
		List<Map<String, Object>> queue = world.as(reviewer, "GET", "/api/v1/departments/" + task.get("department") + "/tasks", null)
			.json("$[?(@.task.id == '" + task.get("id") + "')]");
		assertThat(queue).singleElement().satisfies(v -> assertThat(v).containsKeys("colour", "elapsedWorkingDays"));
		Response resumed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/resumption",
				Map.of("version", (Integer) suspended.json("$.version")));
		assertThat((String) resumed.json("$.state")).isEqualTo("CLAIMED");
		assertThat(resumed.body()).as("the clock runs again").doesNotContain("\"pausedOn\"");
		assertThat((Integer) resumed.json("$.lostDays")).as("resumed the same day: no working day lost").isZero();
		assertThat((String) resumed.json("$.dueOn")).isEqualTo(suspended.json("$.dueOn"));
	}

	@Test
	void approvesAnOnTheSpotItemAtTheWindowWhenTheCaseIsAccepted() {
		String caseId = world.apply("HN-SCHOOL-ENROLMENT", world.firstOptions("HN-SCHOOL-ENROLMENT"), Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		Map<String, Object> check = world.task(caseId, "HN-JK-VACCINATION-CHECK");
		assertThat(check.get("state")).isEqualTo("APPROVED");
		assertThat((String) check.get("autoRule")).startsWith("即办件");
		List<Map<String, Object>> approvals = world.view(clerk, caseId).json("$.history[?(@.action == 'APPROVED')]");
		assertThat(approvals).singleElement().satisfies(a -> assertThat(a.get("actor")).isEqualTo(clerk));
	}

	@Test
	void cancelsTheWaitingTasksWhenTheFirstMandatoryItemIsRefusedAndRefusesToApproveACancelledTask() {
		String caseId = world.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(refuse(caseId, "HN-SCJG-ENT-REG").status()).isEqualTo(200);
		assertThat(world.caseState(caseId)).isEqualTo("REFUSED");
		Map<String, Object> cancelled = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		assertThat(cancelled.get("state")).isEqualTo("CANCELLED");
		String reviewer = world.reviewerOf((String) cancelled.get("department"), "HN-SCJG-FOOD-LICENCE");
		Response approve = world.as(reviewer, "POST", "/api/v1/tasks/" + cancelled.get("id") + "/approval",
				Map.of("version", cancelled.get("version"), "number", Identities.licenceNumber("JY-")));
		assertThat(approve.status()).isEqualTo(409);
		assertThat((String) approve.json("$.message.en")).contains("CANCELLED");
		Response claim = world.as(reviewer, "POST", "/api/v1/tasks/" + cancelled.get("id") + "/claim", Map.of("version", cancelled.get("version")));
		assertThat(claim.status()).isEqualTo(409);
		assertThat(world.task(caseId, "HN-SCJG-FOOD-LICENCE")).isEqualTo(cancelled);
		Response issue = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS3"));
		assertThat(issue.status()).as("a refused case is never issued").isEqualTo(409);
	}

	@Test
	void sendsTheItemsDelegatedToAParkToTheParksDepartmentsAndTheOthersToTheCountyOrCity() {
		CaseWorld inPark = new CaseWorld(new ApiClient(port), "430121");
		inPark.park = "HN-P-CSJK";
		Map<String, List<String>> withFireCheck = new java.util.HashMap<>(SMALL_SHOP);
		withFireCheck.put("PUBLIC_GATHERING_PLACE", List.of("YES"));
		String caseId = inPark.apply("HN-CATERING", withFireCheck, Set.of(), Set.of());
		Response accepted = inPark.as(inPark.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", inPark.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(inPark.task(caseId, "HN-SCJG-ENT-REG").get("department")).isEqualTo("HN-P-CSJK-MARKET_REGULATION");
		assertThat(inPark.task(caseId, "HN-SW-NEW-TAXPAYER").get("department")).isEqualTo("HN-P-CSJK-TAXATION");
		assertThat((String) inPark.task(caseId, "HN-XF-PUBLIC-VENUE-CHECK").get("department")).as("not delegated to parks")
			.startsWith("4301");
		List<String> names = inPark.view(CaseWorld.OBSERVER, caseId).json("$.tasks[*].departmentName");
		assertThat(names).contains("长沙经济技术开发区市场监督管理局");
		assertThat(inPark.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).as("the park's reviewer decides")
			.isEqualTo(200);

		CaseWorld elsewhere = new CaseWorld(new ApiClient(port), "430121");
		elsewhere.park = "HN-P-XJXQ";
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> elsewhere.apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of()))
			.hasMessageContaining("not-in-region");
	}

	@Test
	void tellsTheVisitorNotTheClerkOfAnApplicationEnteredAtTheWindow() {
		ApiClient api = new ApiClient(port);
		String clerk = world.clerkOfHall("430102-HALL");
		String visitor = cn.onego.Identities.idNumber();
		String letter = world.upload(clerk, "授权委托书（王大爷）");
		Response authorised = world.as(clerk, "POST", "/api/v1/representations", Map.of("subject", visitor, "subjectName", "王大爷",
				"username", clerk, "capacity", "ASSISTANT", "authorisation", letter, "validUntil", "2030-12-31"));
		assertThat(authorised.status()).as(authorised.body()).isEqualTo(201);
		String caseId = world.applyFor(clerk, visitor, "王大爷", "WINDOW", "HN-CATERING", SMALL_SHOP, Set.of(), Set.of());

		Map<String, Object> c = world.view(clerk, caseId).json("$.caseFile");
		assertThat(c.get("channel")).isEqualTo("WINDOW");
		String smsToForm = "SMS:" + c.get("applicationId");
		assertThat(c.get("applicantUsername")).as("no account: an SMS to the form's mobile, which is not copied")
			.isEqualTo(smsToForm);
		int sms = 0;
		for (int i = 0; i < 100 && sms == 0; i++) {
			sms = jdbc.sql("SELECT count(*) FROM notification WHERE recipient = ? AND case_id = ?::uuid").params(smsToForm, caseId)
				.query(Integer.class).single();
			CaseWorld.sleep(sms == 0 ? 100 : 0);
		}
		assertThat(sms).as("the visitor is told by SMS").isPositive();
		int fromClerk = world.as(clerk, "GET", "/api/v1/my/notifications", null).<List<?>>json("$").size();
		assertThat(fromClerk).as("the clerk's inbox gets none of the visitor's messages").isZero();
		assertThat(api.send("GET", "/api/v1/my/notifications", "admin", "onego-admin", null).status()).isEqualTo(200);
	}

	private void ask(String caseId, String item, String subject, String why) {
		Map<String, Object> task = world.task(caseId, item);
		String reviewer = world.reviewerOf((String) task.get("department"), item);
		Response claimed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		Response asked = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/supplement-request", Map.of("version",
				(Integer) claimed.json("$.version"), "requests", List.of(Map.of("subject", subject, "why", why))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		assertThat((String) asked.json("$.state")).isEqualTo("AWAITING_SUPPLEMENT");
	}

	private Response refuse(String caseId, String item) {
		Map<String, Object> task = world.task(caseId, item);
		String reviewer = world.reviewerOf((String) task.get("department"), item);
		Response claimed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		return world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/refusal", Map.of("version", (Integer) claimed.json("$.version"),
				"reason", "现场核查不符合条件", "legalBasis", "《中华人民共和国行政许可法》第三十八条第二款"));
	}
}
