package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Citizen;
import cn.onego.Citizens.Session;
import cn.onego.Identities;
import cn.onego.shared.IdNumber;

/**
 * Real-name registration over HTTP: only a person the population registry holds under that name, only with the
 * code sent to the mobile on record; every refusal the same neutral answer, every attempt logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdpRegistrationIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	cn.onego.platform.crypto.PersonalData data;

	private ApiClient api() {
		return new ApiClient(port);
	}

	private Session visitor() {
		return new Session("http://127.0.0.1:" + port);
	}

	private static Map<String, Object> step1(String name, String idNumber, String username) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("username", username);
		body.put("password", "Lotus-pond-42");
		return body;
	}

	private static String username() {
		return "u" + Long.toHexString(System.nanoTime());
	}

	private List<String> reasons(String idNumber) {
		return jdbc.sql("SELECT reason FROM idp_attempt WHERE login_index = ? ORDER BY id").param(data.index(idNumber)).query(String.class).list();
	}

	private int people(String idNumber) {
		return jdbc.sql("SELECT count(*) FROM idp_person WHERE id_number_index = ?").param(data.index(idNumber)).query(Integer.class).single();
	}

	private int registrations(String idNumber) {
		return jdbc.sql("SELECT count(*) FROM idp_registration WHERE id_number_index = ?").param(data.index(idNumber)).query(Integer.class).single();
	}

	private List<String> inbox(String mobile) {
		return visitor().get("/idp/api/demo/sms?mobile=" + mobile).json("$.messages[*].text");
	}

	/** What the person is shown, without the request path. */
	private static List<Object> neutral(Answer answer) {
		return List.of(answer.status(), answer.json("$.code"), answer.json("$.title"), answer.json("$.detail"),
				answer.json("$.message"));
	}

	/** The clock moves on for the number: its codes were sent a minute and a second earlier. */
	private void aMinutePasses(String mobile) {
		jdbc.sql("UPDATE idp_code SET sent_at = sent_at - interval '61 seconds' WHERE mobile_index = ?").param(data.index(mobile)).update();
	}

	@Test
	void refusesAWrongNameAnUnknownNumberAnotherPersonsNumberAndAWrongCheckDigitWithOneNeutralAnswer() {
		String mobile = Citizens.mobile();
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api(), "郭靖", idNumber, mobile);
		String neverOnRecord = Identities.idNumber();
		String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		assertThat(IdNumber.isValid(wrongCheck)).isFalse();

		Answer wrongName = visitor().postJson("/idp/api/registrations", step1("黄蓉", idNumber, username()));
		Answer unknown = visitor().postJson("/idp/api/registrations", step1("郭靖", neverOnRecord, username()));
		Answer othersNumber = visitor().postJson("/idp/api/registrations", step1("杨过", idNumber, username()));
		Answer badCheck = visitor().postJson("/idp/api/registrations", step1("郭靖", wrongCheck, username()));

		assertThat(wrongName.status()).as(wrongName.body()).isEqualTo(400);
		assertThat(wrongName.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) wrongName.json("$.code")).isEqualTo("real-name-check-failed");
		assertThat(wrongName.body()).doesNotContain("errors").doesNotContain(idNumber).doesNotContain("郭靖")
			.doesNotContain(mobile.substring(7));
		for (Answer other : List.of(unknown, othersNumber, badCheck)) {
			assertThat(neutral(other)).isEqualTo(neutral(wrongName));
		}

		assertThat(people(idNumber) + people(neverOnRecord) + people(wrongCheck)).isZero();
		assertThat(registrations(idNumber) + registrations(neverOnRecord) + registrations(wrongCheck)).isZero();
		assertThat(inbox(mobile)).isEmpty();
		assertThat(reasons(idNumber)).containsExactly("NAME_MISMATCH", "NAME_MISMATCH");
		assertThat(reasons(neverOnRecord)).containsExactly("UNKNOWN_ID_NUMBER");
		assertThat(reasons(wrongCheck)).containsExactly("CHECK_DIGIT");
	}

	@Test
	void sendsTheCodeOnlyToTheMobileOnRecordWhateverNumberIsTyped() {
		String onRecord = Citizens.mobile();
		String typed = Citizens.mobile();
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api(), "黄药师", idNumber, onRecord);
		Map<String, Object> body = step1("黄药师", idNumber, username());
		body.put("mobile", typed);
		Answer started = visitor().postJson("/idp/api/registrations", body);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat((String) started.json("$.mobile")).isEqualTo(onRecord.substring(0, 3) + "****" + onRecord.substring(7));
		assertThat(inbox(onRecord)).singleElement().asString().containsPattern("\\d{6}");
		assertThat(inbox(typed)).isEmpty();
		Answer page = visitor().get("/idp/api/demo/sms?mobile=" + onRecord);
		assertThat((String) page.json("$.mobile")).isEqualTo(onRecord.substring(0, 3) + "****" + onRecord.substring(7));
		assertThat(page.body()).doesNotContain(onRecord);
	}

	@Test
	void refusesAPersonWithoutAMobileOnRecordNeutrally() {
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api(), "洪七公", idNumber, null);
		Answer started = visitor().postJson("/idp/api/registrations", step1("洪七公", idNumber, username()));
		assertThat(started.status()).isEqualTo(400);
		assertThat((String) started.json("$.code")).isEqualTo("real-name-check-failed");
		assertThat(reasons(idNumber)).containsExactly("NO_MOBILE_ON_RECORD");
	}

	@Test
	void aWrongCodeCreatesNobodyAndFiveWrongTriesEndTheCode() {
		String mobile = Citizens.mobile();
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api(), "欧阳锋", idNumber, mobile);
		Session session = visitor();
		Answer started = session.postJson("/idp/api/registrations", step1("欧阳锋", idNumber, username()));
		String registration = started.json("$.registration");
		String code = Citizens.latestCode(session, mobile);
		String wrong = code.equals("000000") ? "000001" : "000000";

		for (int left = 4; left >= 0; left--) {
			Answer refused = session.postJson("/idp/api/registrations/" + registration + "/code", Map.of("code", wrong));
			assertThat(refused.status()).isEqualTo(400);
			assertThat((String) refused.json("$.code")).isEqualTo("wrong-code");
			assertThat(refused.body()).contains(left > 0 ? "还可尝试 " + left + " 次" : "尝试次数已用完");
		}
		Answer rightTooLate = session.postJson("/idp/api/registrations/" + registration + "/code", Map.of("code", code));
		assertThat(rightTooLate.status()).isEqualTo(400);
		assertThat((String) rightTooLate.json("$.code")).isEqualTo("code-tries-used-up");
		assertThat(people(idNumber)).isZero();
		assertThat(reasons(idNumber)).containsExactly("CODE_SENT", "WRONG_CODE", "WRONG_CODE", "WRONG_CODE", "WRONG_CODE",
				"WRONG_CODE", "CODE_TRIES_USED_UP");

		// a new code a minute later works
		aMinutePasses(mobile);
		Answer resent = session.postJson("/idp/api/registrations/" + registration + "/resend", Map.of());
		assertThat(resent.status()).as(resent.body()).isEqualTo(200);
		Answer registered = session.postJson("/idp/api/registrations/" + registration + "/code",
				Map.of("code", Citizens.latestCode(session, mobile)));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat((String) registered.json("$.outcome")).isEqualTo("REGISTERED");
		assertThat(people(idNumber)).isOne();
	}

	@Test
	void aCodeExpiresAfterFiveMinutesAndAnOlderCodeStopsWorkingWhenANewOneIsSent() {
		String mobile = Citizens.mobile();
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api(), "周伯通", idNumber, mobile);
		Session session = visitor();
		Answer started = session.postJson("/idp/api/registrations", step1("周伯通", idNumber, username()));
		String registration = started.json("$.registration");
		assertThat(Instant.parse(started.json("$.expiresAt"))).isEqualTo(
				jdbc.sql("SELECT sent_at FROM idp_code WHERE mobile_index = ?").param(data.index(mobile)).query(java.sql.Timestamp.class).single()
					.toInstant().plus(Duration.ofMinutes(5)));
		String first = Citizens.latestCode(session, mobile);

		// five minutes pass
		jdbc.sql("UPDATE idp_code SET sent_at = sent_at - interval '5 minutes', expires_at = expires_at - interval '5 minutes' WHERE mobile_index = ?")
			.param(data.index(mobile))
			.update();
		Answer expired = session.postJson("/idp/api/registrations/" + registration + "/code", Map.of("code", first));
		assertThat(expired.status()).isEqualTo(400);
		assertThat((String) expired.json("$.code")).isEqualTo("code-expired");

		assertThat(session.postJson("/idp/api/registrations/" + registration + "/resend", Map.of()).status()).isEqualTo(200);
		String second = Citizens.latestCode(session, mobile);
		if (!second.equals(first)) {
			Answer old = session.postJson("/idp/api/registrations/" + registration + "/code", Map.of("code", first));
			assertThat((String) old.json("$.code")).isEqualTo("wrong-code");
		}
		assertThat(session.postJson("/idp/api/registrations/" + registration + "/code", Map.of("code", second)).status())
			.isEqualTo(201);
		assertThat(reasons(idNumber)).contains("CODE_EXPIRED", "REGISTERED");
	}

	@Test
	void sendsAtMostOneCodeAMinuteAndTenADayToANumber() {
		String mobile = Citizens.mobile();
		String idNumber = Identities.idNumber();
		Citizens.putOnRecord(api(), "黄蓉", idNumber, mobile);
		Session session = visitor();
		Answer started = session.postJson("/idp/api/registrations", step1("黄蓉", idNumber, username()));
		String registration = started.json("$.registration");

		Answer again = session.postJson("/idp/api/registrations/" + registration + "/resend", Map.of());
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat((String) again.json("$.code")).isEqualTo("too-many-codes");
		assertThat(Long.parseLong(again.header("Retry-After"))).isBetween(1L, 60L);
		Answer anotherStart = visitor().postJson("/idp/api/registrations", step1("黄蓉", idNumber, username()));
		assertThat(anotherStart.status()).isEqualTo(429);
		assertThat(inbox(mobile)).hasSize(1);

		// nine more codes went to the number earlier today, the last more than a minute ago
		Instant now = clock.instant();
		String registrationId = jdbc.sql("SELECT id FROM idp_registration WHERE id_number_index = ?").param(data.index(idNumber))
			.query(String.class).single();
		for (int i = 1; i <= 9; i++) {
			jdbc.sql("INSERT INTO idp_code (registration_id, mobile, mobile_index, code_hash, sent_at, expires_at, superseded_at) VALUES (?, ?, ?, 'x', ?, ?, ?)")
				.params(registrationId, data.seal(mobile, "idp_code.mobile"), data.index(mobile), java.sql.Timestamp.from(now.minusSeconds(120L * i)),
						java.sql.Timestamp.from(now.minusSeconds(120L * i - 300)), java.sql.Timestamp.from(now.minusSeconds(120L * i - 1)))
				.update();
		}
		aMinutePasses(mobile);
		Answer eleventh = session.postJson("/idp/api/registrations/" + registration + "/resend", Map.of());
		assertThat(eleventh.status()).isEqualTo(429);
		long untilMidnight = Duration.between(now, now.atZone(clock.getZone()).toLocalDate().plusDays(1)
			.atStartOfDay(clock.getZone()).toInstant()).toSeconds();
		assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(untilMidnight - 120, untilMidnight + 1);
		assertThat(reasons(idNumber)).containsExactly("CODE_SENT", "TOO_MANY_CODES", "TOO_MANY_CODES", "TOO_MANY_CODES");
	}

	@Test
	void anExistingAccountIsNotRevealedInStepOneAndItsPasswordCanBeResetWithTheCodeToItsMobile() {
		ApiClient api = api();
		String idNumber = Identities.idNumber();
		Citizen citizen = Citizens.register(api, "段誉", idNumber);
		// the registry's mobile changed since; the account's codes still go to the account's mobile
		String newOnRecord = Citizens.mobile();
		Citizens.putOnRecord(api, "段誉", idNumber, newOnRecord);
		aMinutePasses(citizen.mobile());

		String fresh = Identities.idNumber();
		String freshMobile = Citizens.mobile();
		Citizens.putOnRecord(api, "王语嫣", fresh, freshMobile);
		Answer newcomer = visitor().postJson("/idp/api/registrations", step1("王语嫣", fresh, username()));
		Session session = visitor();
		Answer again = session.postJson("/idp/api/registrations", step1("段誉", idNumber, username()));
		assertThat(again.status()).isEqualTo(newcomer.status()).isEqualTo(201);
		Map<String, Object> shown = again.json("$");
		assertThat(shown.keySet()).isEqualTo(((Map<String, Object>) newcomer.json("$")).keySet());
		assertThat(again.body()).doesNotContain(citizen.username()).doesNotContainIgnoringCase("exist");
		assertThat(inbox(newOnRecord)).isEmpty();
		assertThat(inbox(citizen.mobile())).hasSize(2);

		String registration = again.json("$.registration");
		Answer exists = session.postJson("/idp/api/registrations/" + registration + "/code",
				Map.of("code", Citizens.latestCode(session, citizen.mobile())));
		assertThat(exists.status()).as(exists.body()).isEqualTo(200);
		assertThat((String) exists.json("$.outcome")).isEqualTo("ACCOUNT_EXISTS");
		assertThat((String) exists.json("$.username")).isEqualTo(citizen.username());
		assertThat(people(idNumber)).isOne();

		Answer weak = session.postJson("/idp/api/registrations/" + registration + "/password", Map.of("password", "88888888"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat((List<String>) weak.json("$.errors[*].code")).contains("common");
		Answer tooLong = session.postJson("/idp/api/registrations/" + registration + "/password",
				Map.of("password", "一件事一次办".repeat(4) + "一二三四5"));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat((List<String>) tooLong.json("$.errors[*].code")).containsExactly("bytes");

		Answer reset = session.postJson("/idp/api/registrations/" + registration + "/password",
				Map.of("password", "Moon-over-lake-7"));
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat((String) reset.json("$.outcome")).isEqualTo("PASSWORD_RESET");
		assertThat(Citizens.signIn(api, citizen.username(), "Moon-over-lake-7").accessToken()).isNotBlank();
		assertThat(session.postJson("/idp/api/registrations/" + registration + "/password", Map.of("password", "Another-1-pass"))
			.status()).isEqualTo(409);
		assertThat(reasons(idNumber)).contains("CODE_SENT_TO_ACCOUNT_MOBILE", "ACCOUNT_EXISTS", "PASSWORD_RESET");
	}

	@Test
	void listsEveryBrokenRuleOfTheFormFieldByField() {
		Answer answer = visitor().postJson("/idp/api/registrations",
				Map.of("name", "", "idNumber", "12345", "username", "A", "password", "一件事一次办".repeat(5)));
		assertThat(answer.status()).isEqualTo(400);
		assertThat((List<String>) answer.json("$.errors[*].field")).contains("name", "idNumber", "username", "password");
		assertThat((List<String>) answer.json("$.errors[*].code")).contains("bytes");
	}

	@Test
	void theSimulatedInboxSaysWhatItIs() {
		Answer page = visitor().get("/idp/demo/sms.html");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("onego.sms.mode=simulated");
		assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
		Answer bad = visitor().get("/idp/api/demo/sms?mobile=12");
		assertThat(bad.status()).isEqualTo(400);
		assertThat((String) visitor().get("/idp/api/demo/sms?mobile=13800000001").json("$.notice")).contains("onego.sms.mode=simulated");
	}
}
