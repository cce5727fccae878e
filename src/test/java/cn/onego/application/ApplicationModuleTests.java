package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.EveryStaffScopeExists;
import cn.onego.Identities;
import cn.onego.ModuleAlone;
import cn.onego.NoHallsToChooseFrom;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;

/**
 * Applying once with its dependencies (catalogue, sharing, identity, the audit trail, and licences, which sharing
 * reads and application does not name), on its own embedded PostgreSQL: a complete application for 开餐饮店 is stored as submitted and announced as
 * {@link ApplicationSubmitted} — the one event the case flow takes it from, through the event publication registry.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "licences", "clock" })
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class, NoHallsToChooseFrom.class })
@DirtiesContext
class ApplicationModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private final Guidance guidance;
	private final Attachments attachments;
	private final Submissions submissions;

	ApplicationModuleTests(Guidance guidance, Attachments attachments, Submissions submissions) {
		this.guidance = guidance;
		this.attachments = attachments;
		this.submissions = submissions;
	}

	@Test
	void announcesACompleteApplicationAsSubmitted(Scenario scenario) {
		Actor applicant = new Actor("chen-" + UUID.randomUUID().toString().substring(0, 8), "陈创业",
				EnumSet.of(Role.APPLICANT), Identities.idNumber(), null, null, null);
		ApplicationInput input = CompleteApplications.forASmallShop(guidance, attachments, applicant);

		scenario.stimulate(transactions -> submissions.submit(applicant, UUID.randomUUID().toString(), null, input))
			.andWaitForEventOfType(ApplicationSubmitted.class)
			.matching(submitted -> submitted.matter().equals(CompleteApplications.MATTER))
			.toArriveAndVerify((submitted, result) -> {
				assertThat(submitted.application()).isEqualTo(result.application().id());
				assertThat(submitted.region()).isEqualTo("430102");
				assertThat(submitted.channel()).isEqualTo("ONLINE");
				assertThat(submissions.find(applicant, submitted.application()).status()).isEqualTo(Status.SUBMITTED);
			});
	}
}
