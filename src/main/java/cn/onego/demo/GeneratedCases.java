package cn.onego.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import cn.onego.application.CriticalPath;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.RegionCode;

/**
 * What happened to each generated case, as rows in COPY text format. Case {@code k} is a pure function of the shape
 * and k (its own seeded random), so streams can generate disjoint ranges in any order.
 *
 * <p>Each case: a county of Hunan (Changsha's districts weigh more) and a matter offered there, whose default items
 * each get a task in the competent department (as the catalogue places it); a channel; an applicant from a pool of
 * distinct people (valid ID numbers) or enterprises (valid credit codes); a submission on a working day within the
 * shape's days before today. It is accepted a few working days later (3 % are refused at the window); each task
 * starts when its prerequisites are approved and takes working days drawn around its promised limit (a few run
 * late); 2 % of cases have a mandatory item refused. Whatever would be decided after today is still open, so the
 * recent weeks hold the in-progress cases, with tasks yellow and red around today exactly as the deadline clock
 * colours them. Three in ten issued cases are rated, a few badly (with a rectification opened). Where every item of the
 * matter may be handled across the province (通办范围 PROVINCE or wider) and a hall of another prefecture takes part,
 * {@value GeneratedCase#CROSS_REGION_PERCENT} % of those cases are received there for the county (异地收件): that hall
 * accepts and delivers it, the county's departments decide, and its facts count it for both regions. A county whose own
 * hall takes no part has such matters received only there, at a small weight (a demo's staff work in one city: its
 * halls then receive cases for the other prefectures).
 *
 * <p>Simplifications, on purpose: no applications, notifications, supplements, gaps, commitments, documents,
 * deliveries or audit records are generated (no table refers to them by key); each task's history is its dispatch
 * and its decision (plus the claim while claimed), with states and no free-text detail; delivery is always pick-up
 * at the window; a bad rating's rectification stays open.
 */
public final class GeneratedCases {

	public static final String CASE_COLUMNS = "id, number, application_id, matter, applicant_id, applicant_id_index, applicant_name, "
			+ "applicant_username, region, hall, channel, state, refusal, promised_date, delivery, issue, submitted_at, accepted_at, closed_at, "
			+ "accepting_region";
	public static final String TASK_COLUMNS = "id, case_id, item, department, mandatory, state, prerequisites, result, decision, "
			+ "claimed_by, started_on, due_on, decided_at, limit_days, warn_on, case_number, applicant_name, region, hall, matter, channel";
	/** The running tasks' deadlines and colours (V38): one row per PENDING or CLAIMED task with a due day. */
	public static final String DEADLINE_COLUMNS = "task_id, case_id, case_number, item, department, region, hall, matter, channel, due_on, "
			+ "warn_on, colour";
	/**
	 * The reviewers' queues (V70) of the loaded tasks: one row per task in a queue state with its case's facts, filled
	 * after the COPY as the migration fills it for a database that has cases.
	 */
	public static final String QUEUED_TASKS = """
			INSERT INTO queued_task (id, case_id, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision,
			    claimed_by, auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, version,
			    case_number, matter, applicant_name, case_hall, cross_region, submitted_at)
			SELECT t.id, t.case_id, t.item, t.department, t.mandatory, t.commitment, t.state, t.prerequisites, t.inputs, t.result,
			       t.decision, t.claimed_by, t.auto_rule, t.started_on, t.due_on, t.decided_at, t.limit_days, t.lost_days, t.paused_on,
			       t.warn_on, t.version, coalesce(t.case_number, c.number), coalesce(t.matter, c.matter),
			       coalesce(t.applicant_name, c.applicant_name), c.hall, c.accepting_region IS NOT NULL, c.submitted_at
			FROM case_task t JOIN case_file c ON c.id = t.case_id
			WHERE t.state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED')""";
	public static final String HISTORY_COLUMNS = "case_id, task_id, at, actor, action, from_state, to_state, detail";
	public static final String RATING_COLUMNS = "id, case_id, case_number, rater, level, channel, comment, matter, hall, region, rated_at";
	public static final String RECTIFICATION_COLUMNS = "id, rating_id, case_id, responsible, state, due_on, opened_at";
	/** Supervision's ledger (V38's case_fact), which the application folds into its daily aggregates. */
	public static final String FACT_COLUMNS = "kind, day, region, hall, department, matter, channel, late, late_on_critical_path, "
			+ "handling_days, limit_days, accepting_region";

