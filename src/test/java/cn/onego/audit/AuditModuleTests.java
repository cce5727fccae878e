package cn.onego.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.EveryStaffScopeExists;
import cn.onego.ModuleAlone;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.identity.StaffAccountChanged;
import cn.onego.identity.StaffAccountChanged.Change;

/**
 * The audit trail with identity (which describes its actors), on its own embedded PostgreSQL: a staff account
 * changed by an administrator ({@link StaffAccountChanged}, published by identity) becomes a record of the trail,
 * committed with the change, in a chain that verifies.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class AuditModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final Actor SYSTEM_ADMIN = new Actor("sysadmin", "系统管理员", EnumSet.of(Role.SYSTEM_ADMIN), null, null,
			null, null);

	private final JdbcClient jdbc;
	private final AuditVerification verification;

	AuditModuleTests(JdbcClient jdbc, AuditVerification verification) {
		this.jdbc = jdbc;
		this.verification = verification;
	}

	@Test
	void recordsAStaffAccountChangeInAChainThatVerifies(Scenario scenario) {
		String username = "reviewer-" + UUID.randomUUID().toString().substring(0, 8);
		String target = "staff-account/" + username;

		scenario.publish(new StaffAccountChanged(username, Change.DISABLED, "", "admin"))
			.andWaitForStateChange(() -> jdbc.sql("SELECT actor || ' ' || action FROM audit_record WHERE target = ?")
				.param(target)
				.query(String.class)
				.optional())
			.andVerify(record -> assertThat(record).contains("admin staff-account.disabled"));

		AuditReport report = verification.verify(SYSTEM_ADMIN, null, null);
		assertThat(report.intact()).as(report.findings().toString()).isTrue();
		assertThat(report.records()).isPositive();
	}
}
