package cn.onego.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.sharing.SyntheticPopulation.Person;
import cn.onego.sharing.SyntheticPopulation.Relation;
import cn.onego.sharing.SyntheticRecords.Entry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic population: valid check digits everywhere, the same people for the same seed, one person the same
 * person in every registry, a household's members at one address, and records that pass the checks an HTTP
 * registry's answer must pass.
 */
class SyntheticPopulationTests {

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();
	private static final SyntheticPopulation POPULATION = SyntheticPopulation.generate(7, 2000, SyntheticRegistry.places(CATALOGUE));
	private static final Map<Registry, Map<String, Map<String, Object>>> RECORDS = byRegistry(SyntheticRecords.of(POPULATION));

	@Test
	void givesEveryPersonAndCompanyAUniqueNumberWithValidCheckDigits() {
		assertThat(POPULATION.people()).hasSizeBetween(2000, 2010).allSatisfy(p -> {
			assertThat(IdNumber.isValid(p.idNumber())).as(p.idNumber()).isTrue();
			assertThat(new IdNumber(p.idNumber()).birthDate()).isEqualTo(p.birthDate());
			assertThat(new IdNumber(p.idNumber()).male()).isEqualTo(p.male());
			assertThat(p.idNumber()).as("the tests' own identities are born in 430102").doesNotStartWith("430102");
		});
		assertThat(POPULATION.people()).extracting(Person::idNumber).doesNotHaveDuplicates();
		assertThat(POPULATION.companies()).hasSize(POPULATION.people().size() / 10).allSatisfy(c -> {
			assertThat(CreditCode.isValid(c.creditCode())).as(c.creditCode()).isTrue();
			assertThat(POPULATION.person(c.legalRepresentative())).isPresent();
		});
		assertThat(RECORDS.get(Registry.POPULATION).values()).extracting(r -> r.get("DECEASED_ID_NUMBER"))
			.filteredOn(id -> id != null)
			.isNotEmpty()
			.allSatisfy(id -> assertThat(IdNumber.isValid((String) id)).isTrue());
		assertThat(RECORDS.get(Registry.CIVIL_AFFAIRS).values()).extracting(r -> (String) r.get("SPOUSE_ID_NUMBER"))
			.filteredOn(id -> id != null)
			.allSatisfy(id -> assertThat(POPULATION.person(id)).isPresent());
	}

	@Test
	void drawsTheSamePeopleAndRecordsFromTheSameSeed() {
		SyntheticPopulation again = SyntheticPopulation.generate(7, 2000, SyntheticRegistry.places(CATALOGUE));
		assertThat(again.people()).isEqualTo(POPULATION.people());
		assertThat(again.households()).isEqualTo(POPULATION.households());
		assertThat(again.companies()).isEqualTo(POPULATION.companies());
		assertThat(SyntheticRecords.of(again)).isEqualTo(SyntheticRecords.of(POPULATION));
		SyntheticPopulation other = SyntheticPopulation.generate(8, 2000, SyntheticRegistry.places(CATALOGUE));
		assertThat(other.people().get(0)).isNotEqualTo(POPULATION.people().get(0));
	}

	@Test
	void knowsAPersonAsTheSamePersonInEveryRegistry() {
		for (Person p : POPULATION.people()) {
			Map<String, Object> population = RECORDS.get(Registry.POPULATION).get(p.idNumber());
			assertThat(population).containsEntry("APPLICANT_NAME", p.name()).containsEntry("APPLICANT_ID_NUMBER", p.idNumber());
			if (p.spouse() != null) {
				Map<String, Object> marriage = RECORDS.get(Registry.CIVIL_AFFAIRS).get(p.idNumber());
				Map<String, Object> theirs = RECORDS.get(Registry.CIVIL_AFFAIRS).get(p.spouse());
				assertThat(marriage).containsEntry("SPOUSE_ID_NUMBER", p.spouse())
					.containsEntry("SPOUSE_NAME", RECORDS.get(Registry.POPULATION).get(p.spouse()).get("APPLICANT_NAME"))
					.containsEntry("MARRIAGE_DATE", theirs.get("MARRIAGE_DATE"))
					.containsEntry("MARRIAGE_CERTIFICATE_NUMBER", theirs.get("MARRIAGE_CERTIFICATE_NUMBER"));
				assertThat(theirs).containsEntry("SPOUSE_ID_NUMBER", p.idNumber()).containsEntry("SPOUSE_NAME", p.name());
			}
			if (p.employer() != null) {
				assertThat(RECORDS.get(Registry.SOCIAL_SECURITY).get(p.idNumber()))
					.containsEntry("EMPLOYER_NAME", RECORDS.get(Registry.ENTERPRISE).get(p.employer()).get("ENTERPRISE_NAME"))
					.containsEntry("SOCIAL_SECURITY_NUMBER", p.idNumber());
			}
		}
		POPULATION.companies().forEach(c -> assertThat(RECORDS.get(Registry.ENTERPRISE).get(c.creditCode()))
			.containsEntry("LEGAL_REP_ID_NUMBER", c.legalRepresentative())
			.containsEntry("LEGAL_REP_NAME", POPULATION.person(c.legalRepresentative()).orElseThrow().name()));
		assertThat(RECORDS.get(Registry.HEALTH).values()).as("babies of this year and deaths")
			.anySatisfy(r -> assertThat(r).containsKey("NEWBORN_BIRTH_DATE"))
			.anySatisfy(r -> assertThat(r).containsKey("DEATH_DATE"));
		assertThat(RECORDS).containsKeys(Registry.PROPERTY, Registry.EDUCATION, Registry.DISABILITY, Registry.GEOGRAPHY);
	}

