package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * Verifying an electronic licence without signing in: a licence issued by a case verifies as valid by its number and
 * by its QR; changed in the database it is not genuine; revoked it reports revoked, past its validity expired; an
 * unknown number or a wrong QR code is not found. A reviewer's approval with a number not of the licence type is
 * refused on the field before anything changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LicenceVerificationIT {

	@LocalServerPort
	int port;

	@Autowired
	ELicences licences;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void verifiesALicenceIssuedByACaseByNumberAndByQrShowingTheHolderMasked() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		IssuedCases.Issued issued = IssuedCases.cateringCase(world);

		Response byNumber = api.get(byNumber("FOOD_BUSINESS_LICENCE", issued.foodLicence()));
		assertThat(byNumber.status()).as(byNumber.body()).isEqualTo(200);
		assertThat((String) byNumber.json("$.status")).isEqualTo("VALID");
		assertThat((String) byNumber.json("$.issuer")).endsWith("市场监督管理局");
		assertThat((String) byNumber.json("$.validUntil")).as("a food business licence is valid for five years")
			.isEqualTo(LocalDate.now(clock).plusYears(5).minusDays(1).toString());
		assertThat((String) byNumber.json("$.signatureAlgorithm")).isEqualTo("SM3withSM2");
		assertThat((String) byNumber.json("$.identifier")).startsWith("1.2.156.3005.2.").matches(LicenceIdentifier::isValid);
		assertThat(byNumber.body()).as("the holder is masked").doesNotContain(world.idNumber).contains(IdNumberMask.of(world.idNumber));

		ELicences.Stored stored = licences.find("FOOD_BUSINESS_LICENCE", issued.foodLicence()).orElseThrow();
		assertThat(stored.licence().holder()).isEqualTo(world.idNumber);
		Response byQr = api.get(byQr(stored.licence().identifier(), stored.verificationCode()));
		assertThat((String) byQr.json("$.status")).isEqualTo("VALID");
		Response wrongCode = api.get(byQr(stored.licence().identifier(), "0123456789ABCDEF"));
		assertThat((String) wrongCode.json("$.status")).as("a guessed code tells nothing").isEqualTo("NOT_FOUND");
		assertThat(wrongCode.body()).doesNotContain(issued.foodLicence(), "市场监督管理局");

		assertThat((String) api.get(byNumber("BUSINESS_LICENCE", issued.businessLicence())).json("$.status"))
			.as("the business licence is issued and signed too").isEqualTo("VALID");
		assertThat((String) api.get(byNumber("FOOD_BUSINESS_LICENCE", Identities.licenceNumber("JY9"))).json("$.status"))
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void aLicenceChangedInTheDatabaseFailsVerification() {
		ApiClient api = new ApiClient(port);
		ELicence another = licences.record(Identities.creditCode(), "FOOD_BUSINESS_LICENCE", Identities.licenceNumber("JY2"),
				"食品经营许可证", "长沙市芙蓉区市场监督管理局", LocalDate.now(clock).minusDays(10), LocalDate.now(clock).plusYears(5));
		for (String[] change : new String[][] { { "valid_until", "valid_until = DATE '2099-12-31'" },
				{ "issuer", "issuer = '长沙市伪造局'" }, { "name", "name = '特种经营许可证'" },
				{ "holder, sealed: another licence's holder", "holder = (SELECT o.holder FROM e_licence o WHERE o.id = '" + another.id() + "')" },
				{ "data, sealed: garbage", "data = 'k1:AAAA'" } }) {
			String number = Identities.licenceNumber("JY2");
			ELicence licence = licences.record(Identities.creditCode(), "FOOD_BUSINESS_LICENCE", number, "食品经营许可证",
					"长沙市芙蓉区市场监督管理局", LocalDate.now(clock).minusDays(10), LocalDate.now(clock).plusYears(5));
			assertThat((String) api.get(byNumber("FOOD_BUSINESS_LICENCE", number)).json("$.status")).isEqualTo("VALID");

			String column = change[1].substring(0, change[1].indexOf(' '));
			List<String> original = jdbc.sql("SELECT " + column + "::text, pg_typeof(" + column + ")::text FROM e_licence WHERE id = ?")
				.param(licence.id())
				.query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2)))
				.single();
			assertThat(jdbc.sql("UPDATE e_licence SET " + change[1] + " WHERE id = ?").param(licence.id()).update()).isEqualTo(1);

			Response tampered = api.get(byNumber("FOOD_BUSINESS_LICENCE", number));
			assertThat(tampered.status()).as(tampered.body()).isEqualTo(200);
			assertThat((String) tampered.json("$.status")).as(change[0] + " changed").isEqualTo("NOT_GENUINE");
			assertThat(tampered.body()).as("nothing of a forged licence is shown").doesNotContain("\"issuer\"", "\"validUntil\"",
					"\"holder\"");

			// put back as it was: a sealed value left garbled would stop the next key rotation of the shared database
			jdbc.sql("UPDATE e_licence SET " + column + " = CAST(? AS " + original.get(1) + ") WHERE id = ?")
				.params(original.get(0), licence.id())
				.update();
			assertThat((String) api.get(byNumber("FOOD_BUSINESS_LICENCE", number)).json("$.status")).isEqualTo("VALID");
		}
	}

	@Test
	void aRevokedLicenceReportsRevokedAndTheRevocationIsAudited() {
		ApiClient api = new ApiClient(port);
		String number = Identities.licenceNumber("JY3");
		ELicence licence = licences.record(Identities.idNumber(), "FOOD_BUSINESS_LICENCE", number, "食品经营许可证",
				"长沙市芙蓉区市场监督管理局", LocalDate.now(clock).minusYears(1), LocalDate.now(clock).plusYears(4));
		String path = "/api/v1/e-licences/" + licence.id() + "/revocation";

		Response noReason = api.send("POST", path, "admin", "onego-admin", Map.of("kind", "REVOKED"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat((String) noReason.json("$.errors[0].field")).isEqualTo("reason");
		assertThat((String) api.get(byNumber("FOOD_BUSINESS_LICENCE", number)).json("$.status")).as("bad input changes nothing")
			.isEqualTo("VALID");

		Response revoked = api.send("POST", path, "admin", "onego-admin", Map.of("kind", "REVOKED", "reason", "违法经营，依法吊销"));
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat((String) revoked.json("$.status")).isEqualTo("REVOKED");
		Response verified = api.get(byNumber("FOOD_BUSINESS_LICENCE", number));
		assertThat((String) verified.json("$.status")).isEqualTo("REVOKED");
		assertThat((String) verified.json("$.revocationKind")).isEqualTo("REVOKED");
		assertThat((String) verified.json("$.revocationLabel.zh")).isEqualTo("吊销");
		assertThat(verified.body()).as("the reason is the issuer's, not the public's").doesNotContain("违法经营");

		Response again = api.send("POST", path, "admin", "onego-admin", Map.of("kind", "CANCELLED", "reason", "再次注销"));
		assertThat(again.status()).isEqualTo(409);
		assertThat((String) again.json("$.code")).isEqualTo("licence-already-revoked");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'licence.REVOKED' AND target = ?")
			.param("e-licence/" + licence.id()).query(Long.class).single()).isEqualTo(1L);
	}

	@Test
	void theHeadOfTheIssuingDepartmentRevokesItsLicencesAndNoOtherHeadFindsThem() {
		ApiClient api = new ApiClient(port);
		String number = Identities.licenceNumber("JY6");
		ELicence licence = licences.issue(new ELicences.Issue(Identities.idNumber(), "FOOD_BUSINESS_LICENCE", number, "食品经营许可证",
				"长沙市芙蓉区市场监督管理局", "430102-MARKET_REGULATION", "430102", LocalDate.now(clock), null, Map.of()));
		String own = head(api, "430102", "430102-MARKET_REGULATION");
		String other = head(api, "430103", "430103-MARKET_REGULATION");
		String path = "/api/v1/e-licences/" + licence.id() + "/revocation";
		Map<String, Object> body = Map.of("kind", "CANCELLED", "reason", "经营者申请注销");

		Response notTheirs = api.send("POST", path, other, PASSWORD, body);
		assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(404);
		assertThat((String) api.get(byNumber("FOOD_BUSINESS_LICENCE", number)).json("$.status")).isEqualTo("VALID");

		Response cancelled = api.send("POST", path, own, PASSWORD, body);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		Response verified = api.get(byNumber("FOOD_BUSINESS_LICENCE", number));
		assertThat((String) verified.json("$.status")).isEqualTo("REVOKED");
		assertThat((String) verified.json("$.revocationLabel.zh")).isEqualTo("注销");
	}

	private static final String PASSWORD = "licence-head-123";

	private static String head(ApiClient api, String region, String department) {
		String username = "lh-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				PASSWORD, "name", "证照测试科长", "roles", List.of("DEPARTMENT_HEAD"), "region", region, "department", department));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	@Test
	void aLicencePastItsValidityReportsExpired() {
		ApiClient api = new ApiClient(port);
		String number = Identities.licenceNumber("JY4");
		LocalDate lastDay = LocalDate.now(clock).minusDays(1);
		licences.record(Identities.idNumber(), "FOOD_BUSINESS_LICENCE", number, "食品经营许可证", "长沙市芙蓉区市场监督管理局",
				lastDay.minusYears(5).plusDays(1), lastDay);
		Response expired = api.get(byNumber("FOOD_BUSINESS_LICENCE", number));
		assertThat((String) expired.json("$.status")).isEqualTo("EXPIRED");
		assertThat((String) expired.json("$.validUntil")).isEqualTo(lastDay.toString());
	}

	@Test
	void refusesAnApprovalWithANumberNotOfTheLicenceTypeOnTheFieldBeforeAnythingChanges() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		String valid = Identities.creditCode();
		String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
		for (String invalid : List.of(wrongCheck, "JY14301020000001", "9143")) {
			Response refused = world.approve(caseId, "HN-SCJG-ENT-REG", invalid);
			assertThat(refused.status()).as(refused.body()).isEqualTo(400);
			assertThat((String) refused.json("$.errors[0].field")).isEqualTo("number");
			assertThat((String) refused.json("$.errors[0].code")).isEqualTo("credit-code");
			Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-REG");
			assertThat(task.get("state")).as("the task is not decided").isEqualTo("CLAIMED");
			// the reviewer gives it back for the next try (CaseWorld claims it again)
			String reviewer = world.reviewerOf((String) task.get("department"), "HN-SCJG-ENT-REG");
			assertThat(world.as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/release", Map.of("version", task.get("version")))
				.status()).isEqualTo(200);
		}
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", valid).status()).isEqualTo(200);
	}

	@Test
	void limitsTheLookUpsOfOneLicence() {
		ApiClient api = new ApiClient(port);
		String number = Identities.licenceNumber("JY5");
		int refusedAt = -1;
		for (int i = 0; i < 40 && refusedAt < 0; i++) {
			Response answer = api.get(byNumber("FOOD_BUSINESS_LICENCE", number));
			if (answer.status() == 429) {
				refusedAt = i;
				assertThat(answer.entity().getHeaders().getFirst("Retry-After")).isNotBlank();
			}
		}
		assertThat(refusedAt).as("refused after the limit licence-verifications-per-licence").isEqualTo(30);
	}

	private static String byNumber(String type, String number) {
		return "/api/v1/e-licences/verification?type=" + type + "&number=" + URLEncoder.encode(number, StandardCharsets.UTF_8);
	}

	private static String byQr(String identifier, String code) {
		return "/api/v1/e-licences/verification?id=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8) + "&code=" + code;
	}

	/** How the platform masks an ID number ({@code 4301**********1234}). */
	static final class IdNumberMask {

		static String of(String idNumber) {
			return cn.onego.shared.IdNumber.mask(idNumber);
		}
	}
}
