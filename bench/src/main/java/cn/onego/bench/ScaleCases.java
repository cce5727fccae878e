package cn.onego.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.UnaryOperator;

import cn.onego.cases.CaseNumber;
import cn.onego.cases.Halls;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.clock.Deadline;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.RegionCode;

/**
 * What happened to each generated case, as rows in COPY text format. Case {@code k} is a pure function
 * of k (its own seeded random), so streams can generate disjoint ranges in any order.
 *
 * <p>Each case: a county of Hunan (Changsha's districts weigh more) and a matter offered there, whose
 * default items each get a task in the competent department (as the catalogue places it); a channel; an
 * applicant from a pool of distinct people (valid ID numbers) or enterprises (valid credit codes);
 * a submission on a working day within the two years before today. It is accepted a few working days
 * later (3 % are refused at the window); each task starts when its prerequisites are approved and
 * takes working days drawn around its promised limit (a few run late); 2 % of cases have a mandatory
 * item refused. Whatever would be decided after today is still open, so the recent weeks hold the
 * in-progress cases, with tasks yellow and red around today exactly as the deadline clock colours them.
 *
 * <p>Simplifications, on purpose: the working-day calendar is Monday to Friday (no holidays); no
 * applications, notifications, supplements, gaps or commitments are generated (no table refers to
 * them by key); each task's history is its dispatch and its decision (plus the claim while claimed).
 */
final class ScaleCases {

	static final String CASE_COLUMNS = "id, number, application_id, matter, applicant_id, applicant_id_index, applicant_name, applicant_username, "
			+ "region, hall, channel, state, refusal, promised_date, delivery, issue, submitted_at, accepted_at, closed_at";
	static final String TASK_COLUMNS = "id, case_id, item, department, mandatory, state, prerequisites, result, decision, "
			+ "claimed_by, started_on, due_on, decided_at, limit_days, warn_on, case_number, applicant_name, region, hall, matter, "
			+ "channel";
	/** The running tasks' deadlines and colours (V38): one row per PENDING or CLAIMED task with a due day. */
	static final String DEADLINE_COLUMNS = "task_id, case_id, case_number, item, department, region, hall, matter, channel, due_on, warn_on, "
			+ "colour";
	static final String HISTORY_COLUMNS = "case_id, task_id, at, actor, action, from_state, to_state, detail, message";
	static final String RATING_COLUMNS = "id, case_id, case_number, rater, level, channel, matter, hall, region, rated_at";

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	private static final double WARNING_SHARE = 0.2;
	private static final String[] CHANNELS = { "ONLINE", "MOBILE", "WINDOW", "KIOSK", "AGENT" };
	private static final int[] CHANNEL_WEIGHTS = { 45, 25, 22, 4, 4 };
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅建国文辉鹏飞宇浩然子涵欣怡思远湘岳衡";

	/** A matter as offered in one county: the hall that accepts it and its default items' tasks. */
	record Profile(String region, String matter, ApplicantType applicantType, String hall, List<Step> steps, int weight) {
	}

	/** One task of a profile: its item, department, whether its refusal ends the case, limit and prerequisites (indexes). */
	record Step(String item, String department, boolean mandatory, int limit, int[] prerequisites, String resultJson) {
	}

	record Batch(int size, String cases, String tasks, String history, String ratings, String deadlines) {
	}

	/** The blind index of an applicant's number, as the product computes it. */
	private final UnaryOperator<String> index;
	/** Seals a value for a column of case_file ("applicant_id", "delivery") as the product stores it (SM4-GCM). */
	private final java.util.function.BinaryOperator<String> seal;
	private final List<Profile> profiles;
	private final int[] cumulativeWeights;
	private final List<String> counties;
	private final long people;
	private final long enterprises;
	private final LocalDate today;
	private final LocalDate firstDay;
	private final WorkingDayCalendar calendar;

	private ScaleCases(List<Profile> profiles, List<String> counties, long cases, LocalDate today, UnaryOperator<String> index,
			java.util.function.BinaryOperator<String> seal) {
		this.index = index;
		this.seal = seal;
		this.profiles = profiles;
		this.counties = counties;
		this.cumulativeWeights = new int[profiles.size()];
		int sum = 0;
		for (int i = 0; i < profiles.size(); i++) {
			sum += profiles.get(i).weight();
			cumulativeWeights[i] = sum;
		}
		// about 2.5 cases per person over two years, and one enterprise for every ten cases
		this.people = Math.max(1_000, cases * 2 / 5);
		this.enterprises = Math.max(100, cases / 10);
		this.today = today;
		this.firstDay = today.minusYears(2);
		Set<Integer> years = Set.of(today.getYear() - 3, today.getYear() - 2, today.getYear() - 1, today.getYear(),
				today.getYear() + 1, today.getYear() + 2);
		this.calendar = new WorkingDayCalendar(years, Map.of());
	}

