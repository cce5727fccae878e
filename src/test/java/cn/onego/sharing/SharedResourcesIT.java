package cn.onego.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.jayway.jsonpath.JsonPath;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.TestRegions;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Region;

/**
 * The shared-resource catalogue and departments' access to it, over HTTP: searching the public catalogue, asking for
 * a conditional resource, the provider's answer, and reads served only under approved and current access — every
 * read, served or refused, on the subject's data-access list with purpose and legal basis. Each test asks as a
 * department of a county of its own drawing, about people nobody else uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SharedResourcesIT {

	static final String PASSWORD = "resources-test-123";
	static final String HOUSEHOLD = "POPULATION-HOUSEHOLD";
	static final String POLICE = "430000-PUBLIC_SECURITY";
	static final String BASIS = "《社会救助暂行办法》第十一条";

	@LocalServerPort
	int port;

	@Autowired
	CatalogQueries catalog;

	@Autowired
	OnceOnly onceOnly;

	@Autowired
	JdbcClient jdbc;

	/** The departments of counties (not the shared 芙蓉区), shuffled: each test asks as one nobody else uses. */
	private static List<String> departments;
	private static final AtomicInteger next = new AtomicInteger();

	ApiClient api;
	String department;
	String reviewer;
	String providerHead;
	String subject;

	@BeforeEach
	void aDepartmentAProviderAndAPersonOnRecord() {
		api = new ApiClient(port);
		department = nextDepartment(catalog);
		reviewer = staff("REVIEWER", department);
		providerHead = staff("DEPARTMENT_HEAD", POLICE);
		subject = Identities.idNumber();
		Response put = api.send("PUT", "/api/v1/admin/registries/POPULATION/records/" + subject, "admin", "onego-admin",
				Map.of("APPLICANT_NAME", "周共享", "HOUSEHOLD_ADDRESS", "湖南省长沙市芙蓉区共享路1号", "HOUSEHOLD_HEAD_NAME", "周共享",
						"MOBILE", "13800000099"));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
	}

	@Test
	void searchesThePublicCatalogueByTextProviderClassAndElement() throws Exception {
		Response all = api.get("/api/v1/shared-resources?size=100");
		assertThat(all.status()).isEqualTo(200);
		List<String> registries = all.json("$.items[*].registry");
		assertThat(registries.stream().map(Registry::valueOf).collect(Collectors.toSet())).as("every registry kind")
			.isEqualTo(EnumSet.allOf(Registry.class));
		int total = all.json("$.total");

		assertThat((List<String>) api.get("/api/v1/shared-resources?q=户籍地址").json("$.items[*].code")).as("by an element's label")
			.contains(HOUSEHOLD);
		assertThat((List<String>) api.get("/api/v1/shared-resources?q=birth").json("$.items[*].code")).contains("HEALTH-BIRTH-CERTIFICATE");
		assertThat((List<String>) api.get("/api/v1/shared-resources?size=100&provider=" + POLICE).json("$.items[*].provider"))
			.isNotEmpty().allMatch(POLICE::equals);
		assertThat((List<String>) api.get("/api/v1/shared-resources?sharing=NOT_SHARED").json("$.items[*].code"))
			.contains("TAX-RD-EXPENSE-LEDGER");
		assertThat((List<String>) api.get("/api/v1/shared-resources?element=HOUSEHOLD_ADDRESS").json("$.items[*].code"))
			.containsExactly(HOUSEHOLD);
		Response second = api.get("/api/v1/shared-resources?page=1&size=5");
		assertThat((List<?>) second.json("$.items")).hasSize(5);
		assertThat((Integer) second.json("$.total")).isEqualTo(total);
		Response one = api.get("/api/v1/shared-resources/" + HOUSEHOLD);
		assertThat((String) one.json("$.providerName")).isNotBlank();
		assertThat((String) one.json("$.elements[0].label.zh")).isNotBlank();

		Response bad = api.get("/api/v1/shared-resources?element=NO_SUCH&provider=nowhere&sharing=SOMETIMES&size=1000&q=" + "长".repeat(101));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat((List<String>) bad.json("$.errors[*].field")).containsExactlyInAnyOrder("q", "provider", "element", "sharing", "size");
		// sent as typed, so that the NUL byte arrives as one
		HttpResponse<String> nul = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.baseUrl()
				+ "/api/v1/shared-resources?q=a%00b")).build(), BodyHandlers.ofString());
		assertThat(nul.statusCode()).isEqualTo(400);
		assertThat(nul.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat((List<String>) JsonPath.read(nul.body(), "$.errors[*].field")).containsExactly("q");
		assertThat(api.get("/api/v1/shared-resources/NO-SUCH-RESOURCE").status()).isEqualTo(404);
	}

	@Test
	void servesAConditionalResourceOnlyWhileApprovedAccessLasts() {
		assertRefused(read(HOUSEHOLD, "核验户籍，未申请"));
		Response asked = ask(HOUSEHOLD, null);
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		assertThat((String) asked.json("$.status")).isEqualTo("REQUESTED");
		LocalDate due = LocalDate.parse(asked.json("$.answerDue"));
		assertThat(due).as("5 working days").isAfterOrEqualTo(LocalDate.parse(asked.json("$.requestedAt").toString().substring(0, 10)).plusDays(5));
		String id = asked.json("$.id");
		assertRefused(read(HOUSEHOLD, "核验户籍，待答复"));

		Response approved = decide(providerHead, id, "approval", Map.of("note", "同意，限低保审核使用"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat((String) approved.json("$.status")).isEqualTo("APPROVED");
		Response served = read(HOUSEHOLD, "核验低保申请人户籍");
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		Map<String, Object> data = served.json("$.data");
		assertThat(data).as("only the resource's elements").containsOnlyKeys("HOUSEHOLD_ADDRESS", "HOUSEHOLD_HEAD_NAME")
			.containsEntry("HOUSEHOLD_ADDRESS", "湖南省长沙市芙蓉区共享路1号");

		Response revoked = decide(providerHead, id, "revocation", Map.of("reason", "用途已完成"));
		assertThat((String) revoked.json("$.status")).isEqualTo("REVOKED");
		assertRefused(read(HOUSEHOLD, "核验户籍，已撤销"));
		assertThat(decide(providerHead, id, "revocation", Map.of("reason", "再次撤销")).status()).isEqualTo(409);

		List<DataAccess> log = onceOnly.accessesAbout(subject, 50);
		assertThat(log).extracting(DataAccess::purpose).containsExactly("核验户籍，已撤销", "核验低保申请人户籍", "核验户籍，待答复", "核验户籍，未申请");
		assertThat(log).extracting(DataAccess::outcome).containsExactly(DataAccess.Outcome.REFUSED, DataAccess.Outcome.GRANTED,
				DataAccess.Outcome.REFUSED, DataAccess.Outcome.REFUSED);
		assertThat(log).allSatisfy(entry -> {
			assertThat(entry.legalBasis()).isEqualTo(BASIS);
			assertThat(entry.department()).isEqualTo(department);
			assertThat(entry.actor()).isEqualTo(reviewer);
			assertThat(entry.what()).startsWith(HOUSEHOLD);
		});
		assertThat(log.get(3).reason()).isEqualTo("access not requested");
		assertThat(log.get(0).reason()).contains("revoked");
	}

	/** The person sees a department's reads of them in words: the department by name, its stated basis, never a username. */
	@Test
	void showsADepartmentsReadsOnThePersonsOwnListByDepartmentAndStatedBasis() {
		Citizens.Citizen person = Citizens.register(api, "周共享", Identities.idNumber());
		subject = person.idNumber();
		assertRefused(read(HOUSEHOLD, "核验户籍，未申请"));
		String id = ask(HOUSEHOLD, null).json("$.id");
		assertThat(decide(providerHead, id, "approval", Map.of("note", "同意")).status()).isEqualTo(200);
		assertThat(read(HOUSEHOLD, "核验低保申请人户籍").status()).isEqualTo(200);

		Response list = api.send("GET", "/api/v1/data-access", person.username(), null, null);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		List<Map<String, Object>> reads = ((List<Map<String, Object>>) list.json("$")).stream()
			.filter(r -> String.valueOf(r.get("purpose")).startsWith("核验"))
			.toList();
		String departmentName = catalog.catalogue().department(department).orElseThrow().name();
		assertThat(reads).hasSize(2).allSatisfy(r -> {
			assertThat(r.get("actor")).as("no staff username").isNull();
			assertThat(JsonPath.<String>read(r, "$.who.zh")).startsWith(departmentName);
			assertThat(JsonPath.<String>read(r, "$.basis.zh")).contains(BASIS);
			assertThat(JsonPath.<String>read(r, "$.what.zh")).startsWith("共享数据：");
			assertThat(list.body()).doesNotContain(reviewer);
		});
		assertThat(JsonPath.<String>read(reads.get(0), "$.outcomeText.zh")).isEqualTo("已读取");
		assertThat(JsonPath.<String>read(reads.get(1), "$.outcomeText.zh")).isEqualTo("已拒绝");
		assertThat(JsonPath.<String>read(reads.get(1), "$.reasonText.zh")).contains("没有读取此项数据的共享授权");
	}

	@Test
	void aRefusedRequestServesNothingKeepsItsReasonAndMayBeAskedAgain() {
		String id = ask(HOUSEHOLD, null).json("$.id");
		assertThat(ask(HOUSEHOLD, null).status()).as("one open request at a time").isEqualTo(409);
		Response refused = decide(providerHead, id, "refusal", Map.of("reason", "用途与本资源共享条件不符"));
		assertThat((String) refused.json("$.status")).isEqualTo("REFUSED");
		assertThat((String) refused.json("$.reason")).isEqualTo("用途与本资源共享条件不符");
		assertThat(decide(providerHead, id, "approval", Map.of()).status()).as("answered once").isEqualTo(409);
		assertRefused(read(HOUSEHOLD, "核验户籍，已拒绝"));
		assertThat(onceOnly.accessesAbout(subject, 5).get(0).reason()).contains("refused");
		assertThat(ask(HOUSEHOLD, null).status()).as("a new request after a refusal").isEqualTo(201);
	}

	@Test
	void approvedAccessPastItsLastDayServesNothing() {
		String today = api.get("/api/v1/calendar/today").json("$.date");
		String id = ask(HOUSEHOLD, today).json("$.id");
		assertThat((String) decide(providerHead, id, "approval", Map.of()).json("$.validUntil")).as("the day asked for").isEqualTo(today);
		assertThat(read(HOUSEHOLD, "最后一天").status()).as("served on its last day").isEqualTo(200);
		// a day passes
		jdbc.sql("UPDATE resource_access SET valid_until = valid_until - 1 WHERE id = ?").param(UUID.fromString(id)).update();
		assertRefused(read(HOUSEHOLD, "过期之后"));
		List<String> statuses = api.get("/api/v1/access-requests", reviewer, PASSWORD).json("$.made[?(@.id == '" + id + "')].status");
		assertThat(statuses).containsExactly("EXPIRED");
		assertThat(onceOnly.accessesAbout(subject, 5).get(0).reason()).contains("expired");
	}

	@Test
	void aNotSharedResourceCannotBeRequestedOrReadAndAnUnconditionalOneNeedsNoRequest() {
		Response notShared = ask("TAX-RD-EXPENSE-LEDGER", null);
		assertThat(notShared.status()).isEqualTo(409);
		assertThat((String) notShared.json("$.code")).isEqualTo("resource-not-shared");
		String company = Identities.creditCode();
		api.send("PUT", "/api/v1/admin/registries/TAX/records/" + company, "admin", "onego-admin", Map.of("RD_EXPENSE", 100000));
		assertRefused(api.send("POST", "/api/v1/shared-resources/TAX-RD-EXPENSE-LEDGER/reads", reviewer, PASSWORD,
				Map.of("subject", company, "purpose", "核查研发费用", "legalBasis", BASIS)));

		Response unconditional = ask("ENTERPRISE-REGISTRATION", null);
		assertThat((String) unconditional.json("$.code")).isEqualTo("resource-unconditional");
		api.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + company, "admin", "onego-admin",
				Map.of("ENTERPRISE_NAME", "共享测试有限公司", "CREDIT_CODE", company, "LEGAL_REP_ID_NUMBER", subject));
		Response served = api.send("POST", "/api/v1/shared-resources/ENTERPRISE-REGISTRATION/reads", reviewer, PASSWORD,
				Map.of("subject", company, "purpose", "核验经营主体", "legalBasis", "《政务数据共享条例》"));
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		assertThat((Map<String, Object>) served.json("$.data")).as("the legal representative's ID is another resource")
			.containsOnlyKeys("ENTERPRISE_NAME", "CREDIT_CODE");
		List<DataAccess> log = onceOnly.accessesAbout(company, 5);
		assertThat(log).extracting(DataAccess::outcome).containsExactly(DataAccess.Outcome.GRANTED, DataAccess.Outcome.REFUSED);
		assertThat(log.get(0).legalBasis()).isEqualTo("《政务数据共享条例》");
		assertThat(log.get(0).reason()).contains("unconditional");
		assertThat(log.get(1).reason()).isEqualTo("resource not shared");
	}

	@Test
	void onlyTheProvidersHeadAnswersAndOtherDepartmentsDoNotSeeTheRequest() {
		String id = ask(HOUSEHOLD, null).json("$.id");
		String otherProvider = staff("DEPARTMENT_HEAD", "430000-HEALTH");
		String requestersHead = staff("DEPARTMENT_HEAD", department);
		String providersReviewer = staff("REVIEWER", POLICE);
		assertThat(decide(otherProvider, id, "approval", Map.of()).status()).as("another provider").isEqualTo(404);
		Response own = decide(requestersHead, id, "approval", Map.of());
		assertThat(own.status()).as("the requester's own head").isEqualTo(403);
		assertThat((String) own.json("$.code")).isEqualTo("not-the-provider");
		assertThat(decide(providersReviewer, id, "approval", Map.of()).status()).as("the provider's reviewer").isEqualTo(403);
		assertThat((List<String>) api.get("/api/v1/access-requests", otherProvider, PASSWORD).json("$.received[*].id")).doesNotContain(id);
		assertThat((List<String>) api.get("/api/v1/access-requests", providersReviewer, PASSWORD).json("$.received[*].id")).contains(id);
		assertThat((List<String>) api.get("/api/v1/access-requests", reviewer, PASSWORD).json("$.made[?(@.id == '" + id + "')].status"))
			.containsExactly("REQUESTED");
		assertRefused(read(HOUSEHOLD, "未获同意"));
	}

	@Test
	void badInputIsRefusedFieldByFieldAndChangesNothing() {
		Map<String, Object> tooLong = new HashMap<>(Map.of("purpose", "长".repeat(1001), "legalBasis", BASIS));
		assertField(api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/access-requests", reviewer, PASSWORD, tooLong), "purpose");
		assertField(api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/access-requests", reviewer, PASSWORD,
				Map.of("purpose", "核验", "legalBasis", "条例\u0000第一条")), "legalBasis");
		assertField(api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/access-requests", reviewer, PASSWORD,
				Map.of("purpose", "核验", "legalBasis", BASIS, "until", "2099-01-01")), "until");
		assertField(api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/access-requests", reviewer, PASSWORD, Map.of()),
				"purpose", "legalBasis");
		Response huge = api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/access-requests", reviewer, PASSWORD,
				Map.of("purpose", "x".repeat(10 * 1024 * 1024), "legalBasis", BASIS));
		assertThat(huge.status()).as("10 MB").isEqualTo(413);
		assertThat(huge.contentType()).startsWith("application/problem+json");
		assertThat(api.send("POST", "/api/v1/shared-resources/NO-SUCH/access-requests", reviewer, PASSWORD,
				Map.of("purpose", "核验", "legalBasis", BASIS)).status()).isEqualTo(404);
		assertThat((List<?>) api.get("/api/v1/access-requests", reviewer, PASSWORD).json("$.made")).as("no request made").isEmpty();

		assertField(api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/reads", reviewer, PASSWORD,
				Map.of("subject", subject.substring(0, 17) + (subject.endsWith("1") ? "2" : "1"), "purpose", "核验", "legalBasis", BASIS)),
				"subject");
		assertField(api.send("POST", "/api/v1/shared-resources/" + HOUSEHOLD + "/reads", reviewer, PASSWORD,
				Map.of("subject", subject, "purpose", "核\u0000验", "legalBasis", BASIS)), "purpose");
		assertThat(api.send("POST", "/api/v1/shared-resources/NO-SUCH/reads", reviewer, PASSWORD,
				Map.of("subject", subject, "purpose", "核验", "legalBasis", BASIS)).status()).isEqualTo(404);
		String id = ask(HOUSEHOLD, null).json("$.id");
		assertField(decide(providerHead, id, "refusal", Map.of("reason", " ")), "reason");
		assertField(decide(providerHead, id, "approval", Map.of("note", "好\u0000")), "note");
		assertThat(decide(providerHead, UUID.randomUUID().toString(), "approval", Map.of()).status()).isEqualTo(404);
		assertThat((List<String>) api.get("/api/v1/access-requests", reviewer, PASSWORD).json("$.made[*].status"))
			.containsExactly("REQUESTED");
		assertThat(onceOnly.accessesAbout(subject, 5)).as("no read was logged: none was made").isEmpty();
	}

	@Test
	void theOnceOnlyMachineryReadsUnderTheApplicantsConsent() {
		onceOnly.registry(new OnceOnly.ReadRequest("resources-it", subject, "HN-CATERING", null, "预填申请表"), Registry.POPULATION,
				"APPLICANT_NAME");
		DataAccess entry = onceOnly.accessesAbout(subject, 1).get(0);
		assertThat(entry.legalBasis()).isEqualTo(OnceOnly.CONSENT_BASIS);
		assertThat(entry.department()).isNull();
		assertThat(entry.outcome()).as("no consent was given").isEqualTo(DataAccess.Outcome.REFUSED);
	}

	// ------------------------------------------------------------------ helpers

	private static synchronized String nextDepartment(CatalogQueries catalog) {
		if (departments == null) {
			List<String> codes = new java.util.ArrayList<>(catalog.catalogue().departments().stream()
				.filter(d -> d.park() == null && !d.region().value().equals(TestRegions.SHARED))
				.filter(d -> catalog.catalogue().region(d.region()).map(Region::level).filter(l -> l == RegionLevel.COUNTY).isPresent())
				.map(d -> d.code())
				.toList());
			java.util.Collections.shuffle(codes);
			departments = codes;
		}
		return departments.get(next.getAndIncrement());
	}

	private Response ask(String resource, String until) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("purpose", "审核城乡低保申请时核验申请人户籍", "legalBasis", BASIS));
		if (until != null) {
			body.put("until", until);
		}
		return api.send("POST", "/api/v1/shared-resources/" + resource + "/access-requests", reviewer, PASSWORD, body);
	}

	private Response read(String resource, String purpose) {
		return api.send("POST", "/api/v1/shared-resources/" + resource + "/reads", reviewer, PASSWORD,
				Map.of("subject", subject, "purpose", purpose, "legalBasis", BASIS));
	}

	private Response decide(String head, String id, String decision, Map<String, Object> body) {
		return api.send("POST", "/api/v1/access-requests/" + id + "/" + decision, head, PASSWORD, body);
	}

	private static void assertRefused(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat((String) response.json("$.code")).isEqualTo("access-not-granted");
	}

	private static void assertField(Response response, String... fields) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(Set.copyOf((List<String>) response.json("$.errors[*].field"))).isEqualTo(Set.of(fields));
	}

	private String staff(String role, String scope) {
		String username = "res-" + role.substring(0, 4).toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = Map.of("username", username, "password", PASSWORD, "name", "共享测试人员", "roles", List.of(role),
				"region", scope.substring(0, 6), "department", scope);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

}
