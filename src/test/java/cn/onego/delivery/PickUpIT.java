package cn.onego.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import cn.onego.cases.Halls;
import cn.onego.licences.IssuedCases;
import cn.onego.platform.sms.SimulatedSms;
import cn.onego.platform.sms.SmsMessage;

/**
 * A result to be picked up at the window: when the case is ready its applicant is texted a six-digit pick-up code
 * with the hall's name, address and hours; the case page shows the code to the applicant only; the clerk of the
 * hall hands the result over against it — a wrong code is refused and counted, the right one closes delivery, and
 * it cannot be handed over twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PickUpIT {

	private static final Pattern CODE = Pattern.compile("取件码 (\\d{6})");

	@LocalServerPort
	int port;

	@Autowired
	SimulatedSms sms;

	@Autowired
	Halls halls;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theClerkHandsTheResultOverAgainstTheCodeTheApplicantWasTexted() throws InterruptedException {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		world.delivery = Map.of("method", "WINDOW_PICKUP", "mobile", world.mobile);
		String caseId = IssuedCases.cateringCase(world).caseId();
		Map<String, Object> caseFile = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile");
		Halls.Hall hall = halls.hall((String) caseFile.get("hall")).orElseThrow();

		String text = null;
		for (int i = 0; i < 100 && text == null; i++) {
			text = sms.latestTo(world.mobile, 20).stream().map(SmsMessage::text).filter(t -> t.contains("取件码")).findFirst().orElse(null);
			Thread.sleep(100);
		}
		assertThat(text).as("the pick-up code was texted").isNotNull().contains((String) caseFile.get("number"), hall.name(), hall.address());
		Matcher matcher = CODE.matcher(text);
		assertThat(matcher.find()).isTrue();
		String code = matcher.group(1);

		Response mine = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/delivery", null);
		assertThat(mine.<String>json("$.method")).isEqualTo("WINDOW_PICKUP");
		assertThat(mine.<String>json("$.pickUp.code")).isEqualTo(code);
		assertThat(mine.<String>json("$.pickUp.state")).isEqualTo("READY");
		assertThat(mine.<String>json("$.pickUp.hall.name.zh")).isEqualTo(hall.name());
		assertThat(mine.<List<String>>json("$.results[*].number")).isNotEmpty();

		String clerk = world.clerkOf(caseId);
		Map<String, Object> seenByStaff = world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/delivery", null).json("$.pickUp");
		assertThat(seenByStaff).as("staff do not see the code: the applicant shows it").containsEntry("state", "READY")
			.doesNotContainKey("code");

		String wrong = code.equals("000000") ? "000001" : "000000";
		Response refused = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/pick-up", Map.of("code", wrong));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.<String>json("$.errors[0].code")).isEqualTo("wrong-code");
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/pick-up", Map.of("code", "12345\u0000")).status()).isEqualTo(400);

		// at the window: the clerk types the code the applicant shows, and the page says the result was handed over
		try (cn.onego.web.Browser window = cn.onego.web.Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window-case.html?id=" + caseId);
			window.type("#pick-up-code", code).click("#hand-over");
			assertThat(window.waitForText("#handed-over", "已凭取件码领取")).contains("结果");
			assertThat(window.cspViolations()).isEmpty();
			window.screenshot("window-pick-up");
		}
		Response again = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/pick-up", Map.of("code", code));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.<String>json("$.code")).isEqualTo("pick-up-handed-over");
		Response handed = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/delivery", null);
		assertThat(handed.<String>json("$.pickUp.state")).isEqualTo("HANDED_OVER");
		assertThat(handed.<String>json("$.pickUp.handedOverAt")).isNotNull();
		assertThat(world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/pick-up", Map.of("code", code)).status())
			.as("only the window hands over").isEqualTo(403);
	}

	/**
	 * The pick-up code and its SMS are written in the transaction that makes the case ready (ADR 0012): the moment the
	 * last approval is answered, the code is there for the applicant and the SMS waits in the outbox — nothing is left
	 * to an asynchronous listener.
	 */
	@Test
	void thePickUpCodeAndItsSmsAreWrittenWithTheStepThatMakesTheCaseReady() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		world.delivery = Map.of("method", "WINDOW_PICKUP", "mobile", world.mobile);
		String caseId = world.acceptedCatering();
		assertThat(jdbc.sql("SELECT count(*) FROM pick_up WHERE case_id = ?::uuid").param(caseId).query(Integer.class).single())
			.as("no code before the case is ready").isZero();
		for (int round = 0; round < 10 && !"READY".equals(world.caseState(caseId)); round++) {
			List<Map<String, Object>> pending = world.view(CaseWorld.OBSERVER, caseId).json("$.tasks[?(@.task.state == 'PENDING')].task");
			for (Map<String, Object> task : pending) {
				String item = (String) task.get("item");
				String number = item.equals("HN-SCJG-ENT-REG") ? Identities.creditCode() : Identities.licenceNumber("JY1");
				Response approved = world.approve(caseId, item, number);
				assertThat(approved.status()).as(approved.body()).isEqualTo(200);
			}
		}
		assertThat(world.caseState(caseId)).isEqualTo("READY");

		Response mine = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/delivery", null);
		assertThat(mine.<String>json("$.pickUp.state")).as("at once, without waiting").isEqualTo("READY");
		assertThat(mine.<String>json("$.pickUp.code")).matches("\\d{6}");
		assertThat(sms.latestTo(world.mobile, 20)).extracting(SmsMessage::text).as("the SMS with the code, in the outbox")
			.anySatisfy(text -> assertThat(text).contains("取件码 " + mine.<String>json("$.pickUp.code")));
	}
}
