package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;

/** The README's "applying once" walk-through, step by step, on the demo data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadmeJourneyIT {

	@LocalServerPort
	int port;

	@Test
	void worksAsTheReadmeSays() throws Exception {
		ApiClient api = new ApiClient(port);
		// 张三 registers at the identity provider (the code goes to the mobile the population registry holds for him)
		// and signs in the way an app does; his token then carries every call
		Citizens.Citizen citizen = Citizens.registerOnRecord(api, "张三", "11010519491231002X", "13800000001");
		String zhang = citizen.username();
		// the README's way to a token for curl: tools/demo-token signs in as the app does (code flow with PKCE)
		String token = demoToken(citizen.username(), citizen.password());
		Response me = new ApiClient(port).get("/api/v1/me", null, null, "Authorization", "Bearer " + token);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat((String) me.json("$.displayName")).isEqualTo("张三");
		Response guidance = api.send("POST", "/api/v1/matters/HN-RETIREMENT/guidance", null, null,
				Map.of("answers", Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"))));
		assertThat((List<String>) guidance.json("$.questions[?(@.open == true)].code")).containsExactly("HAS_HOUSING_FUND");
		String consent = api.send("POST", "/api/v1/consents", zhang, null,
				Map.of("matter", "HN-RETIREMENT", "purpose", "退休一件事申请")).json("$.id");

		Response draft = api.send("POST", "/api/v1/drafts", zhang, null, Map.of("matter", "HN-RETIREMENT", "region",
				"430102", "consentId", consent, "answers",
				Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"), "HAS_HOUSING_FUND", List.of("NO"))));
		String id = draft.json("$.id");
		Response prefilled = api.send("POST", "/api/v1/drafts/" + id + "/prefill?version=0", zhang, null, null);
		assertThat((String) prefilled.json("$.form.APPLICANT_NAME.value")).isEqualTo("张三");
		assertThat((String) prefilled.json("$.form.EMPLOYER_NAME.source")).isEqualTo("PREFILLED");
		assertThat((String) prefilled.json("$.form.RESIDENCE_ADDRESS.value")).isEqualTo("湖南省长沙市芙蓉区五一大道1号");

		String file = api.upload("/api/v1/attachments", zhang, null,
				"%PDF-1.4\n% personnel file\n%%EOF\n".getBytes(StandardCharsets.UTF_8), "application/pdf").json("$.hash");
		Response submitted = api.send("POST", "/api/v1/drafts/" + id + "/submission", zhang, null,
				Map.of("form", Map.of("BANK_NAME", "中国工商银行长沙分行", "BANK_ACCOUNT", "6222020200112233445", "CONTACT_MOBILE",
						"13900001111"), "attachments", Map.of("PERSONNEL_FILE", file), "delivery", Map.of("method", "WINDOW_PICKUP")),
				"Idempotency-Key", "readme-1");
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'RESIDENT_ID_CARD')].source"))
			.containsExactly("E_LICENCE");
		assertThat((List<String>) submitted.json("$.materials.resolved[?(@.material == 'SOCIAL_SECURITY_CARD')].source"))
			.containsExactly("E_LICENCE");
		List<String> reads = api.send("GET", "/api/v1/data-access", zhang, null, null).json("$[*].outcome");
		assertThat(reads).isNotEmpty().containsOnly("GRANTED");
	}

	/** Runs tools/demo-token as the README shows it, against this server. */
	private String demoToken(String username, String password) throws Exception {
		Process process = new ProcessBuilder("tools/demo-token", username, password, "http://127.0.0.1:" + port)
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor()).as("tools/demo-token exits cleanly").isZero();
		assertThat(out).as("an access token").matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		return out;
	}
}
