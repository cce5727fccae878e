package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * An enterprise's licences in the wallet of its legal representative (as the enterprise registry names them), with
 * their QR and PDF; any other applicant asking for them by the credit code finds nothing, and a holder that is no
 * credit code is refused on the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EnterpriseWalletIT {

	@LocalServerPort
	int port;

	@Test
	void theLegalRepresentativeSeesTheEnterprisesLicencesAndNobodyElseDoes() {
		ApiClient api = new ApiClient(port);
		CaseWorld representative = new CaseWorld(api);
		CaseWorld stranger = new CaseWorld(api);
		String enterprise = Identities.creditCode();
		assertThat(api.send("PUT", "/api/v1/admin/registries/ENTERPRISE/records/" + enterprise, "admin", "onego-admin",
				Map.of("ENTERPRISE_NAME", "长沙示例餐饮有限公司", "LEGAL_REP_ID", representative.idNumber)).status()).isEqualTo(200);
		String number = Identities.licenceNumber("JY8");
		Response fed = api.send("POST", "/api/v1/admin/e-licences", "admin", "onego-admin", Map.of("holder", enterprise,
				"licenceType", "FOOD_BUSINESS_LICENCE", "number", number, "name", "食品经营许可证", "issuer", "长沙市芙蓉区市场监督管理局"));
		assertThat(fed.status()).as(fed.body()).isEqualTo(201);
		String id = fed.json("$.id");

		Response own = representative.as(representative.applicant, "GET", "/api/v1/my/e-licences", null);
		assertThat(own.<List<String>>json("$[*].number")).as("without holder: their own licences only").doesNotContain(number);
		Response theirs = representative.as(representative.applicant, "GET", "/api/v1/my/e-licences?holder=" + enterprise, null);
		assertThat(theirs.status()).as(theirs.body()).isEqualTo(200);
		assertThat(theirs.<List<String>>json("$[*].number")).containsExactly(number);
		assertThat(theirs.<List<String>>json("$[*].status")).containsExactly("VALID");
		assertThat(representative.as(representative.applicant, "GET", "/api/v1/my/e-licences/" + id + "/qr.svg?holder=" + enterprise, null)
			.status()).isEqualTo(200);
		assertThat(representative.as(representative.applicant, "GET", "/api/v1/my/e-licences/" + id + "/qr.svg", null).status())
			.as("asked as their own: not found").isEqualTo(404);

		for (String path : List.of("/api/v1/my/e-licences?holder=" + enterprise, "/api/v1/my/e-licences/" + id + "/pdf?holder=" + enterprise)) {
			Response refused = stranger.as(stranger.applicant, "GET", path, null);
			assertThat(refused.status()).as(path).isEqualTo(404);
			assertThat(refused.body()).doesNotContain(number);
		}
		Response invalid = stranger.as(stranger.applicant, "GET", "/api/v1/my/e-licences?holder=91430100NOTACODE", null);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat((String) invalid.json("$.errors[0].field")).isEqualTo("holder");
	}
}
