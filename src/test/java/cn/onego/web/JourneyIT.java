package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * The whole journey through the pages, each person in a browser of their own: a citizen applies online
 * with consent and prefill, a window clerk accepts, reviewers of two departments approve at the same
 * time, the clerk mails the results, the citizen rates the service, and the supervisor's dashboard
 * counts the case. Only the staff accounts and the registries' records are set up through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JourneyIT {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Test
	void appliedOnlineAcceptedAtTheWindowApprovedByTwoDepartmentsInParallelIssuedRatedAndCountedOnTheDashboard() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld staff = new CaseWorld(api);
		String idNumber = Identities.idNumber();
		String username = "journey" + System.nanoTime() % 1_000_000_000L;
		String name = "李一次";
		String mobile = Citizens.mobile();
		PortalIT.seedRegistries(api, idNumber, name, mobile);
		assertThat(api.send("PUT", "/api/v1/admin/registries/HOUSING_FUND/records/" + idNumber, "admin", "onego-admin",
				Map.of("HOUSING_FUND_ACCOUNT", "GJJ" + idNumber.substring(6, 14))).status()).isEqualTo(200);

		// the citizen: registers, finds the matter, applies once with consent and prefill
		String number;
		try (Browser citizen = Browser.open(port)) {
			PortalIT.register(citizen, port, username, name, idNumber, mobile, "/");
			citizen.go("/matter.html?code=HN-RETIREMENT");
			citizen.click("#apply").waitForPath("/apply.html");
			number = PortalIT.applyOnlineWithConsentAndPrefill(citizen, name, true);
		}
		String caseId = api.send("GET", "/api/v1/cases?number=" + number, CaseWorld.OBSERVER, "onego-supervisor", null).json("$.caseFile.id");

		// the window: the online application is in the competent hall's queue; accepted, with its receipt
		String clerk = staff.clerkOf(caseId);
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.click("tr[data-case='" + caseId + "'] a").waitForPath("/window-case.html");
			glyphs(window, "journey-window-case");
			window.click("#mode-STANDARD").click("#accept");
			window.waitForText("#message", "已受理");
			assertThat(window.waitForText("#receipt", number)).contains("已收材料");
			glyphs(window, "journey-window-receipt");
		}

		// the pension first: the medical insurance and the housing fund build on it
		List<Map<String, Object>> tasks = staff.view(CaseWorld.OBSERVER, caseId).json("$.tasks[*].task");
		assertThat(tasks).extracting(t -> t.get("item"))
			.containsExactlyInAnyOrder("HN-RS-PENSION-CLAIM", "HN-YB-RETIREE-BENEFIT", "HN-GJJ-WITHDRAW-RETIRE");
		Map<String, Object> pension = staff.task(caseId, "HN-RS-PENSION-CLAIM");
		String pensionReviewer = staff.reviewerOf((String) pension.get("department"), "-journey");
		// the queue row carries what it shows of the case: one request for the whole queue
		List<Map<String, Object>> queue = staff.as(pensionReviewer, "GET", "/api/v1/departments/" + pension.get("department") + "/tasks",
				null).json("$[?(@.task.id == '" + pension.get("id") + "')]");
		assertThat(queue).singleElement().satisfies(entry -> {
			assertThat(entry.get("caseNumber")).isEqualTo(number);
			assertThat(entry.get("applicantName")).isEqualTo(name);
			assertThat(((Map<?, ?>) entry.get("matterName")).get("zh")).isEqualTo("退休一件事");
		});
		assertThat(approveInTheBrowser(pensionReviewer, (String) pension.get("id"))).contains("准予");

		// then two departments, each reviewer in a browser of their own, deciding at the same time
		ExecutorService reviewers = Executors.newFixedThreadPool(2);
		List<Future<String>> decisions = new ArrayList<>();
		for (String item : List.of("HN-YB-RETIREE-BENEFIT", "HN-GJJ-WITHDRAW-RETIRE")) {
			Map<String, Object> task = staff.task(caseId, item);
			assertThat(task.get("state")).as(item + " started once the pension was approved").isEqualTo("PENDING");
			String reviewer = staff.reviewerOf((String) task.get("department"), "-journey");
			decisions.add(reviewers.submit(() -> approveInTheBrowser(reviewer, (String) task.get("id"))));
		}
		for (Future<String> decision : decisions) {
			assertThat(decision.get()).contains("准予");
		}
		reviewers.shutdown();
		assertThat(staff.caseState(caseId)).isEqualTo("READY");

		// the exit window mails the results
		try (Browser window = Browser.open(port)) {
			window.signIn(clerk, CaseWorld.PASSWORD);
			window.go("/window.html?state=READY");
			window.click("tr[data-case='" + caseId + "'] a").waitForPath("/window-case.html");
			window.type("#tracking", "EMS9876543210").click("#issue");
			window.waitForText("#message", "已出件");
			glyphs(window, "journey-window-issued");
		}

		// the citizen sees every department done and rates the service
		try (Browser citizen = Browser.open(port)) {
			citizen.signInAsCitizen(username, PortalIT.PASSWORD);
			citizen.go("/case.html?id=" + caseId);
			assertThat(citizen.find("#state").getText()).isEqualTo("已出件");
			assertThat(citizen.find("#tasks").getText()).contains("准予");
			citizen.click("#level-1").click("#rating-form button[type=submit]");
			citizen.find("#rated");
			glyphs(citizen, "journey-rated");
		}
		Citizens.signInToApi(api, username, PortalIT.PASSWORD);
		Response rating = api.send("GET", "/api/v1/cases/" + caseId + "/rating", username, PortalIT.PASSWORD, null);
		assertThat(rating.status()).as(rating.body()).isEqualTo(200);

		// the supervisor's dashboard for the case's region and matter counts it, as the API does
		String region = staff.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.region");
		String today = LocalDate.now(clock).toString();
		String filter = "region=" + region + "&matter=HN-RETIREMENT&from=" + today + "&to=" + today;
		Response dashboard = awaitIssued(api, filter);
		try (Browser supervisor = Browser.open(port)) {
			supervisor.signIn("supervisor", "onego-supervisor");
			supervisor.go("/dashboard.html?" + filter);
			supervisor.waitUntil("the dashboard has loaded", "Number(document.body.dataset.loads) > 0");
			String issued = supervisor.find("#figure-issued .value").getText();
			List<Integer> volumes = dashboard.json("$.volumes[*].issued");
			assertThat(Integer.parseInt(issued)).as("issued, on the page and in the API")
				.isEqualTo(volumes.stream().mapToInt(Integer::intValue).sum())
				.isGreaterThanOrEqualTo(1);
			assertThat(Integer.parseInt(supervisor.find("#figure-ratings .value").getText())).isGreaterThanOrEqualTo(1);
			glyphs(supervisor, "journey-dashboard");
		}
	}

	/** Signs in as the reviewer, opens the task from the department's queue, claims and approves it. */
	private String approveInTheBrowser(String reviewer, String taskId) {
		try (Browser department = Browser.open(port)) {
			department.signIn(reviewer, CaseWorld.PASSWORD);
			return approve(department, taskId);
		}
		catch (RuntimeException | AssertionError e) {
			throw new AssertionError("reviewer " + reviewer + ", task " + taskId + ": " + e.getMessage(), e);
		}
	}

	private static String approve(Browser department, String taskId) {
		try {
			String row = "tr[data-task='" + taskId + "']";
			// a short limit may already be in its last fifth: yellow at once
			assertThat(department.find(row + " .badge.green, " + row + " .badge.yellow").getText()).as("due-date colour")
				.isIn("正常", "预警");
			department.click(row + " a").waitForPath("/department-task.html");
			department.click("#claim");
			department.waitForText("#message", "已领取");
			department.type("#approve-number", "JOURNEY-" + taskId.substring(0, 8)).click("#approve");
			department.waitForText("#message", "已准予");
			glyphs(department, "journey-department-" + taskId.substring(0, 8));
			return department.waitForText("#task-state", "准予");
		}
		catch (RuntimeException | AssertionError e) {
			department.screenshot("journey-department-failed");
			throw new AssertionError(e.getMessage() + "\nthe page shows:\n" + department.script("return document.body.innerText"), e);
		}
	}

	/** The supervision aggregates are folded moments after the events: waits until the issue is counted. */
	private static Response awaitIssued(ApiClient api, String filter) {
		for (int i = 0; i < 100; i++) {
			Response dashboard = api.send("GET", "/api/v1/supervision/dashboard?" + filter, "supervisor", "onego-supervisor", null);
			List<Integer> issued = dashboard.json("$.volumes[*].issued");
			if (issued.stream().mapToInt(Integer::intValue).sum() >= 1) {
				return dashboard;
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("the issued case is not counted by supervision");
	}

	private static void glyphs(Browser browser, String name) {
		browser.screenshot(name);
		assertThat(browser.missingGlyphs(name)).as("characters without a glyph on " + name).isEmpty();
	}
}
