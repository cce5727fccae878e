package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;
import cn.onego.cases.CrossRegionCases;

/**
 * Every page of the site, in Chinese and in English, as each kind of person who uses it, speaks plainly: no
 * code of the catalogue, of a hall or of a department, no name of the API's enums, no staff username on an
 * applicant's page, nothing a script failed to fill ("undefined", "[object Object]"), and in English no
 * Chinese outside what is marked as a name. The pages are listed from the classpath, so a new page fails here
 * until this test knows who visits it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EveryPagePlainIT {

	/**
	 * The convention for text that stays Chinese in English: a proper name (a person's, an enterprise's, a staff
	 * account's) or text a person typed is marked with its language, lang="zh-CN" (screen readers then read it in
	 * Chinese too); the language switch is marked the same way.
	 */
	static final String NAMES = "[lang^=zh]:not(html)";

	static final Pattern CATALOGUE_CODE = Pattern.compile("\\b[A-Z]{2,}(?:-[A-Z]{2,})+\\b");
	// a document's number (430102-SL-2026-00000001) starts like a code but is read and quoted by people
	static final Pattern HALL_OR_DEPARTMENT_CODE = Pattern.compile("\\b\\d{6}-[A-Z_]+\\b(?!-\\d)");
	static final Pattern ENUM_LIKE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]+)+\\b");
	static final Pattern LEFTOVERS = Pattern.compile("Condition\\[|\\bnull\\b|\\bundefined\\b|\\bNaN\\b|\\[object Object\\]");
	static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

	/** Acronyms an English sentence uses as words, though an enum also has them. */
	static final Set<String> WORDS = Set.of("PDF", "SMS", "EMS", "QR", "ID", "API", "OK", "HTTP", "SM2", "SM3", "SM4", "URL",
			"CSV", "JSON", "PNG", "JPEG", "JPG", "OFD");

	@LocalServerPort
	int port;

	record Visit(String page, String path, boolean applicantSide) {
	}

	record Finding(String who, String path, String language, String what, String text) {
		@Override
		public String toString() {
			return who + " " + path + " [" + language + "] " + what + ": " + text;
		}
	}

	@Test
	void everyPageInChineseAndEnglishShowsWordsNotCodesAndFitsAPhone() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		Map<String, Object> food = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		String department = (String) food.get("department");
		String reviewer = world.reviewerOf(department, "-pages");
		String head = staff(api, "DEPARTMENT_HEAD", department);
		// a case accepted at 邵阳 for 芙蓉区 (跨域通办) whose originals are on their way: 受理地 / 办理地 and the transfer on every
		// side, the two halls' lists of parcels, the department's queue naming the hall that received it
		String crossCase = CrossRegionCases.applyAt(api, world, "430500-HALL");
		String sender = CrossRegionCases.clerk(api, "430500", "430500-HALL");
		String receiver = CrossRegionCases.clerk(api, "430102", "430102-HALL");
		assertThat(world.as(sender, "POST", "/api/v1/cases/" + crossCase + "/acceptance", Map.of("version", world.caseVersion(crossCase)))
			.status()).isEqualTo(200);
		String transfer = (String) CrossRegionCases.awaitOutgoing(world, sender, "430500-HALL", crossCase).get("id");
		assertThat(world.as(sender, "POST", "/api/v1/transfers/" + transfer + "/dispatch",
				Map.of("courier", "中国邮政EMS", "trackingNumber", "EA123456789CN", "version", 0)).status()).isEqualTo(200);
		Map<String, Object> crossTask = world.task(crossCase, "HN-SCJG-ENT-CHANGE");
		String crossReviewer = world.reviewerOf((String) crossTask.get("department"), "-pages-cross");

		Set<String> pages = pages();
		Map<String, List<Visit>> visits = new LinkedHashMap<>();
		// what the applicant sees too (the home page, a matter, the data catalogue) is visited signed in only
		List<Visit> anonymous = applicantSide("login.html", "/login.html", "register.html", "/register.html",
				"progress.html", "/progress.html?number=" + number,
				"verify.html", "/verify.html", "document-verify.html", "/document-verify.html", "not-found.html",
				"/not-found.html", "idp/index.html", "/idp/index.html",
				"idp/login.html", "/idp/login.html", "idp/register.html", "/idp/register.html", "idp/demo/sms.html",
				"/idp/demo/sms.html");
		visits.put("anonymous", anonymous);
		visits.put("applicant", applicantSide("index.html", "/", "my.html", "/my.html", "case.html", "/case.html?id=" + caseId,
				"case.html", "/case.html?id=" + crossCase,
				"wallet.html", "/wallet.html", "credit.html", "/credit.html", "consents.html", "/consents.html",
				"data-access.html", "/data-access.html", "apply.html", "/apply.html?matter=HN-CATERING", "matter.html",
				"/matter.html?code=HN-CATERING", "resources.html", "/resources.html"));
		visits.put(clerk, staffSide("window.html", "/window.html?state=IN_PROGRESS",
				"window-case.html", "/window-case.html?id=" + caseId, "window-assist.html", "/window-assist.html", "rectifications.html",
				"/rectifications.html"));
		visits.put(reviewer, staffSide("department.html", "/department.html", "department-task.html",
				"/department-task.html?case=" + caseId + "&task=" + food.get("id"), "resource-access.html", "/resource-access.html",
				"post-verification.html", "/post-verification.html"));
		visits.put(sender, staffSide("window.html", "/window.html?state=IN_PROGRESS", "window-case.html", "/window-case.html?id=" + crossCase));
		visits.put(receiver, staffSide("window.html", "/window.html"));
		visits.put(crossReviewer, staffSide("department.html", "/department.html", "department-task.html",
				"/department-task.html?case=" + crossCase + "&task=" + crossTask.get("id")));
		visits.put(head, staffSide("department.html", "/department.html", "resource-access.html", "/resource-access.html",
				"password.html", "/password.html"));
		visits.put(CaseWorld.OBSERVER, staffSide("dashboard.html", "/dashboard.html", "case.html", "/case.html?id=" + caseId,
				"reform.html", "/reform.html"));
		visits.put("credit.cs", staffSide("credit-admin.html", "/credit-admin.html"));
		visits.put("admin", staffSide("admin.html", "/admin.html", "matter-composer.html", "/matter-composer.html"));

		Set<String> visited = visits.values().stream().flatMap(List::stream).map(Visit::page).collect(Collectors.toCollection(TreeSet::new));
		assertThat(visited).as("every page of the site is visited by whoever uses it").containsAll(pages);

		List<String> usernames = api.get("/api/v1/admin/staff", "admin", "onego-admin").json("$[*].username");
		Set<String> enums = enumNames();
		// what people typed or are called stays as written: the applicant's name and what the form was filled with,
		// the staff's names
		List<String> asTyped = new ArrayList<>(List.of("陈创业", world.address, "湖南省长沙市芙蓉区五一大道1号", "测试填写内容",
				CrossRegionCases.COMPANY_NAME, "中国邮政EMS"));
		asTyped.addAll(api.get("/api/v1/admin/staff", "admin", "onego-admin").json("$[*].name"));
		List<Finding> findings = new ArrayList<>();
		// one phone for the applicant's side, one desktop for the staff: each person signs in after the previous one's
		// cookies are gone
		try (Browser phone = Browser.open(port, new Dimension(390, 844)); Browser desktop = Browser.open(port)) {
			for (Map.Entry<String, List<Visit>> entry : visits.entrySet()) {
				String who = entry.getKey();
				Browser browser = entry.getValue().get(0).applicantSide() ? phone : desktop;
				browser.signOut();
				if (who.equals("applicant")) {
					browser.signInAsCitizen(world.applicant, world.citizen.password());
				}
				else if (!who.equals("anonymous")) {
					browser.signIn(who, password(who));
				}
				for (Visit visit : entry.getValue()) {
					for (String language : List.of("zh", "en")) {
						browser.go(visit.path() + (visit.path().contains("?") ? "&" : "?") + "lang=" + language);
						settle(browser);
						String shown = (String) browser.script("return document.body.innerText;");
						keep(who, visit.path(), language, shown);
						check(findings, who, visit.path(), language, shown, enums, visit.applicantSide() ? usernames : List.of());
						if (language.equals("en")) {
							String english = text(browser, NAMES + ", " + NAMES + " *");
							Matcher han = HAN.matcher(english);
							while (han.find()) {
								if (asTyped.stream().anyMatch(typed -> typed.contains(han.group())) || insideTitle(english, han.start(), han.end())) {
									continue;
								}
								findings.add(new Finding(who, visit.path(), language, "Chinese in English", around(english, han)));
							}
						}
						if (visit.applicantSide()) {
							Object wide = browser.script("return document.scrollingElement.scrollWidth > window.innerWidth ? "
									+ "document.scrollingElement.scrollWidth : 0");
							if (((Number) wide).intValue() > 0) {
								findings.add(new Finding(who, visit.path(), language, "wider than a phone", wide + " px"));
							}
						}
					}
				}
			}
		}
		assertThat(findings).as("what the pages show that is no plain sentence").isEmpty();
	}

	@Test
	void anUnknownAddressAnswersABrowserWithThePageNotFoundNotWithJson() throws Exception {
		var client = java.net.http.HttpClient.newHttpClient();
		for (String path : List.of("/no-such-page", "/no/such/address.html", "/cases/123", "/admin", "/assets/none.js.html")) {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
				.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
				.header("Accept-Language", "zh-CN,zh;q=0.9")
				.build();
			var answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path + " answers " + answer.body()).startsWith("text/html");
			assertThat(answer.body()).as(path).contains("not-found.js");
		}
	}

	/** The visible text with the elements the selector names left out (hidden, so innerText skips them). */
	private static String text(Browser browser, String excluded) {
		return (String) browser.script("""
				const hidden = [...document.querySelectorAll(arguments[0])];
				const before = hidden.map(e => e.style.getPropertyValue('visibility'));
				hidden.forEach(e => e.style.setProperty('visibility', 'hidden', 'important'));
				const text = document.body.innerText;
				hidden.forEach((e, i) => before[i] ? e.style.setProperty('visibility', before[i]) : e.style.removeProperty('visibility'));
				return text;
				""", excluded);
	}

	/** Keeps what a page showed under target/plain-pages, to read when this test fails. */
	private static void keep(String who, String path, String language, String shown) {
		try {
			java.nio.file.Path folder = java.nio.file.Path.of("target", "plain-pages");
			java.nio.file.Files.createDirectories(folder);
			String name = (who + path).replaceAll("[^A-Za-z0-9.-]+", "_");
			java.nio.file.Files.writeString(folder.resolve(name.substring(0, Math.min(80, name.length())) + "." + language + ".txt"), shown);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Waits until what the page fetches after it is ready (charts, lists drawn later) is drawn too. */
	private static void settle(Browser browser) {
		String last = null;
		for (int i = 0; i < 20; i++) {
			String now = (String) browser.script("return document.body.innerText");
			if (now.equals(last)) {
				return;
			}
			last = now;
			CaseWorld.sleep(100);
		}
	}

	private static void check(List<Finding> findings, String who, String path, String language, String shown, Set<String> enums,
			List<String> usernames) {
		for (Pattern pattern : List.of(CATALOGUE_CODE, HALL_OR_DEPARTMENT_CODE, ENUM_LIKE, LEFTOVERS)) {
			Matcher m = pattern.matcher(shown);
			while (m.find()) {
				findings.add(new Finding(who, path, language, "code", around(shown, m)));
			}
		}
		Matcher words = Pattern.compile("\\b[A-Z][A-Z0-9]+\\b").matcher(shown);
		while (words.find()) {
			if (enums.contains(words.group()) && !WORDS.contains(words.group())) {
				findings.add(new Finding(who, path, language, "enum name", around(shown, words)));
			}
		}
		for (String username : usernames) {
			Matcher m = Pattern.compile("(?<![\\w.-])" + Pattern.quote(username) + "(?![\\w.-])").matcher(shown);
			if (m.find()) {
				findings.add(new Finding(who, path, language, "staff username", around(shown, m)));
			}
		}
	}

	/** The title of a law or a document, 《…》, is its name, quoted as it is. */
	private static boolean insideTitle(String text, int start, int end) {
		int open = text.lastIndexOf('《', start);
		int close = text.indexOf('》', end);
		int nextOpen = text.indexOf('《', end);
		return open >= 0 && close >= 0 && text.lastIndexOf('》', start) < open && (nextOpen < 0 || nextOpen > close);
	}

	private static String around(String text, Matcher m) {
		int from = Math.max(0, m.start() - 30);
		int to = Math.min(text.length(), m.end() + 30);
		return "«" + m.group() + "» in …" + text.substring(from, to).replace('\n', '⏎') + "…";
	}

	/** The pages under static/, as paths relative to it. */
	private static Set<String> pages() {
		try {
			Set<String> pages = new TreeSet<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.html")) {
				String url = resource.getURL().toString();
				pages.add(url.substring(url.lastIndexOf("/static/") + "/static/".length()));
			}
			assertThat(pages).contains("index.html", "case.html");
			return pages;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The names of every enum of the application: what its API sends, and what a page must put in words. */
	private static Set<String> enumNames() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
		Set<String> names = new TreeSet<>();
		for (BeanDefinition definition : scanner.findCandidateComponents("cn.onego")) {
			try {
				Class<?> type = Class.forName(definition.getBeanClassName(), false, EveryPagePlainIT.class.getClassLoader());
				if (type.isEnum()) {
					for (Object constant : type.getEnumConstants()) {
						String name = ((Enum<?>) constant).name();
						if (name.length() >= 3 && name.equals(name.toUpperCase())) {
							names.add(name);
						}
					}
				}
			}
			catch (ClassNotFoundException | LinkageError e) {
				throw new AssertionError(e);
			}
		}
		assertThat(names).contains("STANDARD", "WINDOW_PICKUP", "APPLICANT", "AWAITING_ACCEPTANCE");
		return names;
	}

	private static List<Visit> applicantSide(String... pagesAndPaths) {
		return visits(true, pagesAndPaths);
	}

	private static List<Visit> staffSide(String... pagesAndPaths) {
		return visits(false, pagesAndPaths);
	}

	private static List<Visit> visits(boolean applicantSide, String... pagesAndPaths) {
		List<Visit> visits = new ArrayList<>();
		for (int i = 0; i < pagesAndPaths.length; i += 2) {
			visits.add(new Visit(pagesAndPaths[i], pagesAndPaths[i + 1], applicantSide));
		}
		return visits;
	}

	private static String password(String who) {
		return switch (who) {
			case "admin" -> "onego-admin";
			case "supervisor" -> "onego-supervisor";
			case "credit.cs" -> "onego-credit";
			default -> CaseWorld.PASSWORD;
		};
	}

	private static String staff(ApiClient api, String role, String department) {
		String username = "plain-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				CaseWorld.PASSWORD, "name", "页面测试人员", "roles", List.of(role), "region", department.substring(0, 6), "department",
				department));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
