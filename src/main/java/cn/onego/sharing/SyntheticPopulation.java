package cn.onego.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;

/**
 * A deterministic synthetic population for demos and tests: households (a head, often a spouse, children) at one
 * address each, and companies whose legal representatives are people of it, every ID number with its GB 11643
 * check character and every credit code with its GB 32100 ones. The same seed, size and places give the same
 * people on every start and every machine ({@link Random} is specified to the bit). Names are drawn from fixed
 * lists of characters: invented, never real people. {@link SyntheticRecords} turns it into registry records that
 * agree across registries; tests pick people with {@link #people(Predicate)} or {@link #aHeadOfHousehold()}.
 * <p>
 * ID numbers never use the address code 430102 (芙蓉区), where the tests' own fresh identities are born, so a
 * synthetic person can never be a test's person.
 */
public final class SyntheticPopulation {

	/** The day the population describes: ages and dates are fixed against it, not against today. */
	public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
	private static final String RESERVED_FOR_TESTS = "430102";

	private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜谢邹喻柏窦章苏潘葛范彭郎鲁韦昌马苗方俞任袁柳鲍史唐费薛雷贺倪汤罗毕郝安常乐于傅齐康伍余顾孟黄穆萧尹";
	private static final String GIVEN = "子涵欣怡梓轩浩宇一诺雨桐思远嘉懿明哲若溪俊熙语嫣宇航静姝天佑佳琪泽楷安然书瑶博文晓雯志强秀兰建华丽娟";
	private static final String[] STREETS = { "芙蓉中路", "湘江大道", "桐梓坡路", "韶山北路", "枫林三路", "麓山南路", "人民东路",
			"万家丽路", "车站北路", "劳动西路", "星沙大道", "金星中路" };
	private static final String[] FIRM_WORDS = { "云澜", "湘禾", "星桥", "栖木", "青岚", "鸿渐", "知行", "麓谷", "橘洲", "晴川" };
	private static final String[] TRADES = { "餐饮", "商贸", "科技", "物流", "建材", "文化传媒", "食品", "装饰工程" };

	/** A place a household lives in: its county's code and the county's full name (湖南省长沙市天心区). */
	public record Place(String county, String name) {
	}

	public enum Relation {
		HEAD, SPOUSE, CHILD
	}

	/** A person; {@code employer} is a company's credit code or null, {@code spouse} an ID number or null. */
	public record Person(String idNumber, String name, boolean male, LocalDate birthDate, String household,
			Relation relation, String mobile, String employer, String spouse) {

		public int age() {
			return birthDate.until(AS_OF).getYears();
		}
	}

	/** People registered at one address (户): the head first. */
	public record Household(String id, Place place, String address, List<String> members) {

		public String head() {
			return members.get(0);
		}
	}

	/** A company or individual business; {@code legalRepresentative} is a person's ID number. */
	public record Company(String creditCode, String name, boolean individualBusiness, Place place, String address,
			String legalRepresentative, LocalDate established, long capital, String trade) {
	}

	private final long seed;
	private final Map<String, Person> people = new LinkedHashMap<>();
	private final Map<String, Household> households = new LinkedHashMap<>();
	private final Map<String, Company> companies = new LinkedHashMap<>();

	private SyntheticPopulation(long seed) {
		this.seed = seed;
	}

	/**
	 * At least {@code size} people (the last household may add one or two more) living in the given places, and
	 * one company per ten people. The places must not be empty when size is positive.
	 */
	public static SyntheticPopulation generate(long seed, int size, List<Place> places) {
		SyntheticPopulation population = new SyntheticPopulation(seed);
		if (size > 0) {
			new Generator(population, new Random(seed), places.stream()
				.filter(p -> !p.county().equals(RESERVED_FOR_TESTS)).toList()).run(size);
		}
		return population;
	}

	public long seed() {
		return seed;
	}

	public List<Person> people() {
		return List.copyOf(people.values());
	}

	public List<Household> households() {
		return List.copyOf(households.values());
	}

	public List<Company> companies() {
		return List.copyOf(companies.values());
	}

	public Optional<Person> person(String idNumber) {
		return Optional.ofNullable(people.get(idNumber));
	}

	public Household householdOf(Person person) {
		return households.get(person.household());
	}

	public Optional<Company> company(String creditCode) {
		return Optional.ofNullable(companies.get(creditCode));
	}

	/** The people matching, in the population's order. */
	public List<Person> people(Predicate<Person> matching) {
		return people.values().stream().filter(matching).toList();
	}

	/** The first head of a household with a spouse and children: a family for the household matters. */
	public Person aHeadOfHousehold() {
		return people(p -> p.relation() == Relation.HEAD && p.spouse() != null
				&& householdOf(p).members().size() > 2).get(0);
	}

	/** The companies a person represents. */
	public List<Company> companiesRepresentedBy(String idNumber) {
		return companies.values().stream().filter(c -> c.legalRepresentative().equals(idNumber)).toList();
	}

	/** Draws the households, then the companies and their employees, from one seeded random sequence. */
	private record Generator(SyntheticPopulation into, Random random, List<Place> places) {

