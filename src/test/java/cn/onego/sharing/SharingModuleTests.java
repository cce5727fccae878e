package cn.onego.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
import cn.onego.catalog.Enums.Registry;
import cn.onego.sharing.Consents.Grant;
import cn.onego.sharing.DataAccess.Outcome;
import cn.onego.sharing.OnceOnly.Read;
import cn.onego.sharing.OnceOnly.ReadRequest;

/**
 * Data sharing with its dependencies (catalogue, licences, identity, the audit trail), on its own embedded
 * PostgreSQL: a registry is read for an applicant only under a consent that covers it, and every read, granted or
 * refused, is in the applicant's data-access log and in the audit trail. The uploads that authorisations name are
 * the application module's, which depends on sharing: here there are none.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class SharingModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	/**
	 * The uploads an authorisation letter may name: a port of sharing's that {@code application}, which stores
	 * uploads, answers in the application. Nobody uploaded anything here.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoUploads {

		@Bean
		SignedDocuments signedDocuments() {
			return new SignedDocuments() {

				@Override
				public boolean uploadedBy(String username, String hash) {
					return false;
				}

				@Override
				public void referTo(String username, String hash) {
					throw new IllegalStateException("nothing was uploaded");
				}
			};
		}
	}

	private static final String MATTER = "HN-CATERING";

	private final OnceOnly onceOnly;
	private final Consents consents;
	private final JdbcClient jdbc;
	private final SyntheticRegistry synthetic;

	SharingModuleTests(OnceOnly onceOnly, Consents consents, JdbcClient jdbc, SyntheticRegistry synthetic) {
		this.onceOnly = onceOnly;
		this.consents = consents;
		this.jdbc = jdbc;
		this.synthetic = synthetic;
	}

	@Test
	void servesTheSyntheticPopulationFromTheBuiltInRegistryAndLoadsItOnlyOnce() {
		SyntheticPopulation population = synthetic.population();
		SyntheticPopulation.Person head = population.aHeadOfHousehold();
		Consent consent = consents.grant(new Grant(head.idNumber(), MATTER, Set.of(Registry.GEOGRAPHY, Registry.CIVIL_AFFAIRS),
				Set.of(), "申办餐饮店", 30), "synthetic");
		ReadRequest request = new ReadRequest("synthetic", head.idNumber(), MATTER, consent.id(), "申办餐饮店");

		assertThat(onceOnly.registry(request, Registry.GEOGRAPHY, "RESIDENCE_ADDRESS").value())
			.hasValueSatisfying(record -> assertThat(record).containsEntry("RESIDENCE_ADDRESS", population.householdOf(head).address()));
		assertThat(onceOnly.registry(request, Registry.CIVIL_AFFAIRS, "SPOUSE_ID_NUMBER").value())
			.hasValueSatisfying(record -> assertThat(record).containsEntry("SPOUSE_ID_NUMBER", head.spouse()));

		int records = jdbc.sql("SELECT count(*) FROM registry_record").query(Integer.class).single();
		assertThat(records).isGreaterThan(population.people().size());
		synthetic.load();
		assertThat(jdbc.sql("SELECT count(*) FROM registry_record").query(Integer.class).single()).isEqualTo(records);
	}

	@Test
	void readsARegistryOnlyUnderAConsentAndLogsEveryRead() {
		String applicant = Identities.idNumber();
		onceOnly.putRecord(Registry.POPULATION, applicant, Map.of("APPLICANT_NAME", "陈创业", "MOBILE", "13800138000"));

		Read<Map<String, Object>> withoutConsent = onceOnly
			.registry(new ReadRequest("chen", applicant, MATTER, null, "申办餐饮店"), Registry.POPULATION, "APPLICANT_NAME");
		assertThat(withoutConsent.granted()).isFalse();
		assertThat(withoutConsent.value()).isEmpty();

		Consent consent = consents.grant(new Grant(applicant, MATTER, Set.of(Registry.POPULATION), Set.of(), "申办餐饮店", 30),
				"chen");
		Read<Map<String, Object>> underConsent = onceOnly.registry(
				new ReadRequest("chen", applicant, MATTER, consent.id(), "申办餐饮店"), Registry.POPULATION, "APPLICANT_NAME");
		assertThat(underConsent.granted()).isTrue();
		assertThat(underConsent.value()).hasValueSatisfying(record -> assertThat(record).containsEntry("APPLICANT_NAME", "陈创业"));

		assertThat(onceOnly.accessesAbout(applicant, 10)).extracting(DataAccess::outcome)
			.containsExactly(Outcome.GRANTED, Outcome.REFUSED);
		List<String> audited = jdbc.sql("SELECT reason FROM audit_record WHERE action = 'read.population' ORDER BY id")
			.query(String.class)
			.list();
		assertThat(audited).hasSize(2);
		assertThat(audited.get(0)).startsWith("REFUSED").contains("no consent given").doesNotContain(applicant);
		assertThat(audited.get(1)).startsWith("GRANTED");
	}
}
