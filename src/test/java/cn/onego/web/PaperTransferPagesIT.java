package cn.onego.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.cases.CaseWorld;
import cn.onego.cases.CrossRegionCases;

/**
 * 原件流转 on the pages: the accepting hall (邵阳) sends a cross-region case's originals from its window page, its
 * problems shown at the fields; 芙蓉区's hall signs for them from its own; the applicant reads 受理地 / 办理地 and where
 * the originals are; the queues mark the case for both sides — by names, never codes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaperTransferPagesIT {

	@LocalServerPort
	int port;

	@Test
	void theTwoHallsSendAndSignForTheOriginalsAndEverySideSeesWhereTheCaseIsAcceptedAndHandled() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String caseId = CrossRegionCases.applyAt(api, world, "430500-HALL");
		String sender = CrossRegionCases.clerk(api, "430500", "430500-HALL");
		String receiver = CrossRegionCases.clerk(api, "430102", "430102-HALL");
		assertThat(world.as(sender, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)))
			.status()).isEqualTo(200);
		String id = (String) CrossRegionCases.awaitOutgoing(world, sender, "430500-HALL", caseId).get("id");
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		String row = "tr[data-transfer='" + id + "']";

		try (Browser window = Browser.open(port)) {
			window.signIn(sender, CaseWorld.PASSWORD);
			window.go("/window.html?state=IN_PROGRESS");
			assertThat(window.waitForText("tr[data-case='" + caseId + "'] .cross-region", "跨域")).contains("芙蓉区").endsWith("办理");
			assertThat(window.find("#transfers-outgoing " + row).getText()).contains(number).contains("变更（迁移）决议或决定")
				.contains("长沙市芙蓉区政务服务中心").contains("待寄出");
			window.type("#tracking-" + id, "运单").click("#dispatch-" + id + " button[type=submit]");
			window.waitUntil("both fields say what is wrong", "document.querySelectorAll('#dispatch-" + id + " .field-error').length === 2");
			window.type("#courier-" + id, "中国邮政EMS").type("#tracking-" + id, "EA123456789CN").click("#dispatch-" + id + " button[type=submit]");
			assertThat(window.waitForText("#transfers-outgoing " + row, "运送中")).contains("EA123456789CN");
		}
		try (Browser window = Browser.open(port)) {
			window.signIn(receiver, CaseWorld.PASSWORD);
			window.go("/window.html?lang=en");
			assertThat(window.find("#transfers-incoming " + row).getText()).contains(number).contains("On its way");
			window.type("#note-" + id, "公司章程原件缺少第3页").click("#receipt-" + id + " button[type=submit]");
			assertThat(window.waitForText("#transfers-incoming " + row, "Signed for")).contains("公司章程原件缺少第3页");
		}
		try (Browser citizen = Browser.open(port)) {
			citizen.signInAsCitizen(world.applicant, world.citizen.password());
			citizen.go("/case.html?id=" + caseId);
			assertThat(citizen.find("#accepting-region").getText()).isEqualTo("邵阳市");
			assertThat(citizen.find("#competent-region").getText()).contains("芙蓉区");
			assertThat(citizen.find("#transfer-state").getText()).isEqualTo("已签收");
			assertThat(citizen.find("main").getText()).doesNotContainPattern("\\d{6}-HALL").doesNotContain(sender).doesNotContain(receiver);
		}
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-CHANGE");
		String department = (String) task.get("department");
		try (Browser reviewer = Browser.open(port)) {
			reviewer.signIn(world.reviewerOf(department, "-transfer-pages"), CaseWorld.PASSWORD);
			reviewer.go("/department.html");
			assertThat(reviewer.find("#queue tr[data-task='" + task.get("id") + "'] .cross-region").getText()).isEqualTo("异地收件：邵阳市政务服务中心");
		}
	}
}
