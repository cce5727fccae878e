package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;

/**
 * A small world for case tests, built only through the API: a new citizen who applies, a window clerk
 * created for whichever hall the case lands in, and a reviewer created for each department a task goes to.
 * Nobody here is in the demo data.
 */
public final class CaseWorld {

	public static final String PASSWORD = "test-pass-123";

	/** The demo supervisor of 湖南省, who may read every case of the province. */
	public static final String OBSERVER = "supervisor";

	/** A restaurant in a shop that is no public gathering place, with no signboard and no tobacco: 4 items. */
	public static final Map<String, List<String>> SMALL_SHOP = Map.of("HAS_BUSINESS_LICENCE", List.of("NO"), "ENTITY_FORM",
			List.of("INDIVIDUAL_BUSINESS"), "PUBLIC_GATHERING_PLACE", List.of("NO"), "OUTDOOR_SIGNBOARD", List.of("NO"),
			"SELLS_TOBACCO", List.of("NO"));

	private final ApiClient api;
	private final Map<String, String> reviewers;
	private final Map<String, String> clerks;
	public final String idNumber;
	public final String applicant;
	/** The applicant as the identity provider registered them, with their access token. */
	public final Citizens.Citizen citizen;
	public final String region;
	/**
	 * The mobile, address and bank account this world's forms and deliveries carry: its own, so that a test can
	 * look for exactly them in what the platform stored, whatever other tests stored.
	 */
	public final String mobile = Citizens.mobile();
	public final String address = "湖南省长沙市芙蓉区五一大道" + (1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000)) + "号";
	public final String bankAccount = "62220202" + String.format("%011d", java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000L));
	private String currentApplicant;
	/** The park (园区) the applicant's enterprise is in, or null. */
	public String park;
	/** How the results are to come; free mail to the citizen's address unless a test says otherwise. */
	public Map<String, Object> delivery;

	public CaseWorld(ApiClient api) {
		this(api, "430102");
	}

	/** A world whose citizen lives in the region (GB/T 2260 code). */
	public CaseWorld(ApiClient api, String region) {
		this.api = api;
		this.region = region;
		this.reviewers = new ConcurrentHashMap<>();
		this.clerks = new ConcurrentHashMap<>();
		this.idNumber = Identities.idNumber();
		// a real-name account at the identity provider, signed in with the app's token
		this.citizen = Citizens.register(api, "陈创业", idNumber);
		this.applicant = citizen.username();
	}

	private CaseWorld(CaseWorld world, ApiClient api) {
		this.api = api;
		this.region = world.region;
		this.reviewers = world.reviewers;
		this.clerks = world.clerks;
		this.idNumber = world.idNumber;
		this.citizen = world.citizen;
		this.applicant = world.applicant;
		this.park = world.park;
	}

	/** The same people, staff and cases on another platform: one restored from a backup of this one. */
	public CaseWorld on(ApiClient other) {
		return new CaseWorld(this, other);
	}

	/**
	 * Applies for the matter with the answers: every form field filled with a valid value, every material
	 * to upload uploaded except those withheld, the commitments signed; then waits for the case.
	 */
	public String apply(String matter, Map<String, List<String>> answers, Set<String> withheld, Set<String> commitments) {
		return applyFor(applicant, idNumber, "陈创业", null, matter, answers, withheld, commitments);
	}

	/**
	 * Applies as {@code actingUser} for the applicant (a window clerk 帮代办 passes channel WINDOW), and
	 * returns the case once it is opened.
	 */
	public String applyFor(String actingUser, String applicantId, String applicantName, String channel, String matter,
			Map<String, List<String>> answers, Set<String> withheld, Set<String> commitments) {
		Submission submission = prepare(actingUser, applicantId, applicantName, channel, matter, answers, withheld, commitments);
		Response submitted = submit(submission);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String application = submitted.json("$.id");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			String path = actingUser.equals(applicant) ? "/api/v1/my/cases" : "/api/v1/window/cases";
			List<Map<String, Object>> mine = api.send("GET", path, actingUser, PASSWORD, null).json("$");
			for (Map<String, Object> c : mine) {
				if (application.equals(c.get("applicationId"))) {
					return (String) c.get("id");
				}
			}
			sleep(100);
		}
		throw new AssertionError("no case was opened for application " + application);
	}

	/**
	 * An application as a client sends it: who sends it, its idempotency key and its body. Sent again after a lost
	 * answer (a crash, a timeout), it is the same request, and OneGo answers with the same application.
	 */
	public record Submission(String actingUser, String idempotencyKey, Map<String, Object> body) {
	}

	/** The applicant's own application for the matter: the materials uploaded, the body built, nothing sent yet. */
	public Submission prepare(String matter, Map<String, List<String>> answers) {
		return prepare(applicant, idNumber, "陈创业", null, matter, answers, Set.of(), Set.of());
	}

	/**
	 * Prepares an application: every form field filled with a valid value, every material to upload uploaded except
	 * those withheld, the commitments signed; a new idempotency key.
	 */
	public Submission prepare(String actingUser, String applicantId, String applicantName, String channel, String matter,
			Map<String, List<String>> answers, Set<String> withheld, Set<String> commitments) {
		Response guidance = api.send("POST", "/api/v1/matters/" + matter + "/guidance", null, null,
				Map.of("answers", answers, "commitments", commitments));
		assertThat((Boolean) guidance.json("$.complete")).as(guidance.body()).isTrue();
		currentApplicant = applicantId;
		Map<String, String> form = new LinkedHashMap<>();
		List<Map<String, Object>> fields = guidance.json("$.form.sections[*].fields[*]");
		for (Map<String, Object> field : fields) {
			form.put((String) field.get("element"), valueFor(field));
		}
		Map<String, String> attachments = new HashMap<>();
		List<Map<String, Object>> materials = guidance.json("$.materials");
		for (Map<String, Object> material : materials) {
			String code = (String) material.get("code");
			// no consent is given here, so what the government holds must be uploaded too
			boolean upload = Set.of("UPLOAD", "E_LICENCE", "REGISTRY").contains(((Map<?, ?>) material.get("resolution")).get("source"))
					&& Boolean.TRUE.equals(material.get("required"));
			if (upload && !withheld.contains(code) && !commitments.contains(code)) {
				attachments.put(code, upload(actingUser, code));
			}
		}
		Map<String, Object> body = new HashMap<>();
		body.put("matter", matter);
		body.put("region", region);
		body.put("applicant", Map.of("kind", "PERSON", "id", applicantId, "name", applicantName));
		if (channel != null) {
			body.put("channel", channel);
		}
		body.put("answers", answers);
		body.put("form", form);
		body.put("attachments", attachments);
		body.put("commitments", commitments);
		if (park != null) {
			body.put("park", park);
		}
		body.put("delivery", delivery != null ? delivery
				: Map.of("method", "FREE_MAIL", "recipient", "陈创业", "mobile", mobile, "address", address));
		return new Submission(actingUser, UUID.randomUUID().toString(), Map.copyOf(body));
	}

	/** Sends the application (again, if it was sent before): 201 with the application. */
	public Response submit(Submission submission) {
		return api.send("POST", "/api/v1/applications", submission.actingUser(), PASSWORD, submission.body(), "Idempotency-Key",
				submission.idempotencyKey());
	}

	/** Answers every question that applies with its first option, until the questionnaire is complete. */
	public Map<String, List<String>> firstOptions(String matter) {
		Map<String, List<String>> answers = new HashMap<>();
		for (int round = 0; round < 20; round++) {
			Response guidance = api.send("POST", "/api/v1/matters/" + matter + "/guidance", null, null, Map.of("answers", answers));
			List<Map<String, Object>> open = guidance.json("$.questions[?(@.open == true)]");
			if (open.isEmpty()) {
				return answers;
			}
			for (Map<String, Object> question : open) {
				Map<?, ?> first = (Map<?, ?>) ((List<?>) question.get("options")).get(0);
				answers.put((String) question.get("code"), List.of((String) first.get("value")));
			}
		}
		throw new AssertionError("the questionnaire of " + matter + " does not end");
	}

	public String upload(String label) {
		return upload(applicant, label);
	}

	public String upload(String user, String label) {
		byte[] pdf = ("%PDF-1.4\n% " + label + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
		Response uploaded = api.upload("/api/v1/attachments", user, PASSWORD, pdf, "application/pdf");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		return uploaded.json("$.hash");
	}

	/** A window clerk of the hall the case is in. */
	public String clerkOf(String caseId) {
		String hall = view(admin(), caseId).json("$.caseFile.hall");
		return clerks.computeIfAbsent(hall, h -> staff("clerk", Map.of("roles", List.of("WINDOW_CLERK"), "region", "430102",
				"hall", h)));
	}

	/** A reviewer of the department (a new one for each call with a distinct suffix). */
	public String reviewerOf(String department, String suffix) {
		String staffRegion = department.matches("\\d{6}-.*") ? department.substring(0, 6) : region;
		return reviewers.computeIfAbsent(department + suffix, d -> staff("rev", Map.of("roles", List.of("REVIEWER"),
				"region", staffRegion, "department", department)));
	}

	/**
	 * A hall of its own in the region, made by the administrator, taking every category — so that no other test's case
	 * is received there. Returns its code.
	 */
	public static String newHall(ApiClient api, String region, String name, String nameEn, String address, String addressEn) {
		String code = region + "-T" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
		Map<String, Object> hall = new HashMap<>();
		hall.put("code", code);
		hall.put("name", name);
		hall.put("nameEn", nameEn);
		hall.put("region", region);
		hall.put("address", address);
		hall.put("addressEn", addressEn);
		hall.put("phone", "0731-12345");
		hall.put("hours", "周一至周五 9:00–12:00、13:30–17:30");
		hall.put("hoursEn", "Mon–Fri 9:00–12:00 and 13:30–17:30");
		hall.put("everyCategory", true);
		hall.put("categories", List.of());
		hall.put("windows", List.of(Map.of("number", "A01", "name", "综合窗口", "categories", List.of())));
		Response created = api.send("POST", "/api/v1/admin/halls", "admin", "onego-admin", hall);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return code;
	}

	/** A window clerk of the hall. */
	public String clerkOfHall(String hall) {
		return clerks.computeIfAbsent(hall, h -> staff("clerk", Map.of("roles", List.of("WINDOW_CLERK"), "region", region,
				"hall", h)));
	}

	private String staff(String prefix, Map<String, Object> scope) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new HashMap<>(scope);
		body.put("username", username);
		body.put("password", PASSWORD);
		body.put("name", "测试人员");
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	/**
	 * Who the tests read cases as: the province's supervisor, who sees every case of 湖南 (state, tasks,
	 * history) but not what applicants submitted. Administrators read no case.
	 */
	String admin() {
		return OBSERVER;
	}

	public Response view(String user, String caseId) {
		return api.send("GET", "/api/v1/cases/" + caseId, user, password(user), null);
	}

	public Response as(String user, String method, String path, Object body) {
		return api.send(method, path, user, password(user), body);
	}

	/** The task of an item in the case view. */
	public Map<String, Object> task(String caseId, String item) {
		List<Map<String, Object>> tasks = view(admin(), caseId).json("$.tasks[?(@.task.item == '" + item + "')].task");
		assertThat(tasks).as("task of " + item).hasSize(1);
		return tasks.get(0);
	}

	public int caseVersion(String caseId) {
		return view(admin(), caseId).json("$.caseFile.version");
	}

	public String caseState(String caseId) {
		return view(admin(), caseId).json("$.caseFile.state");
	}

	/**
	 * A catering case of a small shop (its three default items) submitted by this world's applicant and accepted at
	 * the window without gaps, through the API; returns its id.
	 */
	public String acceptedCatering() {
		String caseId = apply("HN-CATERING", SMALL_SHOP, Set.of(), Set.of());
		Response accepted = as(clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		return caseId;
	}

	/**
	 * A catering case of a small shop (its three default items) submitted by this world's applicant, accepted,
	 * approved by every department and issued, through the API; returns its id.
	 */
	public String issuedCatering() {
		String caseId = acceptedCatering();
		assertThat(approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		for (String item : List.of("HN-SCJG-FOOD-LICENCE", "HN-ZJ-DRAINAGE-PERMIT")) {
			assertThat(approve(caseId, item, Identities.licenceNumber("M-")).status()).isEqualTo(200);
		}
		Response issued = as(clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", caseVersion(caseId), "trackingNumber", "EMS7"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat(caseState(caseId)).isEqualTo("ISSUED");
		return caseId;
	}

	/** Claims and approves a task as a reviewer of its department. */
	public Response approve(String caseId, String item, String number) {
		Map<String, Object> task = task(caseId, item);
		String reviewer = reviewerOf((String) task.get("department"), item);
		Response claimed = as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/claim", Map.of("version", task.get("version")));
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		Map<String, Object> body = new HashMap<>();
		body.put("version", claimed.json("$.version"));
		body.put("number", number);
		body.put("notice", "经审查，符合条件，准予办理。");
		return as(reviewer, "POST", "/api/v1/tasks/" + task.get("id") + "/approval", body);
	}

	private String password(String user) {
		return "admin".equals(user) ? "onego-admin" : OBSERVER.equals(user) ? "onego-supervisor" : PASSWORD;
	}

	private String valueFor(Map<String, Object> field) {
		return switch (String.valueOf(field.get("type"))) {
			case "MOBILE" -> mobile;
			case "ADDRESS" -> address;
			case "BANK_ACCOUNT" -> bankAccount;
			default -> valueFor(field, currentApplicant);
		};
	}

	/** A valid value for a field of the merged form (as the guidance describes it), for the applicant with this ID number. */
	public static String valueFor(Map<String, Object> field, String applicantIdNumber) {
		String type = (String) field.get("type");
		Map<?, ?> validation = (Map<?, ?>) field.get("validation");
		Number min = validation == null ? null : (Number) validation.get("min");
		Number max = validation == null ? null : (Number) validation.get("max");
		Number maxLength = validation == null ? null : (Number) validation.get("maxLength");
		return switch (type) {
			case "ID_NUMBER" -> applicantIdNumber;
			case "CREDIT_CODE" -> Identities.creditCode();
			case "MOBILE" -> "13800138000";
			case "EMAIL" -> "chen@example.cn";
			case "DATE" -> "2026-01-05";
			case "REGION" -> "430102";
			case "BOOLEAN" -> "true";
			case "BANK_ACCOUNT" -> "6222020200112233445";
			// an item's own question of how the result is received must agree with the application's delivery, which
			// the fixtures choose separately: an electronic-only result agrees with either
			case "ENUM" -> "DELIVERY_METHOD".equals(field.get("element")) ? "ELECTRONIC"
					: (String) ((Map<?, ?>) ((List<?>) field.get("options")).get(0)).get("value");
			case "NUMBER", "AREA_M2", "MONEY", "INTEGER" -> {
				double value = min != null ? Math.max(min.doubleValue(), 1) : 10;
				if (max != null && value > max.doubleValue()) {
					value = max.doubleValue();
				}
				yield String.valueOf((long) Math.ceil(value));
			}
			case "ADDRESS" -> "湖南省长沙市芙蓉区五一大道1号";
			default -> {
				String text = "测试填写内容";
				yield maxLength != null && text.length() > maxLength.intValue() ? text.substring(0, maxLength.intValue()) : text;
			}
		};
	}

	public static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