	/**
	 * A matter as offered in one county: the hall that accepts it, its default items' tasks, and the halls of other
	 * prefectures of the province that may receive it instead (异地收件: every item's 通办范围 province-wide or wider).
	 * When the county's own hall takes no part in the history ({@code ownHallTakesPart} false), every case of the
	 * profile is received by one of those.
	 */
	record Profile(String region, String matter, ApplicantType applicantType, String hall, List<Step> steps, int weight,
			List<String> acceptingHalls, boolean ownHallTakesPart) {

		/** The items on the longest chain of promised limits, as the product finds the critical path of a case. */
		List<String> criticalPath() {
			List<String> items = steps.stream().map(Step::item).toList();
			return CriticalPath.of(items, item -> Arrays.stream(steps.get(items.indexOf(item)).prerequisites())
				.mapToObj(p -> steps.get(p).item()).toList(), item -> steps.get(items.indexOf(item)).limit()).nodes();
		}

		/** The working days of the longest chain of limits: the promised date counts them from acceptance. */
		int longestChain() {
			int[] finish = new int[steps.size()];
			int longest = 0;
			for (int round = 0; round < steps.size(); round++) {
				for (int i = 0; i < steps.size(); i++) {
					int begin = 0;
					for (int p : steps.get(i).prerequisites()) {
						begin = Math.max(begin, finish[p]);
					}
					finish[i] = begin + steps.get(i).limit();
					longest = Math.max(longest, finish[i]);
				}
			}
			return longest;
		}

		/** The index of the first mandatory step, or -1. */
		int firstMandatory() {
			for (int i = 0; i < steps.size(); i++) {
				if (steps.get(i).mandatory()) {
					return i;
				}
			}
			return -1;
		}

		String prerequisitesJson(Step s) {
			StringBuilder json = new StringBuilder("[");
			for (int p : s.prerequisites()) {
				json.append(json.length() > 1 ? "," : "").append('"').append(steps.get(p).item()).append('"');
			}
			return json.append(']').toString();
		}
	}

	/** One task of a profile: its item, department, whether its refusal ends the case, limit and prerequisites (indexes). */
	record Step(String item, String department, boolean mandatory, int limit, int[] prerequisites, String resultJson) {
	}

	/** The rows of a range of cases, table by table, in COPY text format. */
	public record Batch(int size, String cases, String tasks, String history, String ratings, String rectifications,
			String deadlines, String facts) {
	}

	final HistoryShape shape;
	/** The blind index of an applicant's number, as the product computes it. */
	final UnaryOperator<String> index;
	/** Seals a value for a column of case_file ("applicant_id", "delivery") as the product stores it (SM4-GCM). */
	final BinaryOperator<String> seal;
	final List<Profile> profiles;
	/** The halls that may receive cases across regions, with their regions. */
	final Map<String, RegionCode> hallRegions;
	final int[] cumulativeWeights;
	private final List<String> counties;
	private final long people;
	private final long enterprises;

	private GeneratedCases(HistoryShape shape, List<Profile> profiles, Map<String, RegionCode> hallRegions, List<String> counties,
			UnaryOperator<String> index,
			BinaryOperator<String> seal) {
		if (profiles.isEmpty()) {
			throw new IllegalArgumentException("no matter of the catalogue is offered in the halls chosen");
		}
		this.shape = shape;
		this.index = index;
		this.seal = seal;
		this.profiles = profiles;
		this.hallRegions = Map.copyOf(hallRegions);
		this.counties = counties;
		this.cumulativeWeights = new int[profiles.size()];
		int sum = 0;
		for (int i = 0; i < profiles.size(); i++) {
			sum += profiles.get(i).weight();
			cumulativeWeights[i] = sum;
		}
		// about 2.5 cases per person, and one enterprise for every ten cases
		this.people = Math.max(1_000, shape.cases() * 2 / 5);
		this.enterprises = Math.max(100, shape.cases() / 10);
	}

