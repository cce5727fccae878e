package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;

/**
 * Cross-region cases (异地收件) for tests, built only through the API: a change of registered capital of a company a
 * world's citizen represents, competent in the citizen's region, handed in at a hall of another prefecture — both
 * items (HN-SCJG-ENT-CHANGE, HN-SW-TAX-INFO-CHANGE) are offered province-wide — and clerks of any hall.
 */
public final class CrossRegionCases {

	public static final String MATTER = "HN-ENTERPRISE-CHANGE";
	public static final Map<String, List<String>> CAPITAL_CHANGE = Map.of("CHANGE_ITEMS", List.of("CAPITAL"));
	/** The company's name, as the pages show it (typed, so marked as Chinese in English pages). */
	public static final String COMPANY_NAME = "长沙陈氏商贸有限公司";

	private CrossRegionCases() {
	}

	/**
	 * Applies for the capital change of a new company whose legal representative (in the enterprise registry) is the
	 * world's citizen, handing in at the hall (null: the competent hall); returns the case once it is opened.
	 */
	public static String applyAt(ApiClient api, CaseWorld world, String hall) {
		String company = Identities.creditCode();
		Response registered = api.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + company, "admin", "onego-admin",
				Map.of("ENTERPRISE_NAME", COMPANY_NAME, "LEGAL_REP_NAME", "陈创业", "LEGAL_REP_ID", world.idNumber,
						"REGISTERED_ADDRESS", "湖南省长沙市芙蓉区五一大道8号", "BUSINESS_SCOPE", "日用百货销售"));
		assertThat(registered.status()).as(registered.body()).isBetween(200, 204);
		CaseWorld.Submission prepared = world.prepare(world.applicant, world.idNumber, "陈创业", null, MATTER, CAPITAL_CHANGE, Set.of(),
				Set.of());
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("applicant", Map.of("kind", "ENTERPRISE", "id", company, "name", COMPANY_NAME));
		if (hall != null) {
			body.put("acceptingHall", hall);
		}
		Response submitted = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String application = submitted.json("$.id");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<String> found = world.as(world.applicant, "GET", "/api/v1/my/cases", null)
				.json("$[?(@.applicationId == '" + application + "')].id");
			if (!found.isEmpty()) {
				return found.get(0);
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("no case was opened for application " + application);
	}

	/** The case's paper transfer in the hall's outgoing list, once the acceptance's listener opened it. */
	public static Map<String, Object> awaitOutgoing(CaseWorld world, String clerk, String hall, String caseId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			Response list = world.as(clerk, "GET", "/api/v1/halls/" + hall + "/transfers?direction=outgoing", null);
			assertThat(list.status()).as(list.body()).isEqualTo(200);
			List<Map<String, Object>> found = list.json("$[?(@.caseId == '" + caseId + "')]");
			if (!found.isEmpty()) {
				return found.get(0);
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("no paper transfer was opened for case " + caseId);
	}

	/** A new window clerk of the hall (password {@link CaseWorld#PASSWORD}). */
	public static String clerk(ApiClient api, String region, String hall) {
		String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", CaseWorld.PASSWORD, "name", "测试人员",
				"roles", List.of("WINDOW_CLERK"), "region", region, "hall", hall));
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
