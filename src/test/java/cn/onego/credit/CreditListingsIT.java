package cn.onego.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * Credit listings through the API, on cases driven like any other: a listed applicant loses the green channel until
 * the listing is lifted, expires or is found wrong on appeal; every step is a row of its history and a record of the
 * audit trail; only a credit administrator of the case's region manages it, only on a case's evidence; a reviewer's
 * refusal for false materials lists the applicant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CreditListingsIT {

	static final String PASSWORD = CaseWorld.PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	CreditRecords credit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	ApiClient api;
	CaseWorld world;
	/** A credit administrator of 长沙市, above the 芙蓉区 the world's cases are in. */
	String creditAdmin;

	@BeforeEach
	void world() {
		api = new ApiClient(port);
		world = new CaseWorld(api);
		creditAdmin = staff("CREDIT_ADMIN", "430100");
	}

	@Test
	void aListedApplicantGetsNeitherGapsNorCommitmentsUntilTheListingIsLiftedAndItsHistoryIsAudited() {
		String number = anAcceptedCase();
		Response listed = as(creditAdmin, "POST", "/api/v1/credit/listings", Map.of("subject", world.idNumber, "reason",
				"提交伪造的场地使用证明", "evidenceCase", number, "until", today().plusYears(1).toString()));
		assertThat(listed.status()).as(listed.body()).isEqualTo(201);
		assertThat((String) listed.json("$.state")).isEqualTo("ACTIVE");
		String id = listed.json("$.id");

		String onCommitment = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		String withGaps = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of("FOOD_SAFETY_RULES"), Set.of());
		Response noCommitment = accept(onCommitment, Map.of());
		assertThat(noCommitment.status()).isEqualTo(422);
		assertThat((String) noCommitment.json("$.code")).isEqualTo("green-channel-closed");
		Response noGaps = accept(withGaps, Map.of("gaps", List.of("FOOD_SAFETY_RULES"), "gapWorkingDays", 3));
		assertThat(noGaps.status()).isEqualTo(422);
		assertThat((String) noGaps.json("$.code")).isEqualTo("green-channel-closed");
		assertThat((String) world.as(world.applicant, "GET", "/api/v1/my/credit", null).json("$[0].state")).isEqualTo("ACTIVE");

		Response lifted = as(creditAdmin, "POST", "/api/v1/credit/listings/" + id + "/lifting",
				Map.of("reason", "已补交真实材料并作出信用承诺，完成信用修复"));
		assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
		assertThat((String) lifted.json("$.state")).isEqualTo("LIFTED");

		Response committed = accept(onCommitment, Map.of());
		assertThat(committed.status()).as(committed.body()).isEqualTo(200);
		assertThat((String) committed.json("$.mode")).isEqualTo("ON_COMMITMENT");
		Response gapped = accept(withGaps, Map.of("gaps", List.of("FOOD_SAFETY_RULES"), "gapWorkingDays", 3));
		assertThat(gapped.status()).as(gapped.body()).isEqualTo(200);
		assertThat((String) gapped.json("$.mode")).isEqualTo("WITH_GAPS");

		List<String> history = as(creditAdmin, "GET", "/api/v1/credit/listings/" + id, null).json("$.history[*].action");
		assertThat(history).containsExactly("LISTED", "LIFT");
		assertThat(audited(id)).containsExactly(Map.of("actor", creditAdmin, "action", "credit.LISTED"),
				Map.of("actor", creditAdmin, "action", "credit.LIFT"));
		assertThat(jdbc.sql("SELECT reason FROM audit_record WHERE target = ? AND action = 'credit.LIFT'").param("credit-listing/" + id)
			.query(String.class).single()).contains("信用修复");
	}

	@Test
	void keepsAnAppealedListingInEffectUntilTheAppealIsDecidedAndLiftsItWhenTheAppealIsFounded() {
		String id = aListing(today().plusMonths(6).toString());
		Response appealed = world.as(world.applicant, "POST", "/api/v1/my/credit/" + id + "/appeal",
				Map.of("statement", "证明材料系出租方提供，本人不知情"));
		assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
		assertThat((String) appealed.json("$.state")).isEqualTo("UNDER_APPEAL");
		assertThat((Boolean) appealed.json("$.inEffect")).isTrue();
		assertThat(credit.blacklisted(world.idNumber)).as("in effect while the appeal is decided").isTrue();
		assertThat(world.as(world.applicant, "POST", "/api/v1/my/credit/" + id + "/appeal", Map.of("statement", "再次申诉")).status())
			.as("one appeal at a time").isEqualTo(409);

		Response dismissed = as(creditAdmin, "POST", "/api/v1/credit/listings/" + id + "/appeal-decision",
				Map.of("founded", false, "reason", "出租方证明材料的真实性已核实为伪造"));
		assertThat((String) dismissed.json("$.state")).as(dismissed.body()).isEqualTo("ACTIVE");
		assertThat(world.as(world.applicant, "POST", "/api/v1/my/credit/" + id + "/appeal",
				Map.of("statement", "补充提交出租方的情况说明")).status()).isEqualTo(200);
		Response granted = as(creditAdmin, "POST", "/api/v1/credit/listings/" + id + "/appeal-decision",
				Map.of("founded", true, "reason", "出租方书面承认材料由其伪造，申请人不知情"));
		assertThat((String) granted.json("$.state")).isEqualTo("LIFTED");
		assertThat(credit.blacklisted(world.idNumber)).isFalse();

		Response mine = world.as(world.applicant, "GET", "/api/v1/my/credit", null);
		assertThat((List<String>) mine.json("$[0].history[*].action")).containsExactly("LISTED", "APPEAL", "DISMISS_APPEAL", "APPEAL",
				"GRANT_APPEAL");
		assertThat(mine.body()).as("no staff username shown to the subject").doesNotContain(creditAdmin);
		assertThat(audited(id)).extracting(r -> r.get("action")).containsExactly("credit.LISTED", "credit.APPEAL",
				"credit.DISMISS_APPEAL", "credit.APPEAL", "credit.GRANT_APPEAL");
		assertThat(audited(id).get(1).get("actor")).isEqualTo(world.applicant);
	}

	/** An enterprise's listing is its legal representative's to read and appeal, and nobody else's. */
	@Test
	void showsAnEnterprisesListingsToItsLegalRepresentativeOnlyWhoMayAppealThem() {
		String company = Identities.creditCode();
		String number = anAcceptedCase();
		String caseId = jdbc.sql("SELECT id::text FROM case_file WHERE number = ?").param(number).query(String.class).single();
		Listing listing = credit.blacklist(company, "430102", "以虚假承诺取得许可", new Listing.Evidence(UUID.fromString(caseId), number),
				creditAdmin);
		Response registered = api.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + company, "admin", "onego-admin",
				Map.of("ENTERPRISE_NAME", "长沙信用测试有限公司", "LEGAL_REP_NAME", "信用法人", "LEGAL_REP_ID", world.idNumber));
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);

		Response theirs = world.as(world.applicant, "GET", "/api/v1/my/credit?subject=" + company, null);
		assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
		assertThat((List<String>) theirs.json("$[*].id")).containsExactly(listing.id().toString());
		assertThat((List<?>) world.as(world.applicant, "GET", "/api/v1/my/credit", null).json("$")).as("not the person's own")
			.isEmpty();
		Response appealed = world.as(world.applicant, "POST", "/api/v1/my/credit/" + listing.id() + "/appeal?subject=" + company,
				Map.of("statement", "承诺事项已于期限内履行"));
		assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
		assertThat((String) appealed.json("$.state")).isEqualTo("UNDER_APPEAL");

		Citizens.Citizen stranger = Citizens.register(api, "路人甲", Identities.idNumber());
		Response refused = api.send("GET", "/api/v1/my/credit?subject=" + company, stranger.username(), null, null);
		assertThat(refused.status()).as("nobody else finds it: " + refused.body()).isEqualTo(404);
		assertThat(api.send("POST", "/api/v1/my/credit/" + listing.id() + "/appeal?subject=" + company, stranger.username(), null,
				Map.of("statement", "冒名申诉")).status()).isEqualTo(404);
	}

	@Test
	void hasNoEffectOnceItsLastDayHasPassed() {
		String id = aListing(today().plusDays(1).toString());
		String onCommitment = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		assertThat(accept(onCommitment, Map.of()).status()).isEqualTo(422);

		// the days pass: its last day is yesterday now
		jdbc.sql("UPDATE credit_blacklist SET until = ? WHERE id = ?").params(today().minusDays(1), UUID.fromString(id)).update();

		assertThat(credit.blacklisted(world.idNumber)).isFalse();
		assertThat((String) as(creditAdmin, "GET", "/api/v1/credit/listings/" + id, null).json("$.state")).isEqualTo("EXPIRED");
		assertThat(accept(onCommitment, Map.of()).status()).isEqualTo(200);
		assertThat(as(creditAdmin, "POST", "/api/v1/credit/listings/" + id + "/lifting", Map.of("reason", "已修复")).status())
			.as("nothing left to lift").isEqualTo(409);
		assertThat(world.as(world.applicant, "POST", "/api/v1/my/credit/" + id + "/appeal", Map.of("statement", "申诉")).status())
			.isEqualTo(409);
	}

	@Test
	void letsOnlyACreditAdministratorOfTheCasesRegionSeeListOrLift() {
		String number = anAcceptedCase();
		String id = aListing(number, today().plusYears(2).toString());
		String otherRegion = staff("CREDIT_ADMIN", "431200");
		Map<String, Object> listing = Map.of("subject", world.idNumber, "reason", "提供虚假材料", "evidenceCase", number,
				"lifetime", true);

		assertThat(world.as(world.applicant, "POST", "/api/v1/credit/listings", listing).status()).isEqualTo(403);
		assertThat(world.as(world.applicant, "POST", "/api/v1/credit/listings/" + id + "/lifting", Map.of("reason", "自行移出"))
			.status()).isEqualTo(403);
		assertThat(world.as(world.applicant, "GET", "/api/v1/credit/listings?subject=" + world.idNumber, null).status()).isEqualTo(403);
		assertThat(as(CaseWorld.OBSERVER, "GET", "/api/v1/credit/listings/" + id, null).status()).as("a supervisor").isEqualTo(403);

		assertThat(as(otherRegion, "GET", "/api/v1/credit/listings/" + id, null).status()).isEqualTo(404);
		assertThat(as(otherRegion, "POST", "/api/v1/credit/listings/" + id + "/lifting", Map.of("reason", "移出")).status())
			.isEqualTo(404);
		assertThat((List<?>) as(otherRegion, "GET", "/api/v1/credit/listings?subject=" + world.idNumber, null).json("$")).isEmpty();
		Response elsewhere = as(otherRegion, "POST", "/api/v1/credit/listings", listing);
		assertThat(elsewhere.status()).isEqualTo(400);
		assertThat((String) elsewhere.json("$.errors[0].field")).isEqualTo("evidenceCase");

		CaseWorld someoneElse = new CaseWorld(api);
		assertThat(someoneElse.as(someoneElse.applicant, "POST", "/api/v1/my/credit/" + id + "/appeal", Map.of("statement", "申诉"))
			.status()).as("another applicant's listing is not found").isEqualTo(404);
		assertThat((List<?>) someoneElse.as(someoneElse.applicant, "GET", "/api/v1/my/credit", null).json("$")).isEmpty();

		assertThat((List<String>) as(creditAdmin, "GET", "/api/v1/credit/listings?subject=" + world.idNumber, null).json("$[*].id"))
			.containsExactly(id);
		assertThat(credit.listings(world.idNumber)).singleElement().satisfies(l -> assertThat(l.stored()).isEqualTo(ListingState.ACTIVE));
	}

	@Test
	void listsOnlyOnTheEvidenceOfAnExistingCaseWhoseApplicantTheSubjectIs() {
		String number = anAcceptedCase();
		String stranger = Identities.idNumber();
		Map<String, Object> valid = Map.of("subject", world.idNumber, "reason", "提供虚假材料", "evidenceCase", number, "lifetime", true);

		assertThat(field(with(valid, "evidenceCase", "430102-20260302-99999999-X"))).isEqualTo("evidenceCase");
		assertThat(field(with(valid, "subject", stranger))).isEqualTo("subject");
		assertThat(field(with(valid, "subject", world.idNumber.substring(0, 17) + (world.idNumber.endsWith("0") ? "1" : "0"))))
			.isEqualTo("subject");
		assertThat(field(with(valid, "reason", "虚假\u0000材料"))).isEqualTo("reason");
		assertThat(field(with(valid, "reason", "假".repeat(1_001)))).isEqualTo("reason");
		Map<String, Object> neither = new HashMap<>(valid);
		neither.remove("lifetime");
		assertThat(field(neither)).isEqualTo("until");
		assertThat(field(with(valid, "until", today().plusYears(1).toString()))).as("a last day and for life").isEqualTo("until");
		Map<String, Object> past = new HashMap<>(neither);
		past.put("until", today().toString());
		assertThat(field(past)).isEqualTo("until");
		assertThat(credit.listings(world.idNumber)).as("bad input changes nothing").isEmpty();
		assertThat(credit.listings(stranger)).isEmpty();

		Response listed = as(creditAdmin, "POST", "/api/v1/credit/listings", valid);
		assertThat(listed.status()).as(listed.body()).isEqualTo(201);
		assertThat((Boolean) listed.json("$.lifetime")).isTrue();
		assertThat((String) listed.json("$.evidenceNumber")).isEqualTo(number);
		assertThat((String) listed.json("$.region")).isEqualTo("430102");
	}

	@Test
	void listsTheApplicantWhenAReviewerRefusesForFalseMaterials() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertThat(accept(caseId, Map.of()).status()).isEqualTo(200);
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-REG");
		String reviewer = world.reviewerOf((String) task.get("department"), "false-materials");
		Response claimed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		int version = claimed.json("$.version");
		Map<String, Object> refusal = Map.of("version", version, "reason", "经营场所产权证明系伪造", "legalBasis",
				"《中华人民共和国行政许可法》第七十八条");

		Response garbled = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/refusal", with(refusal, "falseMaterials", "maybe"));
		assertThat(garbled.status()).isEqualTo(400);
		assertThat((String) garbled.json("$.errors[0].field")).isEqualTo("falseMaterials");
		assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("version")).as("nothing changed").isEqualTo(version);
		assertThat(credit.blacklisted(world.idNumber)).isFalse();

		Response refused = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/refusal", with(refusal, "falseMaterials", true));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		assertThat((String) refused.json("$.state")).isEqualTo("REFUSED");

		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		assertThat(credit.blacklisted(world.idNumber)).isTrue();
		assertThat(credit.listings(world.idNumber)).singleElement().satisfies(l -> {
			assertThat(l.evidence().number()).isEqualTo(number);
			assertThat(l.reason()).contains("提供虚假材料").contains("伪造");
			assertThat(l.listedBy()).isEqualTo(reviewer);
			assertThat(l.region()).isEqualTo("430102");
			assertThat(audited(l.id().toString())).containsExactly(Map.of("actor", reviewer, "action", "credit.LISTED"));
		});
		List<String> actions = world.view(CaseWorld.OBSERVER, caseId).json("$.history[*].action");
		assertThat(actions).contains("BLACKLISTED");
	}

	@Test
	void doesNotListTheApplicantForAnOrdinaryRefusal() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertThat(accept(caseId, Map.of()).status()).isEqualTo(200);
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-REG");
		String reviewer = world.reviewerOf((String) task.get("department"), "ordinary");
		Response claimed = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		Response refused = world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/refusal", Map.of("version",
				(Integer) claimed.json("$.version"), "reason", "经营场所面积不足", "legalBasis", "《食品经营许可管理办法》第十一条",
				"falseMaterials", false));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		assertThat(credit.listings(world.idNumber)).isEmpty();
	}

	// ------------------------------------------------------------------ the world

	/** A case of the world's applicant, accepted as it is; its number. */
	private String anAcceptedCase() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertThat(accept(caseId, Map.of()).status()).isEqualTo(200);
		return world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
	}

	private String aListing(String until) {
		return aListing(anAcceptedCase(), until);
	}

	private String aListing(String number, String until) {
		Response listed = as(creditAdmin, "POST", "/api/v1/credit/listings", Map.of("subject", world.idNumber, "reason",
				"提交伪造的场地使用证明", "evidenceCase", number, "until", until));
		assertThat(listed.status()).as(listed.body()).isEqualTo(201);
		return listed.json("$.id");
	}

	private Response accept(String caseId, Map<String, Object> decision) {
		Map<String, Object> body = new HashMap<>(decision);
		body.put("version", world.caseVersion(caseId));
		return world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance", body);
	}

	/** The field of the first error when the credit administrator lists with this body. */
	private String field(Map<String, Object> body) {
		Response refused = as(creditAdmin, "POST", "/api/v1/credit/listings", body);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		return refused.json("$.errors[0].field");
	}

	private List<Map<String, Object>> audited(String listing) {
		return jdbc.sql("SELECT actor, action FROM audit_record WHERE target = ? AND action LIKE 'credit.%' ORDER BY id")
			.param("credit-listing/" + listing)
			.query((rs, n) -> Map.<String, Object>of("actor", rs.getString(1), "action", rs.getString(2)))
			.list();
	}

	private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> changed = new HashMap<>(body);
		changed.put(key, value);
		return changed;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Response as(String user, String method, String path, Object body) {
		String password = CaseWorld.OBSERVER.equals(user) ? "onego-supervisor" : PASSWORD;
		return api.send(method, path, user, password, body);
	}

	private String staff(String role, String region) {
		String username = "cr-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				PASSWORD, "name", "信用测试人员", "roles", List.of(role), "region", region));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