	/** The profiles of every Hunan county and every matter offered there whose items all have a competent department. */
	static ScaleCases of(Catalogue catalogue, Halls halls, long cases, LocalDate today, UnaryOperator<String> index,
			java.util.function.BinaryOperator<String> seal) {
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
				if (steps != null) {
					profiles.add(new Profile(county.code().value(), matter.code(), matter.applicantType(),
							halls.competentHall(catalogue, matter, county.code()).value(), steps, regionWeight * themeWeight(matter)));
				}
			}
		}
		return new ScaleCases(profiles, counties, cases, today, index, seal);
	}

	int profileCount() {
		return profiles.size();
	}

	List<Profile> profiles() {
		return profiles;
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

	// ------------------------------------------------------------------ one batch of cases

	Batch batch(long from, long to) {
		StringBuilder cases = new StringBuilder(400 * (int) (to - from));
		StringBuilder tasks = new StringBuilder(1000 * (int) (to - from));
		StringBuilder history = new StringBuilder(1200 * (int) (to - from));
		StringBuilder ratings = new StringBuilder(60 * (int) (to - from));
		StringBuilder deadlines = new StringBuilder(20 * (int) (to - from));
		for (long k = from; k < to; k++) {
			new OneCase(k).write(cases, tasks, history, ratings, deadlines);
		}
		return new Batch((int) (to - from), cases.toString(), tasks.toString(), history.toString(), ratings.toString(),
				deadlines.toString());
	}

	/** Person p of the pool: a county of birth, a birth date and a sequence number make a distinct, valid ID number. */
	String person(long p) {
		String county = counties.get((int) (p % counties.size()));
		long rest = p / counties.size();
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(rest % 20_000);
		String body = county + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", (rest / 20_000) % 1000);
		return body + IdNumber.checkCharacter(body);
	}

	static String username(long p) {
		return "u" + (10_000_000L + p);
	}

	long people() {
		return people;
	}

	/** Enterprise e of the pool: registered in a county, with a distinct organisation code and both check characters. */
	private String enterprise(long e) {
		String county = counties.get((int) (e % counties.size()));
		String org = String.format("MA%06d", e % 1_000_000);
		String first16 = "91" + county + org;
		String first17 = first16 + CreditCode.organisationCheck(org);
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** One case: drawn, simulated up to today, written. */
	private final class OneCase {

		private final long k;
		private final SplittableRandom random;
		private final UUID id;
		private final Profile profile;

		OneCase(long k) {
			this.k = k;
			this.random = new SplittableRandom(0x5CA1EL * 1_000_003L + k);
			this.id = uuid(random);
			this.profile = profiles.get(pick(cumulativeWeights, random.nextInt(cumulativeWeights[cumulativeWeights.length - 1])));
		}

		void write(StringBuilder cases, StringBuilder tasks, StringBuilder history, StringBuilder ratings, StringBuilder deadlines) {
			String channel = CHANNELS[pickWeighted(CHANNEL_WEIGHTS)];
			long person = random.nextLong(people);
			String username = username(person);
			String applicantId = profile.applicantType() == ApplicantType.ENTERPRISE ? enterprise(random.nextLong(enterprises)) : person(person);
			String applicantName = profile.applicantType() == ApplicantType.ENTERPRISE ? name() + "商贸有限公司" : name();
			LocalDate submittedDay = workingDayWithinTwoYears();
			Instant submitted = at(submittedDay, 8, 20);
			String number = CaseNumber.of(RegionCode.of(profile.region()), submittedDay, k + 1).value();
			String clerk = "clerk-" + profile.hall();
			history(history, null, submitted, username, "SUBMITTED", null, "AWAITING_ACCEPTANCE",
					message("SUBMITTED", "channel", channel, "hall", profile.hall()));

			LocalDate acceptedDay = calendar.plusWorkingDays(submittedDay, random.nextInt(3));
			String state;
			String refusal = null;
			String issue = null;
			Instant accepted = null;
			Instant closed = null;
			LocalDate promised = null;
			if (acceptedDay.isAfter(today)) {
				state = "AWAITING_ACCEPTANCE";
			}
			else if (random.nextInt(100) < 3) {
				state = "NOT_ACCEPTED";
				closed = at(acceptedDay, 9, 17);
				refusal = "{\"reason\":\"不属于本事项受理范围\",\"legalBasis\":\"《行政许可法》第三十二条\",\"by\":\"" + clerk + "\"}";
				history(history, null, closed, clerk, "NOT_ACCEPTED", "AWAITING_ACCEPTANCE", "NOT_ACCEPTED",
						message("REASON_AND_BASIS", "reason", "不属于本事项受理范围"));
			}
			else {
				accepted = at(acceptedDay, 9, 17);
				promised = promisedDate(acceptedDay);
				history(history, null, accepted, clerk, "ACCEPTED", "AWAITING_ACCEPTANCE", "IN_PROGRESS",
						message("ACCEPTED", "mode", "STANDARD", "promised", promised.toString()));
				// the case's facts each task carries (V14), as dispatch writes them
				Object[] facts = { number, applicantName, profile.region(), profile.hall(), profile.matter(), channel };
				Outcome o = runTasks(acceptedDay, accepted, tasks, history, deadlines, facts);
				state = o.state;
				closed = o.closed;
				if (state.equals("REFUSED")) {
					refusal = "{\"reason\":\"必办子项不予许可\",\"legalBasis\":null,\"by\":\"system\"}";
					history(history, null, closed, "system", "REFUSED", "IN_PROGRESS", "REFUSED",
							message("REFUSED_MANDATORY_ITEM", "item", o.refusedItem()));
				}
				else if (state.equals("ISSUED")) {
					issue = "{\"method\":\"WINDOW_PICKUP\",\"trackingNumber\":null,\"by\":\"" + clerk + "\",\"at\":\"" + closed + "\"}";
					history(history, null, closed, clerk, "ISSUED", "READY", "ISSUED", message("ISSUED", "method", "WINDOW_PICKUP"));
					maybeRate(ratings, number, username, channel, closed);
				}
			}
			// the applicant's number and the delivery sealed, the number's blind index beside it, as CaseRows writes them
			row(cases, id, number, uuid(random), profile.matter(), seal.apply(applicantId, "case_file.applicant_id"), index.apply(applicantId),
					applicantName, username, profile.region(), profile.hall(), channel, state, refusal, promised,
					seal.apply("{\"method\":\"WINDOW_PICKUP\",\"recipient\":null,\"mobile\":null,\"address\":null}", "case_file.delivery"),
					issue, submitted, accepted, closed);
		}

		record Outcome(String state, Instant closed, String refusedItem) {
		}

		/**
		 * Each task starts when its prerequisites are approved and is decided after a drawn number of
		 * working days; what falls after today is still open. A refused mandatory task ends the case
		 * and cancels what was still open.
		 */
		private Outcome runTasks(LocalDate acceptedDay, Instant accepted, StringBuilder tasks, StringBuilder history,
				StringBuilder deadlines, Object[] facts) {
			List<Step> steps = profile.steps();
			int n = steps.size();
			LocalDate[] start = new LocalDate[n];
			LocalDate[] decided = new LocalDate[n];
			resolveDays(steps, acceptedDay, start, decided);
			int refused = random.nextInt(100) < 2 ? mandatoryIndex(steps) : -1;
			LocalDate refusedOn = refused >= 0 && !decided[refused].isAfter(today) ? decided[refused] : null;
			boolean open = false;
			LocalDate last = acceptedDay;
			for (int i = 0; i < n; i++) {
				Step s = steps.get(i);
				UUID task = uuid(random);
				String department = s.department();
				String reviewer = "rev-" + department;
				boolean startedByToday = start[i] != null && !start[i].isAfter(today);
				boolean cancelled = refusedOn != null && i != refused && (decided[i] == null || decided[i].isAfter(refusedOn));
				history(history, task, accepted, clerkOf(), "DISPATCHED", null, start[i] != null && start[i].equals(acceptedDay) ? "PENDING" : "WAITING",
						message("DISPATCHED", "department", department));
				Deadline clock = startedByToday ? Deadline.start(start[i], s.limit()) : null;
				LocalDate due = clock == null ? null : clock.due(calendar);
				LocalDate warn = clock == null ? null : clock.warnOn(calendar, WARNING_SHARE);
				String state;
				String colour = "GREEN";
				Instant decidedAt = null;
				String result = null;
				String decision = null;
				String claimedBy = null;
				if (cancelled) {
					state = "CANCELLED";
					decidedAt = at(refusedOn, 17, 18);
					history(history, task, decidedAt, "system", "CANCELLED", startedByToday ? "PENDING" : "WAITING", "CANCELLED", message("CANCELLED_CASE_REFUSED"));
				}
				else if (decided[i] != null && !decided[i].isAfter(today)) {
					state = i == refused ? "REFUSED" : "APPROVED";
					claimedBy = reviewer;
					decidedAt = at(decided[i], 9, 17);
					if (i == refused) {
						decision = "{\"reason\":\"不符合法定条件\",\"legalBasis\":\"相关法规\",\"procedure\":null,\"maxWorkingDays\":null,\"requests\":[]}";
					}
					else {
						result = s.resultJson();
					}
					history(history, task, decidedAt, reviewer, state, "CLAIMED", state, null);
					last = decided[i].isAfter(last) ? decided[i] : last;
				}
				else if (startedByToday) {
					open = true;
					state = random.nextInt(10) < 6 ? "CLAIMED" : "PENDING";
					colour = clock.colour(today, calendar, WARNING_SHARE).name();
					if (state.equals("CLAIMED")) {
						claimedBy = reviewer;
						history(history, task, at(start[i].isBefore(today) ? start[i].plusDays(1) : today, 9, 11), reviewer, "CLAIMED",
								"PENDING", "CLAIMED", null);
					}
				}
				else {
					open = true;
					state = "WAITING";
				}
				row(tasks, task, id, s.item(), department, s.mandatory(), state, prerequisitesJson(steps, s), result, decision, claimedBy,
						startedByToday ? start[i] : null, due, decidedAt, startedByToday ? s.limit() : null, warn, facts[0], facts[1],
						facts[2], facts[3], facts[4], facts[5]);
				if ((state.equals("PENDING") || state.equals("CLAIMED")) && due != null) {
					// a running task's deadline, with the colour the scanner would have marked by today (V38: no colour on case_task)
					row(deadlines, task, id, facts[0], s.item(), department, facts[2], facts[3], facts[4], facts[5], due, warn, colour);
				}
			}
			if (refusedOn != null) {
				return new Outcome("REFUSED", at(refusedOn, 17, 18), steps.get(refused).item());
			}
			if (open) {
				return new Outcome("IN_PROGRESS", null, null);
			}
			LocalDate issueDay = calendar.plusWorkingDays(last, random.nextInt(3));
			return issueDay.isAfter(today) ? new Outcome("READY", null, null) : new Outcome("ISSUED", at(issueDay, 9, 18), null);
		}

		private String clerkOf() {
			return "clerk-" + profile.hall();
		}

		/** Start and decision day of each task, in dependency order; a task whose prerequisite is decided after today has no start. */
		private void resolveDays(List<Step> steps, LocalDate acceptedDay, LocalDate[] start, LocalDate[] decided) {
			boolean[] done = new boolean[steps.size()];
			for (int round = 0; round < steps.size(); round++) {
				for (int i = 0; i < steps.size(); i++) {
					if (done[i]) {
						continue;
					}
					LocalDate begin = acceptedDay;
					boolean ready = true;
					for (int p : steps.get(i).prerequisites()) {
						if (!done[p]) {
							ready = false;
						}
						else if (decided[p] == null || decided[p].isAfter(today)) {
							begin = null;
						}
						else if (begin != null && decided[p].isAfter(begin)) {
							begin = decided[p];
						}
					}
					if (!ready) {
						continue;
					}
					done[i] = true;
					start[i] = begin;
					decided[i] = begin == null ? null : calendar.plusWorkingDays(calendar.onOrNextWorkingDay(begin),
							handlingDays(steps.get(i).limit()));
				}
			}
		}

		/** Mostly well within the limit, sometimes at its end, 4 % late by up to a week. */
		private int handlingDays(int limit) {
			if (limit == 0) {
				return 0;
			}
			int r = random.nextInt(100);
			if (r < 4) {
				return limit + 1 + random.nextInt(5);
			}
			if (r < 16) {
				return Math.max(1, limit - random.nextInt(2));
			}
			return 1 + Math.min(random.nextInt(limit), random.nextInt(limit));
		}

		/** The promised date: every item's limit along the chains of prerequisites, counted from acceptance. */
		private LocalDate promisedDate(LocalDate acceptedDay) {
			List<Step> steps = profile.steps();
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
			return calendar.plusWorkingDays(calendar.onOrNextWorkingDay(acceptedDay), longest);
		}

		private int mandatoryIndex(List<Step> steps) {
			for (int i = 0; i < steps.size(); i++) {
				if (steps.get(i).mandatory()) {
					return i;
				}
			}
			return -1;
		}

		/** Three in ten issued cases are rated, mostly 5 (非常满意), as the 好差评 statistics usually show. */
		private void maybeRate(StringBuilder ratings, String number, String rater, String channel, Instant closed) {
			if (random.nextInt(10) >= 3) {
				return;
			}
			int r = random.nextInt(100);
			int level = r < 80 ? 5 : r < 92 ? 4 : r < 96 ? 3 : r < 98 ? 2 : 1;
			Instant rated = closed.plusSeconds(600 + random.nextInt(3 * 24 * 3600));
			if (rated.isAfter(today.plusDays(1).atStartOfDay(ZONE).toInstant())) {
				rated = closed.plusSeconds(600);
			}
			row(ratings, uuid(random), id, number, rater, level, channel, profile.matter(), profile.hall(), profile.region(), rated);
		}

		private String prerequisitesJson(List<Step> steps, Step s) {
			StringBuilder json = new StringBuilder("[");
			for (int p : s.prerequisites()) {
				json.append(json.length() > 1 ? "," : "").append('"').append(steps.get(p).item()).append('"');
			}
			return json.append(']').toString();
		}

		/** A step as the application writes it: no text of its own, what it says as a message key and parameters. */
		private void history(StringBuilder out, UUID task, Instant at, String actor, String action, String from, String to, String message) {
			row(out, id, task, at, actor, action, from, to, null, message);
		}

		private LocalDate workingDayWithinTwoYears() {
			int span = (int) (today.toEpochDay() - firstDay.toEpochDay());
			LocalDate day = firstDay.plusDays(1 + random.nextInt(span));
			return calendar.onOrNextWorkingDay(day).isAfter(today) ? calendar.onOrNextWorkingDay(firstDay) : calendar.onOrNextWorkingDay(day);
		}

		private Instant at(LocalDate day, int fromHour, int toHour) {
			return day.atStartOfDay(ZONE).toInstant().plusSeconds(fromHour * 3600L + random.nextInt((toHour - fromHour) * 3600));
		}

		private String name() {
			return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
					+ (random.nextBoolean() ? "" + GIVEN.charAt(random.nextInt(GIVEN.length())) : "");
		}

		private int pickWeighted(int[] weights) {
			int total = 0;
			for (int w : weights) {
				total += w;
			}
			int r = random.nextInt(total);
			for (int i = 0; i < weights.length; i++) {
				r -= weights[i];
				if (r < 0) {
					return i;
				}
			}
			return weights.length - 1;
		}
	}

	/** The first index whose cumulative weight exceeds r (binary search). */
	private static int pick(int[] cumulative, int r) {
		int lo = 0;
		int hi = cumulative.length - 1;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (cumulative[mid] > r) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo;
	}

	/** A version-4 UUID from the case's own random, so the data set is reproducible. */
	private static UUID uuid(SplittableRandom random) {
		long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
		long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(hi, lo);
	}

	/** One row in COPY text format: tab-separated, \N for null. No value here holds a tab, newline or backslash. */
	/** A history message as JSON ({@code cn.onego.cases.StepMessage}): its key and pairs of parameter name and value. */
	static String message(String key, String... namesAndValues) {
		StringBuilder json = new StringBuilder("{\"key\":\"").append(key).append("\",\"params\":{");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			json.append(i > 0 ? "," : "").append('"').append(namesAndValues[i]).append("\":\"").append(namesAndValues[i + 1]).append('"');
		}
		return json.append("}}").toString();
	}

	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append('\t');
			}
			out.append(values[i] == null ? "\\N" : values[i] instanceof Boolean b ? (b ? "t" : "f") : values[i].toString());
		}
		out.append('\n');
	}
}