	/**
	 * The profiles of every Hunan county and every matter offered there whose items all have a competent department
	 * and whose competent hall (as {@code competentHall} answers, e.g. {@code Halls::competentHall}) the shape chooses;
	 * no case is received across regions.
	 */
	public static GeneratedCases of(Catalogue catalogue, BiFunction<Matter, RegionCode, String> competentHall, HistoryShape shape,
			UnaryOperator<String> index,
			BinaryOperator<String> seal) {
		return of(catalogue, competentHall, Map.of(), shape, index, seal);
	}

	/**
	 * As {@link #of(Catalogue, BiFunction, HistoryShape, UnaryOperator, BinaryOperator)}, and some cases received across
	 * regions by the halls given (their region by code) that the shape chooses.
	 */
	public static GeneratedCases of(Catalogue catalogue, BiFunction<Matter, RegionCode, String> competentHall,
			Map<String, RegionCode> halls, HistoryShape shape, UnaryOperator<String> index, BinaryOperator<String> seal) {
		List<Profile> profiles = new ArrayList<>();
		List<String> counties = new ArrayList<>();
		for (Region county : catalogue.regions()) {
			if (county.level() != RegionLevel.COUNTY || !county.code().value().startsWith("43")) {
				continue;
			}
			counties.add(county.code().value());
			int regionWeight = county.code().value().startsWith("4301") ? 3 : 1;
			for (Matter matter : catalogue.mattersOfferedIn(county.code())) {
				List<Step> steps = steps(catalogue, matter, county.code());
				String hall = competentHall.apply(matter, county.code());
				if (steps == null) {
					continue;
				}
				List<String> accepting = acceptingHalls(catalogue, steps, county.code(), halls, shape);
				if (shape.hall().test(hall)) {
					// where the staff are, the work is: a matter that one of them reviews weighs more
					int staffed = steps.stream().anyMatch(step -> shape.staff().reviewer(step.department()) != null) ? 5 : 1;
					profiles.add(new Profile(county.code().value(), matter.code(), matter.applicantType(), hall, steps,
							regionWeight * themeWeight(matter) * staffed, accepting, true));
				}
				else if (!accepting.isEmpty()) {
					// the county's hall takes no part, a hall of another prefecture does: now and then it receives the county's case
					profiles.add(new Profile(county.code().value(), matter.code(), matter.applicantType(), hall, steps, 1, accepting, false));
				}
			}
		}
		return new GeneratedCases(shape, profiles, halls, counties, index, seal);
	}

	public int profileCount() {
		return profiles.size();
	}

	/** The halls whose windows receive the generated cases. */
	public long receivingHalls() {
		return profiles.stream()
			.flatMap(p -> Stream.concat(p.ownHallTakesPart() ? Stream.of(p.hall())
					: Stream.empty(), p.acceptingHalls().stream()))
			.distinct()
			.count();
	}

	/** The rows of cases {@code from} (inclusive) to {@code to} (exclusive). */
	public Batch batch(long from, long to) {
		int n = (int) (to - from);
		GeneratedCase.Rows rows = new GeneratedCase.Rows(new StringBuilder(400 * n), new StringBuilder(1000 * n),
				new StringBuilder(1000 * n), new StringBuilder(60 * n), new StringBuilder(), new StringBuilder(20 * n),
				new StringBuilder(shape.facts() ? 300 * n : 0));
		for (long k = from; k < to; k++) {
			new GeneratedCase(this, k).write(rows);
		}
		return new Batch(n, rows.cases().toString(), rows.tasks().toString(), rows.history().toString(), rows.ratings().toString(),
				rows.rectifications().toString(), rows.deadlines().toString(), rows.facts().toString());
	}

