package cn.onego.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.EveryStaffScopeExists;
import cn.onego.Identities;
import cn.onego.ModuleAlone;

/**
 * Credit with its dependencies (identity, the audit trail), on its own embedded PostgreSQL: a listing made by the
 * case engine has effect — sealed at rest, found by the blind index — until it is lifted or its last day passes, and
 * it is in the audit trail.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class CreditModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	/** The cases credit asks about, which the cases module answers in the application: none here. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoCases {

		@Bean
		EvidenceCases noCases() {
			return number -> Optional.empty();
		}
	}

	private final CreditRecords credit;
	private final Listings listings;
	private final JdbcClient jdbc;
	private final Clock clock;

	CreditModuleTests(CreditRecords credit, Listings listings, JdbcClient jdbc, Clock clock) {
		this.credit = credit;
		this.listings = listings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Test
	void keepsAListingInEffectSealedAndAudited() {
		String applicant = Identities.idNumber();
		Listing.Evidence evidence = new Listing.Evidence(UUID.randomUUID(), "430102-20260302-00000001-X");
		assertThat(credit.blacklisted(applicant)).isFalse();

		Listing listing = credit.blacklist(applicant, "430102", "虚假承诺", evidence, "reviewer-x");

		assertThat(credit.blacklisted(applicant)).isTrue();
		assertThat(listing.until()).isEqualTo(LocalDate.now(clock).plus(CreditRecords.AUTOMATIC_DURATION));
		assertThat(credit.listings(applicant)).singleElement().satisfies(l -> {
			assertThat(l.subject()).isEqualTo(applicant);
			assertThat(l.evidence()).isEqualTo(evidence);
			assertThat(l.stored()).isEqualTo(ListingState.ACTIVE);
		});
		assertThat(credit.history(listing)).extracting(ListingStep::action).containsExactly(ListingStep.LISTED);
		assertThat(credit.blacklist(applicant, "430102", "提供虚假材料", evidence, "reviewer-y")).as("one listing per case")
			.isEqualTo(listing);
		assertThat(credit.listings(applicant)).hasSize(1);
		assertThat(jdbc.sql("SELECT subject FROM credit_blacklist WHERE id = ?").param(listing.id()).query(String.class).single())
			.as("sealed at rest").doesNotContain(applicant);
		assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target = ?").param("credit-listing/" + listing.id())
			.query(String.class).list()).containsExactly("credit.LISTED");
	}

	@Test
	void hasNoEffectAfterItsLastDay() {
		String applicant = Identities.idNumber();
		LocalDate today = LocalDate.now(clock);
		listings.insert(new Listing(UUID.randomUUID(), applicant, "430102", "提供虚假材料",
				new Listing.Evidence(UUID.randomUUID(), "430102-20250302-00000001-X"), "credit-x", clock.instant().minusSeconds(864_000),
				today.minusDays(1), ListingState.ACTIVE, 0));
		assertThat(credit.blacklisted(applicant)).isFalse();
		assertThat(credit.listings(applicant)).singleElement().satisfies(l -> assertThat(l.stateOn(today)).isEqualTo(ListingState.EXPIRED));

		listings.insert(new Listing(UUID.randomUUID(), applicant, "430102", "提供虚假材料",
				new Listing.Evidence(UUID.randomUUID(), "430102-20250302-00000002-X"), "credit-x", clock.instant(), today,
				ListingState.ACTIVE, 0));
		assertThat(credit.blacklisted(applicant)).as("in effect on its last day").isTrue();
	}
}
