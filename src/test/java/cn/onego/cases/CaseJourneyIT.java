package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import cn.onego.licences.ELicences;

/**
 * The seed's 我要开粉面馆 from the online application to the exit window, over HTTP on real PostgreSQL:
 * accepted at a comprehensive window, the registration first, then five departments in parallel while
 * 秒批 grants the invoices, one result bundle mailed, and a history of every step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseJourneyIT {

	static final Map<String, List<String>> SIX_DEPARTMENTS = Map.of("HAS_BUSINESS_LICENCE", List.of("NO"), "ENTITY_FORM",
			List.of("INDIVIDUAL_BUSINESS"), "PUBLIC_GATHERING_PLACE", List.of("YES"), "OUTDOOR_SIGNBOARD", List.of("YES"),
			"SELLS_TOBACCO", List.of("YES"));

	@LocalServerPort
	int port;

	@Autowired
	ELicences licences;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	CaseWorld world;

	@BeforeEach
	void world() {
		world = new CaseWorld(new ApiClient(port));
	}

	@Test
	void runsTheRestaurantMatterFromTheOnlineApplicationToTheExitWindow() throws Exception {
		String caseId = world.apply("HN-CATERING", SIX_DEPARTMENTS, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		List<String> queue = world.as(clerk, "GET", "/api/v1/window/cases?state=AWAITING_ACCEPTANCE", null).json("$[*].id");
		assertThat(queue).as("online applications land in the competent hall's queue").contains(caseId);

		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat((String) accepted.json("$.state")).isEqualTo("IN_PROGRESS");
		String number = accepted.json("$.number");
		assertThat(number).matches("430102-\\d{8}-\\d{8}-[0-9X]");
		Response receipt = world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/receipt", null);
		assertThat((String) receipt.json("$.promisedDate")).isNotBlank();
		assertThat((String) world.view(clerk, caseId).json("$.dueDate")).as("no clock has stopped: due as promised")
			.isEqualTo(receipt.json("$.promisedDate"));
		assertThat((List<?>) receipt.json("$.missing")).isEmpty();
		assertThat((List<?>) receipt.json("$.received")).isNotEmpty();
		assertThat((List<String>) receipt.json("$.received[*].material")).as("optional materials nobody uploaded are not received")
			.doesNotContain("ARTICLES_OF_ASSOCIATION", "PARTNERSHIP_AGREEMENT", "AGENT_AUTHORISATION", "NAME_PRE_APPROVAL_NOTICE");

		assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("state")).isEqualTo("PENDING");
		for (String dependent : List.of("HN-SCJG-FOOD-LICENCE", "HN-SW-NEW-TAXPAYER", "HN-ZJ-DRAINAGE-PERMIT",
				"HN-XF-PUBLIC-VENUE-CHECK", "HN-CG-SIGNBOARD", "HN-YC-RETAIL-LICENCE")) {
			assertThat(world.task(caseId, dependent).get("state")).as(dependent + " waits for the registration").isEqualTo("WAITING");
		}

		String businessLicence = Identities.creditCode();
		String foodLicence = Identities.licenceNumber("JY1");
		Response registered = world.approve(caseId, "HN-SCJG-ENT-REG", businessLicence);
		assertThat(registered.status()).as(registered.body()).isEqualTo(200);

		Map<String, Object> food = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		assertThat(food.get("state")).isEqualTo("PENDING");
		assertThat(((Map<?, ?>) ((Map<?, ?>) food.get("inputs")).get("HN-SCJG-ENT-REG")).get("number"))
			.as("the business licence number is attached to the dependent task").isEqualTo(businessLicence);
		Map<String, Object> tax = world.task(caseId, "HN-SW-NEW-TAXPAYER");
		assertThat(tax.get("state")).as("秒批").isEqualTo("APPROVED");
		assertThat((String) tax.get("autoRule")).startsWith("秒批 HN-SW-NEW-TAXPAYER#auto");

		ExecutorService reviewers = Executors.newFixedThreadPool(5);
		List<Future<Response>> decisions = new ArrayList<>();
		String[][] parallel = { { "HN-SCJG-FOOD-LICENCE", foodLicence },
				{ "HN-ZJ-DRAINAGE-PERMIT", Identities.licenceNumber("CS-PS-") },
				{ "HN-XF-PUBLIC-VENUE-CHECK", Identities.licenceNumber("CS-XF-") }, { "HN-CG-SIGNBOARD", null },
				{ "HN-YC-RETAIL-LICENCE", Identities.licenceNumber("43010220") } };
		List<String> licenceNumbers = new ArrayList<>(List.of(businessLicence));
		for (String[] decision : parallel) {
			if (decision[1] != null) {
				licenceNumbers.add(decision[1]);
			}
			decisions.add(reviewers.submit(() -> world.approve(caseId, decision[0], decision[1])));
		}
		for (Future<Response> decision : decisions) {
			assertThat(decision.get().status()).as(decision.get().body()).isEqualTo(200);
		}
		reviewers.shutdown();
		assertThat(world.caseState(caseId)).isEqualTo("READY");

		Response withoutTracking = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(withoutTracking.status()).as("free mail needs a tracking number").isEqualTo(400);
		Response issued = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS1234567890"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat((String) issued.json("$.state")).isEqualTo("ISSUED");
		assertThat(licences.validLicence(world.idNumber, "FOOD_BUSINESS_LICENCE")).get()
			.satisfies(l -> assertThat(l.number()).isEqualTo(foodLicence));
		assertThat(licences.validLicence(world.idNumber, "BUSINESS_LICENCE")).isPresent();

		Response view = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId, null);
		List<Map<String, Object>> history = view.json("$.history");
		assertThat(history).extracting(h -> h.get("action")).contains("SUBMITTED", "ACCEPTED", "DISPATCHED", "STARTED", "CLAIMED",
				"APPROVED", "READY", "ISSUED");
		assertThat(history).allSatisfy(step -> {
			assertThat(step.get("actor")).as("the applicant sees who by name, not by username").isNull();
			assertThat((String) ((Map<?, ?>) step.get("actorName")).get("zh")).isNotBlank();
			assertThat((String) step.get("at")).isNotBlank();
		});
		assertThat(history).filteredOn(h -> "APPROVED".equals(h.get("action"))).hasSize(7)
			.extracting(h -> (Object) ((Map<?, ?>) h.get("actorName")).get("en")).contains("System");
		List<Map<String, Object>> staffHistory = world.view(clerk, caseId).json("$.history");
		assertThat(staffHistory).filteredOn(h -> "APPROVED".equals(h.get("action"))).hasSize(7)
			.extracting(h -> h.get("actor")).as("staff see the usernames").contains("system").doesNotHaveDuplicates();
		assertReadsWithoutCodes(history, staffHistory, licenceNumbers, world.applicant);
		List<String> messages = waitForMessage("EMS1234567890");
		assertThat(messages).anySatisfy(m -> assertThat(m).contains("已受理"))
			.anySatisfy(m -> assertThat(m).contains("EMS1234567890"));

		// the application reached the case flow through the event publication registry (the outbox), and that
		// publication was completed; the case's own events were counted for supervision in their transactions
		int incomplete = -1;
		String application = world.view(clerk, caseId).json("$.caseFile.applicationId");
		assertThat((String) world.as(world.applicant, "GET", "/api/v1/cases?application=" + application, null).json("$.caseFile.id"))
			.as("the applicant finds the case of the application").isEqualTo(caseId);
		assertThat(world.as(world.applicant, "GET", "/api/v1/cases?application=" + java.util.UUID.randomUUID(), null).status())
			.isEqualTo(404);
		for (int i = 0; i < 100 && incomplete != 0; i++) {
			incomplete = jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
				.param("%" + application + "%")
				.query(Integer.class)
				.single();
			CaseWorld.sleep(incomplete == 0 ? 0 : 100);
		}
		assertThat(incomplete).as("publications still incomplete").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM event_publication_archive WHERE serialized_event LIKE ?")
			.param("%" + application + "%")
			.query(Integer.class)
			.single()).as("the ApplicationSubmitted publication, completed").isEqualTo(1);
	}

	/**
	 * What the applicant reads of the history — who took each step and what it says, in Chinese and in English — names
	 * things: no item, department or hall code, no enum's name, no rule's innards, no staff username. The licence
	 * numbers the applicant was given are theirs to read, and are taken out first.
	 */
	private static void assertReadsWithoutCodes(List<Map<String, Object>> history, List<Map<String, Object>> staffHistory,
			List<String> licenceNumbers, String applicant) {
		List<String> usernames = staffHistory.stream()
			.map(h -> (String) h.get("actor"))
			.filter(a -> a != null && !a.equals("system") && !a.equals(applicant))
			.distinct()
			.toList();
		assertThat(usernames).as("staff took steps").isNotEmpty();
		for (String language : List.of("zh", "en")) {
			StringBuilder read = new StringBuilder();
			for (Map<String, Object> step : history) {
				read.append(((Map<?, ?>) step.get("actorName")).get(language)).append('\n');
				if (step.get("detail") instanceof Map<?, ?> detail) {
					read.append(detail.get(language)).append('\n');
				}
			}
			String text = read.toString();
			for (String number : licenceNumbers) {
				text = text.replace(number, "");
			}
			String all = text;
			PlainWordsTests.CODES.forEach(code -> assertThat(all).as(language + ": " + code).doesNotContainPattern(code));
			usernames.forEach(username -> assertThat(all).as(language).doesNotContain(username));
			assertThat(all).as(language).doesNotContain("null");
		}
	}

	private List<String> waitForMessage(String containing) {
		for (int i = 0; i < 100; i++) {
			List<String> messages = world.as(world.applicant, "GET", "/api/v1/my/notifications", null).json("$[*].zh");
			if (messages.stream().anyMatch(m -> m.contains(containing))) {
				return messages;
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("the applicant was not told");
	}
}
