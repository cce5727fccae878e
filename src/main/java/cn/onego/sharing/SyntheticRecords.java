package cn.onego.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.IdNumber;
import cn.onego.sharing.SyntheticPopulation.Company;
import cn.onego.sharing.SyntheticPopulation.Household;
import cn.onego.sharing.SyntheticPopulation.Person;
import cn.onego.sharing.SyntheticPopulation.Relation;

/**
 * The registry records of a synthetic population, agreeing across registries: a person's name, ID number and
 * address are the same in the population register, social insurance, marriage, property and the rest, and a
 * couple's marriage date is one date in both records. What a person has besides their household (an education,
 * a disability, a home of their own) is drawn from a random sequence seeded by the population's seed and the
 * person's ID number, so it does not change when the population grows.
 */
final class SyntheticRecords {

	/** One record of one registry about one subject. */
	record Entry(Registry registry, String subject, Map<String, Object> data) {
	}

	private static final String[] EDUCATION = { "研究生", "大学本科", "大学专科", "高中", "初中" };
	private static final String[] SCHOOLS = { "湘江示范大学", "麓山理工学院", "洞庭职业技术学院", "星城师范专科学校", "岳麓实验中学" };
	private static final String[] DISABILITY_CATEGORIES = { "VISUAL", "HEARING", "SPEECH", "PHYSICAL", "INTELLECTUAL", "MENTAL",
			"MULTIPLE" };
	private static final String[] HARDSHIP = { "MINIMUM_LIVING", "EXTREME_POVERTY", "LOW_INCOME" };

	private final SyntheticPopulation population;
	private final Map<String, Map<Registry, Map<String, Object>>> bySubject = new LinkedHashMap<>();

	private SyntheticRecords(SyntheticPopulation population) {
		this.population = population;
	}

	static List<Entry> of(SyntheticPopulation population) {
		SyntheticRecords records = new SyntheticRecords(population);
		population.households().forEach(records::household);
		population.people().forEach(records::person);
		population.companies().forEach(records::company);
		List<Entry> entries = new ArrayList<>();
		records.bySubject.forEach((subject, registries) -> registries
			.forEach((registry, data) -> entries.add(new Entry(registry, subject, Map.copyOf(data)))));
		return entries;
	}

	private Map<String, Object> record(Registry registry, String subject) {
		return bySubject.computeIfAbsent(subject, s -> new LinkedHashMap<>()).computeIfAbsent(registry, r -> new LinkedHashMap<>());
	}

	private Random randomOf(String id) {
		return new Random(population.seed() * 31 + id.hashCode());
	}

