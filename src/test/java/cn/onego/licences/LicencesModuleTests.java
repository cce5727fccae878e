package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.Identities;
import cn.onego.ModuleAlone;
import cn.onego.EveryStaffScopeExists;

/**
 * Electronic licences alone, on their own embedded PostgreSQL: a licence number belongs to one holder, a licence is
 * recorded signed and verifies, and a revoked licence no longer stands in for a paper one.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class LicencesModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private final ELicences licences;
	private final Verification verification;

	LicencesModuleTests(ELicences licences, Verification verification) {
		this.licences = licences;
		this.verification = verification;
	}

	@Test
	void givesALicenceNumberToOneHolderAndForgetsARevokedLicence() {
		String holder = Identities.creditCode();
		String other = Identities.creditCode();
		String number = Identities.licenceNumber("JY");
		LocalDate issued = LocalDate.of(2026, 3, 2);

		ELicence recorded = licences.record(holder, "FOOD_BUSINESS_LICENCE", number, "食品经营许可证", "长沙市市场监督管理局", issued,
				issued.plusYears(5));
		assertThat(licences.record(holder, "FOOD_BUSINESS_LICENCE", number, "食品经营许可证", "长沙市市场监督管理局", issued,
				issued.plusYears(5))).as("recorded again: the same licence").isEqualTo(recorded);
		assertThatThrownBy(() -> licences.record(other, "FOOD_BUSINESS_LICENCE", number, "食品经营许可证", "长沙市市场监督管理局",
				issued, issued.plusYears(5))).isInstanceOf(LicenceNumberTaken.class);
		assertThat(licences.all(other)).isEmpty();
		assertThat(licences.validLicence(holder, "FOOD_BUSINESS_LICENCE")).contains(recorded);

		assertThat(LicenceIdentifier.isValid(recorded.identifier())).as(recorded.identifier()).isTrue();
		assertThat(verification.byNumber("FOOD_BUSINESS_LICENCE", number).status()).isEqualTo(Verification.Status.VALID);

		assertThat(licences.revoke("FOOD_BUSINESS_LICENCE", number)).isTrue();
		assertThat(licences.validLicence(holder, "FOOD_BUSINESS_LICENCE")).isEmpty();
		Verification.Answer revoked = verification.byNumber("FOOD_BUSINESS_LICENCE", number);
		assertThat(revoked.status()).isEqualTo(Verification.Status.REVOKED);
		assertThat(revoked.revocationKind()).as("a commitment found untrue: 撤销").isEqualTo(RevocationKind.RESCINDED);
	}
}
