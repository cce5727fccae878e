package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.cases.CaseWorld;
import cn.onego.licences.IssuedCases;
import io.nayuki.qrcodegen.QrCode;

/**
 * The holder's wallet in a browser: the licence a case issued shows with its status, its QR code and its PDF; the
 * QR encodes a verification URL of this platform, and opening it — as a phone scanning the code would — verifies
 * the licence as genuine and valid on the public page, without signing in. Another applicant gets none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WalletIT {

	@LocalServerPort
	int port;

	@Test
	void theWalletShowsTheLicenceOfTheCaseAndItsQrVerifiesOnThePublicPage() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		IssuedCases.Issued issued = IssuedCases.cateringCase(world);

		String verifyUrl;
		String licenceId;
		try (Browser holder = Browser.open(port)) {
			holder.signInAsCitizen(world.citizen.username(), world.citizen.password());
			holder.go("/wallet.html");
			String card = "li[data-number='" + issued.foodLicence() + "']";
			String text = holder.find(card).getText();
			assertThat(text).contains("食品经营许可证", "有效", issued.foodLicence(), "市场监督管理局", "1.2.156.3005.2.");
			assertThat(holder.find("li[data-number='" + issued.businessLicence() + "']").getText()).contains("营业执照");
			licenceId = holder.find(card).getAttribute("data-licence");
			holder.waitUntil("the QR code is drawn", "document.querySelector(\"" + card + " .licence-qr img\").naturalWidth > 0");
			verifyUrl = holder.find(card + " .licence-qr img").getAttribute("data-verify");
			assertThat(verifyUrl).startsWith("http://").contains("/verify.html?id=1.2.156.3005.2.").contains("&code=");

			// what the QR encodes: the served code is, module for module, the QR code of this URL
			String svg = (String) holder.script("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
					+ " return x.responseText;", "/api/v1/my/e-licences/" + licenceId + "/qr.svg");
			assertThat(svg).contains("d=\"" + modules(verifyUrl) + "\"");
			String pdf = (String) holder.script("const x = new XMLHttpRequest(); x.open('GET', arguments[0], false); x.send();"
					+ " return x.status + ' ' + x.getResponseHeader('Content-Type') + ' ' + x.responseText.substring(0, 5);",
					"/api/v1/my/e-licences/" + licenceId + "/pdf");
			assertThat(pdf).isEqualTo("200 application/pdf %PDF-");
			holder.screenshot("wallet");
		}

		try (Browser verifier = Browser.open(port)) {
			verifier.go(verifyUrl.substring(verifyUrl.indexOf("/verify.html")));
			String verdict = verifier.waitForText("#verdict", "真实有效");
			assertThat(verdict).contains("食品经营许可证", "市场监督管理局", "SM3withSM2").doesNotContain(world.idNumber);
			assertThat(verifier.find("#verdict").getAttribute("data-status")).isEqualTo("VALID");
			verifier.screenshot("licence-verified");
		}

		CaseWorld other = new CaseWorld(api);
		assertThat(other.as(other.applicant, "GET", "/api/v1/my/e-licences", null).<List<?>>json("$")).isEmpty();
		for (String part : List.of("/qr.svg", "/pdf")) {
			assertThat(other.as(other.applicant, "GET", "/api/v1/my/e-licences/" + licenceId + part, null).status())
				.as("somebody else's licence is not found").isEqualTo(404);
		}
		assertThat(api.get("/api/v1/my/e-licences").status()).isEqualTo(401);
	}

	/** The path of the dark modules as the wallet draws them (4 modules of quiet zone). */
	private static String modules(String url) {
		QrCode qr = QrCode.encodeText(url, QrCode.Ecc.MEDIUM);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + 4).append(',').append(y + 4).append("h1v1h-1z");
				}
			}
		}
		return path.toString();
	}
}