	private void household(Household household) {
		Person head = population.person(household.head()).orElseThrow();
		Random random = randomOf(household.id());
		for (String member : household.members()) {
			Person p = population.person(member).orElseThrow();
			Map<String, Object> record = record(Registry.POPULATION, member);
			record.put("APPLICANT_NAME", p.name());
			record.put("APPLICANT_ID_NUMBER", p.idNumber());
			record.put("HOUSEHOLD_ID", household.id());
			record.put("HOUSEHOLD_ADDRESS", household.address());
			record.put("HOUSEHOLD_HEAD_NAME", head.name());
			// the catalogue's relations have no spouse: a spouse is "other" to the form
			record.put("RELATION_TO_HEAD", switch (p.relation()) {
				case HEAD -> "HEAD";
				case SPOUSE -> "SPOUSE";
				case CHILD -> p.male() ? "SON" : "DAUGHTER";
			});
			if (p.mobile() != null) {
				record.put("MOBILE", p.mobile());
			}
		}
		if (head.spouse() != null) {
			Person spouse = population.person(head.spouse()).orElseThrow();
			Person mother = head.male() ? spouse : head;
			Person father = head.male() ? head : spouse;
			LocalDate older = head.birthDate().isAfter(spouse.birthDate()) ? head.birthDate() : spouse.birthDate();
			LocalDate married = older.plusYears(22).plusDays(random.nextInt(2000));
			String certificate = "J" + household.place().county() + "-" + married.getYear() + "-"
					+ String.format("%06d", random.nextInt(1_000_000));
			for (Person partner : List.of(head, spouse)) {
				Person other = partner == head ? spouse : head;
				Map<String, Object> marriage = record(Registry.CIVIL_AFFAIRS, partner.idNumber());
				marriage.put("MARITAL_STATUS", "MARRIED");
				marriage.put("SPOUSE_NAME", other.name());
				marriage.put("SPOUSE_ID_NUMBER", other.idNumber());
				marriage.put("MARRIAGE_DATE", married.toString());
				marriage.put("MARRIAGE_CERTIFICATE_NUMBER", certificate);
				Map<String, Object> parents = record(Registry.POPULATION, partner.idNumber());
				parents.put("MOTHER_NAME", mother.name());
				parents.put("MOTHER_ID_NUMBER", mother.idNumber());
				parents.put("FATHER_NAME", father.name());
				parents.put("FATHER_ID_NUMBER", father.idNumber());
			}
			household.members().stream().map(id -> population.person(id).orElseThrow())
				.filter(child -> child.relation() == Relation.CHILD && child.age() == 0)
				.forEach(baby -> born(baby, household, List.of(head, spouse), random));
			// the household register answers a parent's question about their youngest child under three (育儿补贴)
			household.members().stream().map(id -> population.person(id).orElseThrow())
				.filter(child -> child.relation() == Relation.CHILD && child.age() < 3)
				.max(Comparator.comparing(Person::birthDate))
				.ifPresent(child -> List.of(head, spouse).forEach(parent -> {
					Map<String, Object> register = record(Registry.POPULATION, parent.idNumber());
					register.put("CHILD_NAME", child.name());
					register.put("CHILD_ID_NUMBER", child.idNumber());
				}));
		}
		if (random.nextInt(20) == 0) {
			record(Registry.CIVIL_AFFAIRS, head.idNumber()).put("HARDSHIP_TYPE", HARDSHIP[random.nextInt(HARDSHIP.length)]);
		}
		if (random.nextInt(10) < 7) {
			home(head, household, random);
		}
		if (head.age() >= 45 && random.nextInt(25) == 0) {
			parentDied(head, household, random);
		}
	}

	private void born(Person baby, Household household, List<Person> parents, Random random) {
		for (Person parent : parents) {
			Map<String, Object> health = record(Registry.HEALTH, parent.idNumber());
			health.put("NEWBORN_NAME", baby.name());
			health.put("NEWBORN_GENDER", baby.male() ? "MALE" : "FEMALE");
			health.put("NEWBORN_BIRTH_DATE", baby.birthDate().toString());
			health.put("NEWBORN_BIRTH_PLACE", household.place().county());
			health.put("BIRTH_INSTITUTION", household.place().name() + "妇幼保健院");
			health.put("BIRTH_CERTIFICATE_NUMBER", "Q" + String.format("%09d", Math.floorMod(baby.idNumber().hashCode(), 1_000_000_000)));
		}
	}

	private void home(Person owner, Household household, Random random) {
		Map<String, Object> property = record(Registry.PROPERTY, owner.idNumber());
		property.put("REAL_ESTATE_UNIT_NUMBER", household.place().county() + "001002GB" + String.format("%05d", random.nextInt(100_000))
				+ "F" + String.format("%08d", random.nextInt(100_000_000)));
		property.put("REAL_ESTATE_CERT_NUMBER", "湘(" + (2012 + random.nextInt(14)) + ")" + household.place().name()
				+ "不动产权第" + String.format("%07d", random.nextInt(10_000_000)) + "号");
		property.put("PROPERTY_ADDRESS", household.address());
		property.put("BUILDING_AREA", (50 + random.nextInt(120)) + "." + random.nextInt(10) + "0");
	}

