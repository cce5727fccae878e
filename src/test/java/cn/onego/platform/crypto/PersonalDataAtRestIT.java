package cn.onego.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * What a copy of the database shows of a person after a whole journey — registration at the identity provider
 * against the population registry, sign-in, a consent and a draft prefilled from the registries, an application
 * with a form and free mail, acceptance, every department's decision, issue: the rows of every table, read
 * as the schema's owner with plain JDBC, hold none of the person's ID number, mobile numbers, address or bank
 * account in the clear. (The identity provider's signed tokens carry the ID number Base64-encoded, as every
 * OpenID Connect token does; their stored claims are sealed.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalDataAtRestIT {

	@LocalServerPort
	int port;

	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Test
	void afterAWholeJourneyNoTableHoldsTheIdNumberMobileAddressOrBankAccountInTheClear() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		String applicant = world.applicant;

		Response consent = world.as(applicant, "POST", "/api/v1/consents",
				Map.of("matter", "HN-CATERING", "purpose", "开餐馆一件事申请预填"));
		assertThat(consent.status()).as(consent.body()).isEqualTo(201);
		Map<String, Object> draft = new HashMap<>();
		draft.put("matter", "HN-CATERING");
		draft.put("answers", CaseWorld.SMALL_SHOP);
		draft.put("consentId", consent.json("$.id"));
		Response drafted = world.as(applicant, "POST", "/api/v1/drafts", draft);
		assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);

		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		for (int round = 0; round < 5 && !"READY".equals(world.caseState(caseId)); round++) {
			List<Map<String, Object>> tasks = world.view(clerk, caseId).json("$.tasks[*].task");
			for (Map<String, Object> task : tasks) {
				if ("PENDING".equals(task.get("state"))) {
					String item = (String) task.get("item");
					Response approved = world.approve(caseId, item, numberFor(item));
					assertThat(approved.status()).as(approved.body()).isEqualTo(200);
				}
			}
		}
		assertThat(world.caseState(caseId)).as(world.view(clerk, caseId).body()).isEqualTo("READY");
		Response issued = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS1234567890"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertThat((String) world.as(applicant, "GET", "/api/v1/cases/" + caseId, null).json("$.caseFile.applicantId"))
			.as("the applicant still reads their own number").isEqualTo(world.idNumber);

		// this journey's own values: what other tests stored (a note typed with an address, say) is not looked for
		Map<String, String> secrets = Map.of("ID number", world.idNumber, "mobile on record", world.citizen.mobile(),
				"form and delivery mobile", world.mobile, "address", world.address.substring("湖南省长沙市芙蓉区".length()),
				"bank account", world.bankAccount);
		assertThat(inTheClear(secrets)).isEmpty();
		assertThat(inTheClear(Map.of("name", "陈创业"))).as("the scan sees what is stored in the clear: names are")
			.anyMatch(found -> found.startsWith("case_file holds the name"));
	}

	/** Every table and what it shows in the clear, as the owner reads it. */
	private List<String> inTheClear(Map<String, String> secrets) throws Exception {
		List<String> found = new ArrayList<>();
		try (Connection connection = owner.getConnection()) {
			List<String> tables = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("""
							SELECT table_name FROM information_schema.tables
							WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1""")) {
				while (rs.next()) {
					tables.add(rs.getString(1));
				}
			}
			assertThat(tables).contains("account", "idp_person", "registry_record", "application", "case_file", "e_licence",
					"oauth2_authorization", "event_publication");
			for (String table : tables) {
				for (var secret : secrets.entrySet()) {
					try (PreparedStatement statement = connection
						.prepareStatement("SELECT count(*) FROM " + table + " t WHERE strpos(t::text, ?) > 0")) {
						statement.setString(1, secret.getValue());
						try (ResultSet rs = statement.executeQuery()) {
							rs.next();
							if (rs.getLong(1) > 0) {
								found.add(table + " holds the " + secret.getKey() + " in " + rs.getLong(1) + " rows");
							}
						}
					}
				}
			}
		}
		return found;
	}

	private static String numberFor(String item) {
		return switch (item) {
			case "HN-SCJG-ENT-REG" -> Identities.creditCode();
			case "HN-SCJG-FOOD-LICENCE" -> Identities.licenceNumber("JY1");
			case "HN-ZJ-DRAINAGE-PERMIT" -> Identities.licenceNumber("CS-PS-");
			case "HN-XF-PUBLIC-VENUE-CHECK" -> Identities.licenceNumber("CS-XF-");
			case "HN-YC-RETAIL-LICENCE" -> Identities.licenceNumber("43010220");
			default -> null;
		};
	}
}
