package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionOperations;

import cn.onego.EveryStaffScopeExists;
import cn.onego.ModuleAlone;
import cn.onego.identity.StaffAccountChanged.Change;
import cn.onego.identity.StaffAdministration.NewStaff;

/**
 * Identity alone (its scopes answered by a stand-in for {@code cases}), on its own embedded PostgreSQL: an
 * administrator's change to a staff account is announced as {@link StaffAccountChanged}, which the audit trail
 * records in the change's transaction.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class IdentityModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private final StaffAdministration administration;
	private final Actors actors;

	IdentityModuleTests(StaffAdministration administration, Actors actors) {
		this.administration = administration;
		this.actors = actors;
	}

	@Test
	void announcesAStaffAccountOpenedAndDisabledByAnAdministrator(Scenario scenario) {
		String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
		NewStaff clerk = new NewStaff(username, "Window-Clerk-2026!", "窗口人员", Set.of(Role.WINDOW_CLERK), "430102",
				"430102-HALL", null);

		scenario.stimulate(transactions -> administration.create(clerk, "admin"))
			.andWaitForEventOfType(StaffAccountChanged.class)
			.matching(changed -> changed.username().equals(username))
			.toArriveAndVerify((changed, user) -> {
				assertThat(changed.change()).isEqualTo(Change.CREATED);
				assertThat(changed.by()).isEqualTo("admin");
				assertThat(changed.detail()).contains("WINDOW_CLERK", "430102-HALL");
				assertThat(actors.byUsername(username)).hasValueSatisfying(actor -> assertThat(actor.clerkOf("430102-HALL")).isTrue());
			});

		scenario.stimulate((TransactionOperations transactions, ApplicationEventPublisher events) -> administration.setDisabled(username, true, "admin"))
			.andWaitForEventOfType(StaffAccountChanged.class)
			.matching(changed -> changed.username().equals(username) && changed.change() == Change.DISABLED)
			.toArriveAndVerify(changed -> assertThat(actors.byUsername(username)).as("a disabled account names no actor")
				.isEmpty());
	}
}
