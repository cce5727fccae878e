package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * A licence number belongs to one holder. Recording it for a second holder is refused with a 409 problem that
 * names the number and the field {@code number} but not who holds it; nothing is recorded for the second holder
 * and the first holder's licence is left as it was — through the licence feed and through a case whose
 * reviewer typed a number somebody else holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LicenceNumberConflictIT {

	@LocalServerPort
	int port;

	@Autowired
	ELicences licences;

	@Test
	void refusesTheFeedToRecordANumberAnotherHolderHoldsAndNamesOnlyTheNumber() {
		ApiClient api = new ApiClient(port);
		String holder = Identities.idNumber();
		String somebodyElse = Identities.idNumber();
		String number = Identities.licenceNumber("JY1");
		Response first = feed(api, holder, number);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Response again = feed(api, holder, number);
		assertThat(again.status()).as("the same holder again: nothing changes").isEqualTo(201);
		assertThat((String) again.json("$.id")).isEqualTo(first.json("$.id"));

		Response taken = feed(api, somebodyElse, number);
		assertThat(taken.status()).as(taken.body()).isEqualTo(409);
		assertThat(taken.contentType()).startsWith("application/problem+json");
		assertThat((String) taken.json("$.code")).isEqualTo("licence-number-taken");
		assertThat((String) taken.json("$.detail")).contains(number);
		assertThat((String) taken.json("$.errors[0].field")).isEqualTo("number");
		assertThat(taken.body()).as("the answer does not say who holds it").doesNotContain(holder, "4301**");

		assertThat(licences.all(somebodyElse)).isEmpty();
		assertThat(licences.all(holder)).singleElement().satisfies(l -> {
			assertThat(l.number()).isEqualTo(number);
			assertThat(l.id().toString()).isEqualTo(first.json("$.id"));
		});
	}

	@Test
	void neverIssuesAnApplicantTheLicenceOfAnotherHolder() {
		ApiClient api = new ApiClient(port);
		String otherHolder = Identities.idNumber();
		String number = Identities.licenceNumber("JY1");
		assertThat(feed(api, otherHolder, number).status()).isEqualTo(201);
		ELicence theirs = licences.all(otherHolder).get(0);

		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		Response refusedAt = null;
		for (int round = 0; round < 10 && refusedAt == null; round++) {
			List<Map<String, Object>> pending = world.view("supervisor", caseId).json("$.tasks[?(@.task.state == 'PENDING')].task");
			if (pending.isEmpty()) {
				break;
			}
			for (Map<String, Object> task : pending) {
				String item = (String) task.get("item");
				boolean food = "HN-SCJG-FOOD-LICENCE".equals(item);
				Response approved = world.approve(caseId, item, food ? number : item.equals("HN-SCJG-ENT-REG")
						? Identities.creditCode() : Identities.licenceNumber("T"));
				if (food && approved.status() == 409) {
					refusedAt = approved; // the approval checks the number (ELicences.requireAvailable)
					break;
				}
				assertThat(approved.status()).as(approved.body()).isEqualTo(200);
			}
		}
		if (refusedAt == null) {
			assertThat(world.caseState(caseId)).isEqualTo("READY");
			int version = world.caseVersion(caseId);
			refusedAt = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
					Map.of("version", version, "trackingNumber", "EMS" + System.nanoTime()));
			assertThat(world.caseState(caseId)).as("nothing was issued").isEqualTo("READY");
			assertThat(world.caseVersion(caseId)).isEqualTo(version);
		}
		assertThat(refusedAt.status()).as(refusedAt.body()).isEqualTo(409);
		assertThat((String) refusedAt.json("$.code")).isEqualTo("licence-number-taken");
		assertThat((String) refusedAt.json("$.errors[0].field")).isEqualTo("number");
		assertThat(refusedAt.body()).doesNotContain(otherHolder);

		assertThat(licences.all(world.idNumber)).extracting(ELicence::number).doesNotContain(number);
		assertThat(licences.all(otherHolder)).containsExactly(theirs);
	}

	private static Response feed(ApiClient api, String holder, String number) {
		Map<String, Object> licence = new HashMap<>();
		licence.put("holder", holder);
		licence.put("licenceType", "FOOD_BUSINESS_LICENCE");
		licence.put("number", number);
		licence.put("name", "食品经营许可证");
		licence.put("issuer", "长沙市芙蓉区市场监督管理局");
		return api.send("POST", "/api/v1/admin/e-licences", "admin", "onego-admin", licence);
	}
}