	@Test
	void registersAHouseholdsMembersAtOneAddressUnderOneHead() {
		assertThat(POPULATION.households()).allSatisfy(household -> {
			Person head = POPULATION.person(household.head()).orElseThrow();
			assertThat(head.relation()).isEqualTo(Relation.HEAD);
			for (String member : household.members()) {
				Person p = POPULATION.person(member).orElseThrow();
				assertThat(p.household()).isEqualTo(household.id());
				assertThat(RECORDS.get(Registry.POPULATION).get(member)).containsEntry("HOUSEHOLD_ADDRESS", household.address())
					.containsEntry("HOUSEHOLD_HEAD_NAME", head.name())
					.containsEntry("HOUSEHOLD_ID", household.id());
				if (p.age() >= 18) {
					assertThat(RECORDS.get(Registry.GEOGRAPHY).get(member)).containsEntry("RESIDENCE_ADDRESS", household.address());
				}
			}
			Map<String, Object> home = RECORDS.get(Registry.PROPERTY).get(head.idNumber());
			if (home != null) {
				assertThat(home).containsEntry("PROPERTY_ADDRESS", household.address());
			}
			assertThat(household.address()).startsWith("湖南省");
		});
		Person head = POPULATION.aHeadOfHousehold();
		assertThat(POPULATION.householdOf(head).members()).hasSizeGreaterThan(2).contains(head.spouse());
	}

	@Test
	void writesOnlyRecordsThatAnHttpRegistryWouldBeAllowedToAnswer() {
		RegistryAnswers answers = new RegistryAnswers(JsonMapper.builder().build());
		JsonMapper json = JsonMapper.builder().build();
		for (Entry entry : SyntheticRecords.of(POPULATION)) {
			RegistryKind kind = RegistryKind.of(entry.registry());
			assertThat(entry.data().keySet()).allSatisfy(key -> assertThat(kind.answers(key)).as(entry.registry() + " " + key).isTrue());
			byte[] body = json.writeValueAsBytes(Map.of("found", true, "data", entry.data()));
			assertThat(answers.read(body, kind, CATALOGUE, LocalDate.of(2026, 3, 2)))
				.isEqualTo(new RegistryAnswer.Found(entry.data()));
		}
	}

	@Test
	void declaresForEachKindOfRegistryEveryDataElementTheCatalogueSaysItAnswers() {
		CATALOGUE.elements().stream().filter(e -> e.registry() != null).forEach(e -> {
			assertThat(RegistryKind.of(e.registry()).elements()).as(e.code()).contains(e.code());
			assertThat(RegistryKind.answering(e.code())).map(RegistryKind::registry).hasValue(e.registry());
		});
		for (Registry registry : Registry.values()) {
			RegistryKind kind = RegistryKind.of(registry);
			assertThat(kind.elements()).allSatisfy(code -> assertThat(CATALOGUE.element(code)).as(code).isPresent());
			assertThat(kind.recordKeys().keySet()).allSatisfy(key -> assertThat(CATALOGUE.element(key)).as(key).isEmpty());
		}
	}

	private static Map<Registry, Map<String, Map<String, Object>>> byRegistry(List<Entry> entries) {
		Map<Registry, Map<String, Map<String, Object>>> records = new HashMap<>();
		entries.forEach(e -> records.computeIfAbsent(e.registry(), r -> new HashMap<>()).put(e.subject(), e.data()));
		return records.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
