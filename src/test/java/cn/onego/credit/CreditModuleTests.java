package cn.onego.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.Identities;
import cn.onego.ModuleAlone;

/**
 * Credit alone, on its own embedded PostgreSQL: a listed applicant stays on the blacklist, sealed at rest and found
 * by the blind index, until the listing is lifted (信用修复).
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleAlone.class)
@DirtiesContext
class CreditModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private final CreditRecords credit;
	private final JdbcClient jdbc;

	CreditModuleTests(CreditRecords credit, JdbcClient jdbc) {
		this.credit = credit;
		this.jdbc = jdbc;
	}

	@Test
	void keepsAnApplicantOnTheBlacklistUntilTheListingIsLifted() {
		String applicant = Identities.idNumber();
		UUID evidence = UUID.randomUUID();
		assertThat(credit.blacklisted(applicant)).isFalse();

		credit.blacklist(applicant, "虚假承诺", evidence, "430102-20260302-00000001-X", "system");

		assertThat(credit.blacklisted(applicant)).isTrue();
		assertThat(credit.listings(applicant)).singleElement().satisfies(listing -> {
			assertThat(listing.subject()).isEqualTo(applicant);
			assertThat(listing.evidenceCase()).isEqualTo(evidence);
		});
		assertThat(jdbc.sql("SELECT subject FROM credit_blacklist").query(String.class).single()).as("sealed at rest")
			.doesNotContain(applicant);

		assertThat(credit.lift(applicant, "supervisor")).isEqualTo(1);
		assertThat(credit.blacklisted(applicant)).isFalse();
		assertThat(credit.listings(applicant)).singleElement().satisfies(listing -> assertThat(listing.liftedAt()).isNotNull());
	}
}
