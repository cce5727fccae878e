package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Signing in and out through the pages, in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInIT {

	@LocalServerPort
	int port;

	@Test
	void aWrongPasswordIsRefusedInChineseAndTheRightOneLeadsToTheRolesHomePage() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/login.html");
			browser.type("#username", "supervisor").type("#password", "wrong").click("#login button[type=submit]");
			assertThat(browser.waitForText("#message", "用户名或密码不正确")).contains("用户名或密码不正确");
			browser.screenshot("sign-in-refused");
			assertThat(browser.missingGlyphs("sign-in")).isEmpty();

			browser.signIn("supervisor", "onego-supervisor");
			assertThat(browser.path()).startsWith("/dashboard.html");
		}
	}

	@Test
	void theSignInPageSpeaksEnglishWhenAsked() {
		try (Browser browser = Browser.open(port)) {
			browser.go("/login.html?lang=en");
			assertThat(browser.find("h1").getText()).isEqualTo("Sign in");
			assertThat(browser.find("header.top").getText()).contains("中文");
		}
	}
}