	/**
	 * The halls of the province's other prefectures that may receive the county's case: only when every item may be
	 * handled across the province (a city-wide item stays in its prefecture), and never the province's own hall, which
	 * lies above every county rather than in another prefecture.
	 */
	private static List<String> acceptingHalls(Catalogue catalogue, List<Step> steps, RegionCode county, Map<String, RegionCode> halls,
			HistoryShape shape) {
		boolean provinceWide = steps.stream()
			.map(step -> catalogue.item(step.item()).map(i -> i.crossRegion().scope()).orElse(CrossRegionScope.NONE))
			.allMatch(scope -> scope == CrossRegionScope.PROVINCE || scope == CrossRegionScope.CROSS_PROVINCE);
		if (!provinceWide) {
			return List.of();
		}
		String province = county.value().substring(0, 2);
		String prefecture = county.value().substring(0, 4);
		return halls.entrySet().stream()
			.filter(h -> h.getValue().value().startsWith(province) && !h.getValue().value().startsWith(prefecture)
					&& !h.getValue().equals(h.getValue().province()) && shape.hall().test(h.getKey()))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/** Births, hiring and opening a business are the most frequent matters; the rest less so. */
	private static int themeWeight(Matter matter) {
		return switch (matter.theme()) {
			case BIRTH, ENTERPRISE_OPENING -> 6;
			case EMPLOYMENT, ENTERPRISE_CHANGE -> 4;
			default -> 2;
		};
	}

	/** The matter's default items (at most 7, mandatory first) with their competent departments; null if one has none. */
	private static List<Step> steps(Catalogue catalogue, Matter matter, RegionCode county) {
		List<Matter.MatterItem> chosen = matter.items().stream().filter(Matter.MatterItem::included)
			.sorted((a, b) -> Boolean.compare(b.mandatory(), a.mandatory())).limit(7).toList();
		List<String> codes = chosen.stream().map(Matter.MatterItem::item).toList();
		List<Step> steps = new ArrayList<>();
		for (Matter.MatterItem mi : chosen) {
			Item item = catalogue.item(mi.item()).orElse(null);
			Department department = item == null ? null : catalogue.competentDepartment(item, county).orElse(null);
			if (department == null) {
				return null;
			}
			int[] prerequisites = matter.prerequisitesOf(mi.item()).stream().mapToInt(codes::indexOf).filter(i -> i >= 0).toArray();
			String kind = item.result() == null ? "NOTICE" : item.result().kind().name();
			String licence = item.result() == null || item.result().licenceType() == null ? "null" : "\"" + item.result().licenceType() + "\"";
			String result = "{\"kind\":\"" + kind + "\",\"licenceType\":" + licence + ",\"number\":null,\"name\":null,\"notice\":\"准予\"}";
			steps.add(new Step(mi.item(), department.code(), mi.mandatory(), item.promisedLimit(), prerequisites, result));
		}
		return steps.isEmpty() ? null : steps;
	}

	long people() {
		return people;
	}

	long enterprises() {
		return enterprises;
	}

	/**
	 * Person p of the pool: a county of birth, a birth date and a sequence number make a distinct, valid ID number;
	 * one the shape reserves moves to the other half of the sequence numbers, which the pool itself leaves free below
	 * 10 million people.
	 */
	public String person(long p) {
		String county = counties.get((int) (p % counties.size()));
		long rest = p / counties.size();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(rest % 20_000);
		long sequence = (rest / 20_000) % 1000;
		String id = idNumber(county, birth, sequence);
		return shape.reservedIdNumbers().contains(id) ? idNumber(county, birth, (sequence + 500) % 1000) : id;
	}

	private static String idNumber(String county, LocalDate birth, long sequence) {
		String body = county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
		return body + IdNumber.checkCharacter(body);
	}

	/** Enterprise e of the pool: registered in a county, with a distinct organisation code and both check characters. */
	String enterprise(long e) {
		String county = counties.get((int) (e % counties.size()));
		String org = String.format("MA%06d", e % 1_000_000);
		String first16 = "91" + county + org;
		String first17 = first16 + CreditCode.organisationCheck(org);
		return first17 + CreditCode.checkCharacter(first17);
	}
}
