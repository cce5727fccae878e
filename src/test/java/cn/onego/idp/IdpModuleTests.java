package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.Identities;
import cn.onego.ModuleAlone;
import cn.onego.idp.RealNameRegistration.CodeSent;
import cn.onego.idp.RealNameRegistration.Registered;
import cn.onego.idp.RealNameRegistration.Start;
import cn.onego.platform.registry.PopulationRegistry;
import cn.onego.platform.registry.PopulationRegistry.PersonOnRecord;
import cn.onego.platform.sms.SimulatedSms;

/**
 * The demo identity provider alone, on its own embedded PostgreSQL; the population registry it checks people
 * against — a port of the platform that {@code sharing} answers in the application — holds one person here. A
 * person registers only under the name on record, with a code sent to the mobile on record.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleAlone.class)
@DirtiesContext
class IdpModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	static final String ID_NUMBER = Identities.idNumber();
	static final String MOBILE_ON_RECORD = "13912345678";
	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	@TestConfiguration(proxyBeanMethods = false)
	static class OnePersonOnRecord {

		@Bean
		PopulationRegistry populationRegistry() {
			return (idNumber, reader, purpose) -> ID_NUMBER.equals(idNumber)
					? Optional.of(new PersonOnRecord(ID_NUMBER, "李实名", MOBILE_ON_RECORD))
					: Optional.empty();
		}
	}

	private final RealNameRegistration registration;
	private final SimulatedSms sms;
	private final People people;

	IdpModuleTests(RealNameRegistration registration, SimulatedSms sms, People people) {
		this.registration = registration;
		this.sms = sms;
		this.people = people;
	}

	@Test
	void registersAPersonOnRecordWithTheCodeSentToTheMobileOnRecord() {
		CodeSent sent = registration.start(new Start("李实名", ID_NUMBER, "li-shiming", "Real-Name-2026!"), "127.0.0.1");
		assertThat(sent.mobile()).isEqualTo("139****5678");

		Matcher code = CODE.matcher(sms.latestTo(MOBILE_ON_RECORD, 1).get(0).text());
		assertThat(code.find()).isTrue();
		assertThat(registration.confirm(sent.registration(), code.group(1), "127.0.0.1"))
			.isEqualTo(new Registered("li-shiming"));

		assertThat(people.byIdNumber(ID_NUMBER)).hasValueSatisfying(person -> {
			assertThat(person.name()).isEqualTo("李实名");
			assertThat(person.mobile()).isEqualTo(MOBILE_ON_RECORD);
		});
	}
}