	/** A parent of the head who died this last year: the medical death certificate and the household's record. */
	private void parentDied(Person head, Household household, Random random) {
		LocalDate born = head.birthDate().minusYears(22 + random.nextInt(15));
		String prefix = household.place().county()
				+ String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(), born.getDayOfMonth());
		int sequence = 1 + random.nextInt(499) * 2;
		while (population.person(prefix + String.format("%03d", sequence) + IdNumber.checkCharacter(prefix
				+ String.format("%03d", sequence))).isPresent()) {
			sequence = (sequence + 2) % 1000;
		}
		String first17 = prefix + String.format("%03d", sequence);
		Map<String, Object> health = record(Registry.HEALTH, head.idNumber());
		health.put("DEATH_DATE", SyntheticPopulation.AS_OF.minusDays(10 + random.nextInt(300)).toString());
		health.put("DEATH_PLACE", household.place().name() + "人民医院");
		Map<String, Object> populationRecord = record(Registry.POPULATION, head.idNumber());
		populationRecord.put("DECEASED_NAME", head.name().charAt(0) + "德" + (head.male() ? "明" : "华"));
		populationRecord.put("DECEASED_ID_NUMBER", first17 + IdNumber.checkCharacter(first17));
	}

	private void person(Person p) {
		Random random = randomOf(p.idNumber());
		Household household = population.householdOf(p);
		if (p.age() >= 18) {
			record(Registry.GEOGRAPHY, p.idNumber()).put("RESIDENCE_ADDRESS", household.address());
			int level = random.nextInt(EDUCATION.length);
			Map<String, Object> education = record(Registry.EDUCATION, p.idNumber());
			education.put("HIGHEST_EDUCATION", EDUCATION[level]);
			education.put("GRADUATED_FROM", SCHOOLS[level]);
			education.put("GRADUATION_YEAR", String.valueOf(p.birthDate().getYear() + 22 - level));
		}
		if (p.employer() != null) {
			Company employer = population.company(p.employer()).orElseThrow();
			LocalDate since = p.birthDate().plusYears(18).isAfter(employer.established()) ? p.birthDate().plusYears(18)
					: employer.established();
			Map<String, Object> insurance = record(Registry.SOCIAL_SECURITY, p.idNumber());
			insurance.put("EMPLOYER_NAME", employer.name());
			insurance.put("SOCIAL_SECURITY_NUMBER", p.idNumber());
			insurance.put("INSURED_SINCE", since.toString());
		}
		if (random.nextInt(30) == 0) {
			int category = random.nextInt(DISABILITY_CATEGORIES.length);
			int grade = 1 + random.nextInt(4);
			Map<String, Object> disability = record(Registry.DISABILITY, p.idNumber());
			disability.put("DISABILITY_CATEGORY", DISABILITY_CATEGORIES[category]);
			disability.put("DISABILITY_GRADE", "GRADE_" + grade);
			disability.put("DISABILITY_CARD_NUMBER", p.idNumber() + (category + 1) + grade);
		}
	}

	private void company(Company company) {
		Person representative = population.person(company.legalRepresentative()).orElseThrow();
		Map<String, Object> record = record(Registry.ENTERPRISE, company.creditCode());
		record.put("ENTERPRISE_NAME", company.name());
		record.put("CREDIT_CODE", company.creditCode());
		record.put("ENTITY_FORM", company.individualBusiness() ? "INDIVIDUAL_BUSINESS" : "LIMITED_COMPANY");
		record.put("LEGAL_REP_NAME", representative.name());
		record.put("LEGAL_REP_ID_NUMBER", representative.idNumber());
		record.put("REGISTERED_CAPITAL", String.valueOf(company.capital()));
		record.put("BUSINESS_SCOPE", company.trade() + "服务；" + company.trade() + "相关产品销售（依法须经批准的项目，经相关部门批准后方可开展经营活动）");
		record.put("REGISTERED_ADDRESS", company.address());
		record.put("ESTABLISHED_ON", company.established().toString());
	}
}
