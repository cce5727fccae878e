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

/**
 * The result reaches the applicant: a catering case issued by free mail shows, on its applicant's case page, every
 * licence number with its validity and e-licence, and the parcel's scans as the simulated courier makes them (one
 * step every 400 ms in tests) until it is signed for. Another applicant does not find the case's delivery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeliveryPageIT {

	@LocalServerPort
	int port;

	@Test
	void theCasePageShowsTheLicenceNumbersAndTheParcelUntilSignedFor() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		IssuedCases.Issued issued = IssuedCases.cateringCase(world);

		try (Browser applicant = Browser.open(port)) {
			applicant.signInAsCitizen(world.citizen.username(), world.citizen.password());
			applicant.go("/case.html?id=" + issued.caseId());
			String results = applicant.waitForText("#results", issued.foodLicence());
			assertThat(results).contains(issued.businessLicence(), issued.foodLicence(), "准予", "查看电子证照");
			// each approved item's sealed decision, to download beside its result, and the case's notices below
			applicant.waitUntil("the decisions beside the results", "document.querySelectorAll('#results a.decision-document').length >= 2");
			assertThat(applicant.all("#results a.decision-document")).allSatisfy(link -> {
				assertThat(link.getText()).contains("准予");
				assertThat(link.getAttribute("href")).contains("/api/v1/cases/" + issued.caseId() + "/documents/");
			});
			applicant.waitUntil("the case's documents", "document.querySelectorAll('#document-list a.document-link').length >= 3");

			// the page follows the parcel by itself until it is signed for
			applicant.waitForText("#shipment-state", "已签收");
			String shipment = applicant.find("#shipment").getText();
			assertThat(shipment).contains("中国邮政 EMS", "快递单号", "邮费由政府承担");
			List<String> scans = applicant.all("#tracking li").stream().map(li -> li.getAttribute("data-state")).toList();
			assertThat(scans).containsExactly("CREATED", "PICKED_UP", "IN_TRANSIT", "OUT_FOR_DELIVERY", "SIGNED");
			assertThat(applicant.find("#tracking").getText()).contains("已揽收", "运输中", "派送中", "已签收", "收件人");
			assertThat(applicant.find("#tracking-number").getText()).startsWith("EMS");
			assertThat(applicant.missingGlyphs("case-delivered")).isEmpty();
			assertThat(applicant.cspViolations()).isEmpty();

			applicant.go("/case.html?id=" + issued.caseId() + "&lang=en");
			applicant.waitForText("#shipment-state", "Signed for");
			assertThat(applicant.find("#delivery").getText()).contains("Licence number",
					"Free mail", "Tracking number", "postage paid by the government").doesNotContain("SIGNED", "FREE_MAIL");
			applicant.screenshot("case-delivered-en");
		}

		CaseWorld other = new CaseWorld(api);
		assertThat(other.as(other.applicant, "GET", "/api/v1/cases/" + issued.caseId() + "/delivery", null).status())
			.as("another applicant does not find the case").isEqualTo(404);
	}
}
