package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages' session: a forged request that carries only the browser's cookies is refused, the page's own
 * request with the CSRF token goes through, and API clients with their own credentials need no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionSecurityIT {

	@LocalServerPort
	int port;

	CookieManager cookies;
	HttpClient browser;

	@BeforeEach
	void browser() {
		cookies = new CookieManager();
		browser = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	@Test
	void aSignedInSessionCannotBeUsedWithoutTheCsrfToken() throws Exception {
		send("GET", "/login.html", null, null);
		HttpResponse<String> signedIn = send("POST", "/login", "username=supervisor&password=onego-supervisor", token());
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.body()).contains("\"home\":\"/dashboard.html\"");
		assertThat(send("GET", "/api/v1/me", null, null).body()).contains("\"username\":\"supervisor\"");

		HttpResponse<String> forged = send("POST", "/api/v1/admin/calendar/years", "{}", null);
		assertThat(forged.statusCode()).as("a request without the token, as another site would send it").isEqualTo(403);

		HttpResponse<String> own = send("POST", "/logout", "", token());
		assertThat(own.statusCode()).as("the page's script signs out").isEqualTo(204);
		assertThat(send("GET", "/api/v1/me", null, null).statusCode()).as("signed out").isEqualTo(401);
	}

	@Test
	void aTokenPlantedAsACookieByAnotherSiteDoesNotPassForTheSessions() throws Exception {
		send("GET", "/login.html", null, null);
		assertThat(send("POST", "/login", "username=supervisor&password=onego-supervisor", token()).statusCode()).isEqualTo(200);
		// another site (or a sibling domain) sets the cookie and sends the same value in the header
		HttpCookie planted = new HttpCookie("XSRF-TOKEN", "planted-by-another-site");
		planted.setPath("/");
		planted.setVersion(0);
		cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), planted);
		HttpResponse<String> forged = send("POST", "/api/v1/admin/calendar/years", "{}", "planted-by-another-site");
		assertThat(forged.statusCode()).as("the token is the session's, not the cookie's").isEqualTo(403);
		assertThat(forged.body()).contains("forbidden");
	}

	@Test
	void anAnonymousVisitorReadingTheCatalogueGetsNoSession() throws Exception {
		HttpResponse<String> read = send("GET", "/api/v1/regions?level=PROVINCE", null, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().allValues("Set-Cookie")).as("no session and no token for reading").isEmpty();
	}

	@Test
	void signingInNeedsTheTokenAndAWrongPasswordIsAProblemInBothLanguages() throws Exception {
		send("GET", "/login.html", null, null);
		assertThat(send("POST", "/login", "username=supervisor&password=onego-supervisor", null).statusCode()).isEqualTo(403);
		HttpResponse<String> wrong = send("POST", "/login", "username=supervisor&password=nope", token());
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
		assertThat(wrong.body()).as("Chinese unless the caller asks otherwise").contains("用户名或密码不正确").contains("Check the username and the password");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).as("no browser password dialog for the page's script")
			.isEmpty();
	}

	@Test
	void anApiClientWithItsOwnCredentialsNeedsNoToken() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/calendar/years"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("supervisor:onego-supervisor".getBytes()))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, BodyHandlers.ofString());
		assertThat(response.statusCode()).as("authenticated, and refused for its role, not for a missing token").isEqualTo(403);
		assertThat(response.body()).contains("\"code\":\"forbidden\"");
	}

	private String token() {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
			.map(HttpCookie::getValue).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
	}

	private HttpResponse<String> send(String method, String path, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Requested-With", "fetch");
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		if (body == null) {
			request.GET();
		}
		else {
			request.header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded");
			request.method(method, BodyPublishers.ofString(body));
		}
		return browser.send(request.build(), BodyHandlers.ofString());
	}
}
