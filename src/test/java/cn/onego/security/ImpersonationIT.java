package cn.onego.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Citizens.Answer;
import cn.onego.Citizens.Session;
import cn.onego.Identities;
import cn.onego.shared.IdNumber;

/**
 * Knowing somebody's ID number — a valid check digit, even with their name — is not enough to register,
 * sign in, consent, apply or read in their name: each attempt is refused, nothing is read from any
 * registry for the impostor, and the attempt is logged with the number masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ImpersonationIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	cn.onego.platform.crypto.PersonalData data;

	@Test
	void registeringWithAnothersIdNumberAndAWrongNameIsRefusedWithoutSayingWhyAndLogged() {
		ApiClient api = new ApiClient(port);
		String victim = Identities.idNumber();
		String victimsPhone = Citizens.mobile();
		Citizens.putOnRecord(api, "赵真名", victim, victimsPhone);

		Answer refused = new Session(api.baseUrl()).postJson("/idp/api/registrations",
				Map.of("name", "钱冒名", "idNumber", victim, "username", "impostor" + port, "password", "Impostor-pass-1"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat((String) refused.json("$.code")).isEqualTo("real-name-check-failed");
		assertThat(refused.body()).as("neither the right name nor whether the number is known").doesNotContain("赵真名")
			.doesNotContain(victimsPhone.substring(7));

		assertThat((List<?>) api.get("/idp/api/demo/sms?mobile=" + victimsPhone).json("$.messages")).as("no code was sent").isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM idp_attempt WHERE kind = 'REGISTRATION' AND outcome = 'REFUSED' AND login_index = ?")
			.param(data.index(victim)).query(Integer.class).single()).as("the attempt is on record").isEqualTo(1);
		assertThat(Citizens.tryToSignIn(api, "impostor" + port, "Impostor-pass-1")).as("no account was opened").isFalse();
	}

	@Test
	void knowingTheNameAsWellOnlySendsTheCodeToTheirOwnPhone() {
		ApiClient api = new ApiClient(port);
		String victim = Identities.idNumber();
		String victimsPhone = Citizens.mobile();
		Citizens.putOnRecord(api, "孙真名", victim, victimsPhone);
		Session impostor = new Session(api.baseUrl());
		String username = "impostor2" + port;
		Answer started = impostor.postJson("/idp/api/registrations",
				Map.of("name", "孙真名", "idNumber", victim, "username", username, "password", "Impostor-pass-2"));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		assertThat(started.body()).as("the number is shown masked, the code is not in the answer").doesNotContain(victimsPhone);

		for (String guess : List.of("000000", "123456", "111111", "999999", "654321")) {
			Answer wrong = impostor.postJson("/idp/api/registrations/" + started.json("$.registration") + "/code", Map.of("code", guess));
			assertThat(wrong.status()).isEqualTo(400);
		}
		assertThat((List<?>) api.get("/idp/api/demo/sms?mobile=" + victimsPhone).json("$.messages"))
			.as("the code reached the person's own phone, who now knows someone tried").hasSize(1);
		assertThat(Citizens.tryToSignIn(api, username, "Impostor-pass-2")).isFalse();
	}

	@Test
	void aSignedInPersonCanNeitherConsentNorApplyNorReadInAnothersName(CapturedOutput output) {
		ApiClient api = new ApiClient(port);
		String victim = Identities.idNumber();
		Citizens.putOnRecord(api, "李真名", victim, Citizens.mobile());
		assertThat(api.send("PUT", "/api/v1/admin/registries/SOCIAL_SECURITY/records/" + victim, "admin", "onego-admin",
				Map.of("EMPLOYER_NAME", "长沙真名机械厂")).status()).isEqualTo(200);
		String impostor = Citizens.register(api, "周冒名", Identities.idNumber()).username();
		int readsBefore = reads(victim);

		Response consent = api.send("POST", "/api/v1/consents", impostor, null,
				Map.of("subject", victim, "matter", "HN-RETIREMENT", "purpose", "退休一件事申请"));
		assertThat(consent.status()).isEqualTo(403);
		assertThat((String) consent.json("$.code")).isEqualTo("not-entitled");
		Map<String, Object> applicant = Map.of("kind", "PERSON", "id", victim, "name", "李真名");
		assertThat(api.send("POST", "/api/v1/drafts", impostor, null, Map.of("matter", "HN-RETIREMENT", "applicant", applicant))
			.status()).isEqualTo(403);
		assertThat(api.send("POST", "/api/v1/applications", impostor, null, Map.of("matter", "HN-RETIREMENT", "applicant", applicant),
				"Idempotency-Key", UUID.randomUUID().toString()).status()).isEqualTo(403);
		assertThat(api.send("GET", "/api/v1/data-access?subject=" + victim, impostor, null, null).status()).isEqualTo(403);
		assertThat(api.send("GET", "/api/v1/consents?subject=" + victim, impostor, null, null).status()).isEqualTo(403);
		assertThat(api.send("GET", "/api/v1/representations?subject=" + victim, impostor, null, null).status()).isEqualTo(403);

		assertThat(reads(victim)).as("nothing was read about the person").isEqualTo(readsBefore);
		assertThat(jdbc.sql("SELECT count(*) FROM consent WHERE subject_index = ?").param(data.index(victim)).query(Integer.class).single()).isZero();
		assertThat(output.getAll()).as("each attempt logged, with the number masked")
			.contains("Refused: " + impostor + " tried to consent or read the data of " + IdNumber.mask(victim))
			.contains("Refused: " + impostor + " tried to apply in the name of " + IdNumber.mask(victim))
			.doesNotContain(victim);
	}

	@Test
	void applyingForOneselfUnderAnotherNameIsRefused() {
		ApiClient api = new ApiClient(port);
		Citizens.Citizen person = Citizens.register(api, "吴本名", Identities.idNumber());
		Response renamed = api.send("POST", "/api/v1/drafts", person.username(), null, Map.of("matter", "HN-RETIREMENT", "applicant",
				Map.of("kind", "PERSON", "id", person.idNumber(), "name", "吴化名")));
		assertThat(renamed.status()).isEqualTo(400);
		assertThat((List<String>) renamed.json("$.errors[*].field")).containsExactly("applicant.name");
		assertThat((String) renamed.json("$.errors[0].message.zh")).contains("吴本名");
	}

	private int reads(String subject) {
		return jdbc.sql("SELECT count(*) FROM data_access WHERE subject_index = ? AND outcome = 'GRANTED'").param(data.index(subject)).query(Integer.class)
			.single();
	}
}
