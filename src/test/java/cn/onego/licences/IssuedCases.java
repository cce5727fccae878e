package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * A small shop's catering case driven to its issue through the API — accepted, every department's item approved
 * with a fresh valid number, handed over — so that its licences are issued as e-licences of the applicant.
 */
public final class IssuedCases {

	/** The numbers the reviewers gave: the business licence's credit code and the food business licence's number. */
	public record Issued(String caseId, String businessLicence, String foodLicence) {
	}

	private IssuedCases() {
	}

	public static Issued cateringCase(CaseWorld world) {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		String businessLicence = Identities.creditCode();
		String foodLicence = Identities.licenceNumber("JY1");
		for (int round = 0; round < 10; round++) {
			List<Map<String, Object>> pending = world.view(CaseWorld.OBSERVER, caseId).json("$.tasks[?(@.task.state == 'PENDING')].task");
			if (pending.isEmpty()) {
				break;
			}
			for (Map<String, Object> task : pending) {
				String item = (String) task.get("item");
				String number = switch (item) {
					case "HN-SCJG-ENT-REG" -> businessLicence;
					case "HN-SCJG-FOOD-LICENCE" -> foodLicence;
					default -> Identities.licenceNumber("T");
				};
				Response approved = world.approve(caseId, item, number);
				assertThat(approved.status()).as(approved.body()).isEqualTo(200);
			}
		}
		assertThat(world.caseState(caseId)).isEqualTo("READY");
		Response issued = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS" + System.nanoTime() % 1_000_000_000L));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		return new Issued(caseId, businessLicence, foodLicence);
	}
}