		void run(int size) {
			Set<String> used = new HashSet<>();
			int n = 0;
			while (into.people.size() < size) {
				n++;
				Place place = places.get(random.nextInt(places.size()));
				String householdId = place.county() + String.format("%08d", n);
				String address = place.name() + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号"
						+ (1 + random.nextInt(20)) + "栋" + (101 + random.nextInt(30) * 100 + random.nextInt(4)) + "室";
				List<String> members = new ArrayList<>();
				boolean male = random.nextBoolean();
				String surname = surname();
				Person head = person(used, place, surname, male, AS_OF.minusYears(28 + random.nextInt(45)), householdId,
						Relation.HEAD);
				members.add(head.idNumber());
				Person spouse = null;
				if (random.nextInt(10) < 8) {
					spouse = person(used, place, surname(), !male, head.birthDate().plusDays(random.nextInt(2000) - 1000),
							householdId, Relation.SPOUSE);
					members.add(spouse.idNumber());
					head = withSpouse(head, spouse.idNumber());
					spouse = withSpouse(spouse, head.idNumber());
				}
				into.people.put(head.idNumber(), head);
				if (spouse != null) {
					into.people.put(spouse.idNumber(), spouse);
				}
				int children = spouse == null ? random.nextInt(2) : random.nextInt(4);
				for (int c = 0; c < children; c++) {
					LocalDate earliest = head.birthDate().plusYears(22);
					long span = Math.max(1, earliest.until(AS_OF.minusDays(30), java.time.temporal.ChronoUnit.DAYS));
					LocalDate born = earliest.plusDays(random.nextLong(Math.min(span, 365L * 18)));
					Person child = person(used, place, surname, random.nextBoolean(), born, householdId, Relation.CHILD);
					into.people.put(child.idNumber(), child);
					members.add(child.idNumber());
				}
				if (spouse != null && head.age() < 45 && random.nextInt(6) == 0) {
					// a baby of this year, whose medical birth certificate the health registry holds
					Person baby = person(used, place, surname, random.nextBoolean(), AS_OF.minusDays(10 + random.nextInt(300)),
							householdId, Relation.CHILD);
					into.people.put(baby.idNumber(), baby);
					members.add(baby.idNumber());
				}
				into.households.put(householdId, new Household(householdId, place, address, List.copyOf(members)));
			}
			companies(used);
		}

		private void companies(Set<String> used) {
			List<Person> adults = into.people(p -> p.age() >= 20 && p.age() < 65);
			int count = Math.max(1, into.people.size() / 10);
			for (int i = 0; i < count && !adults.isEmpty(); i++) {
				Person representative = adults.get(random.nextInt(adults.size()));
				Place place = into.householdOf(representative).place();
				boolean individual = random.nextInt(4) == 0;
				String trade = TRADES[random.nextInt(TRADES.length)];
				String body = (individual ? "92" : "91") + place.county() + "MY" + String.format("%06d", i + 1);
				body = body + CreditCode.organisationCheck(body.substring(8, 16));
				String code = body + CreditCode.checkCharacter(body);
				String shortName = place.name().substring(Math.max(0, place.name().length() - 3));
				String name = individual ? shortName + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + trade + "店"
						: shortName + FIRM_WORDS[random.nextInt(FIRM_WORDS.length)] + trade + "有限公司";
				String address = place.name() + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(500)) + "号";
				into.companies.put(code, new Company(code, name, individual, place, address, representative.idNumber(),
						AS_OF.minusDays(30 + random.nextInt(5000)), individual ? 0 : 100_000L * (1 + random.nextInt(50)),
						trade));
			}
			List<String> codes = List.copyOf(into.companies.keySet());
			for (Person p : List.copyOf(into.people.values())) {
				if (p.age() >= 18 && p.age() < 60 && random.nextInt(10) < 8) {
					into.people.put(p.idNumber(), new Person(p.idNumber(), p.name(), p.male(), p.birthDate(), p.household(),
							p.relation(), p.mobile(), codes.get(random.nextInt(codes.size())), p.spouse()));
				}
			}
		}

		private Person person(Set<String> used, Place place, String surname, boolean male, LocalDate born,
				String household, Relation relation) {
			String prefix = place.county() + String.format("%04d%02d%02d", born.getYear(), born.getMonthValue(),
					born.getDayOfMonth());
			int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
			while (used.contains(prefix + String.format("%03d", sequence))) {
				sequence = (sequence + 2) % 1000;
			}
			String first17 = prefix + String.format("%03d", sequence);
			used.add(first17);
			String id = first17 + IdNumber.checkCharacter(first17);
			String name = surname + GIVEN.charAt(random.nextInt(GIVEN.length()))
					+ (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
			String mobile = born.until(AS_OF).getYears() >= 16 ? "139" + String.format("%08d", used.size())
					: null;
			return new Person(id, name, male, born, household, relation, mobile, null, null);
		}

		private String surname() {
			return String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		}

		private static Person withSpouse(Person p, String spouse) {
			return new Person(p.idNumber(), p.name(), p.male(), p.birthDate(), p.household(), p.relation(), p.mobile(),
					p.employer(), spouse);
		}
	}
}
