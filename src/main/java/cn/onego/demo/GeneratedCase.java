package cn.onego.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import cn.onego.cases.CaseNumber;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.clock.Deadline;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.demo.GeneratedCases.Profile;
import cn.onego.demo.GeneratedCases.Step;
import cn.onego.identity.Actors;
import cn.onego.shared.RegionCode;

/** One generated case: drawn from its own seeded random, simulated up to today, written as rows. */
final class GeneratedCase {

	record Rows(StringBuilder cases, StringBuilder tasks, StringBuilder history, StringBuilder ratings, StringBuilder rectifications,
			StringBuilder deadlines, StringBuilder facts) {
	}

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
	/** The share of a limit left when a task turns yellow, as the product's default (onego.clock.warning-share). */
	private static final double WARNING_SHARE = 0.2;
	/** Working days a hall has to rectify a bad rating, as the product's default (onego.evaluation.rectification-working-days). */
	private static final int RECTIFICATION_DAYS = 15;
	private static final String SYSTEM = Actors.SYSTEM.username();
	private static final String[] CHANNELS = { "ONLINE", "MOBILE", "WINDOW", "KIOSK", "AGENT" };
	private static final int[] CHANNEL_WEIGHTS = { 45, 25, 22, 4, 4 };
	/**
	 * Of the cases whose matter may be received in another prefecture's hall, the share that is (percent): few matters
	 * qualify with their default items, so this makes about 2 % of all cases, enough for a demo's 跨域 volumes to show.
	 */
	static final int CROSS_REGION_PERCENT = 30;
	private static final String[] COMPLAINTS = { "排队等候时间太长，希望增加窗口。", "材料要求前后说法不一致，跑了两趟。", "办理进度查询不到，电话也打不通。" };

	private final GeneratedCases model;
	private final HistoryShape shape;
	private final WorkingDayCalendar calendar;
	private final LocalDate today;
	private final long k;
	private final Draws random;
	private final UUID id;
	private final Profile profile;
	private Rows rows;
	private String channel;
	/** The hall that receives and delivers the case: the competent one, or another prefecture's (异地收件). */
	private String hall;
	/** The region of that other prefecture's hall; null when the county's own hall receives the case (as case_file stores it). */
	private String acceptingRegion;

	GeneratedCase(GeneratedCases model, long k) {
		this.model = model;
		this.shape = model.shape;
		this.calendar = shape.calendar();
		this.today = shape.today();
		this.k = k;
		this.random = new Draws(new SplittableRandom(shape.seed() * 1_000_003L + k));
		this.id = random.uuid();
		int[] weights = model.cumulativeWeights;
		this.profile = model.profiles.get(Draws.pick(weights, random.nextInt(weights[weights.length - 1])));
	}

	void write(Rows out) {
		this.rows = out;
		hall = profile.hall();
		acceptingRegion = null;
		if (!profile.ownHallTakesPart() || !profile.acceptingHalls().isEmpty() && random.nextInt(100) < CROSS_REGION_PERCENT) {
			hall = profile.acceptingHalls().get(random.nextInt(profile.acceptingHalls().size()));
			acceptingRegion = model.hallRegions.get(hall).value();
		}
		channel = CHANNELS[random.weighted(CHANNEL_WEIGHTS)];
		long person = random.nextLong(model.people());
		String username = shape.username().apply(person);
		boolean enterprise = profile.applicantType() == ApplicantType.ENTERPRISE;
		String applicantId = enterprise ? model.enterprise(random.nextLong(model.enterprises())) : model.person(person);
		String applicantName = enterprise ? random.name() + "商贸有限公司" : random.name();
		LocalDate submittedDay = workingDayWithinSpan();
		Instant submitted = at(submittedDay, 8, 20);
		String number = CaseNumber.of(RegionCode.of(profile.region()), submittedDay, shape.serialBase() + k + 1).value();
		String clerk = shape.staff().clerk(hall);
		history(null, submitted, username, "SUBMITTED", null, "AWAITING_ACCEPTANCE");
		fact("submitted", submittedDay, null, false, false, 0, 0);

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
			history(null, closed, clerk, "NOT_ACCEPTED", "AWAITING_ACCEPTANCE", "NOT_ACCEPTED");
			fact("not_accepted", acceptedDay, null, false, false, 0, 0);
		}
		else {
			accepted = at(acceptedDay, 9, 17);
			promised = calendar.plusWorkingDays(acceptedDay, profile.longestChain());
			history(null, accepted, clerk, "ACCEPTED", "AWAITING_ACCEPTANCE", "IN_PROGRESS");
			fact("accepted", acceptedDay, null, false, false, 0, 0);
			// the case's facts each task carries (V14), as dispatch writes them
			Object[] facts = { number, applicantName, profile.region(), hall, profile.matter(), channel };
			Outcome o = runTasks(acceptedDay, accepted, clerk, facts);
			state = o.state;
			closed = o.closed;
			if (state.equals("REFUSED")) {
				refusal = "{\"reason\":\"必办子项不予许可\",\"legalBasis\":null,\"by\":\"" + SYSTEM + "\"}";
				history(null, closed, SYSTEM, "REFUSED", "IN_PROGRESS", "REFUSED");
				fact("refused", day(closed), null, false, false, 0, 0);
			}
			else if (state.equals("ISSUED")) {
				issue = "{\"method\":\"WINDOW_PICKUP\",\"trackingNumber\":null,\"by\":\"" + clerk + "\",\"at\":\"" + closed + "\"}";
				history(null, closed, clerk, "ISSUED", "READY", "ISSUED");
				fact("issued", day(closed), null, false, false, 0, 0);
				maybeRate(number, username, closed);
			}
		}
		// the applicant's number and the delivery sealed, the number's blind index beside it, as CaseRows writes them
		CopyRows.row(rows.cases(), id, number, random.uuid(), profile.matter(), model.seal.apply(applicantId, "case_file.applicant_id"),
				model.index.apply(applicantId), applicantName, username, profile.region(), hall, channel, state, refusal, promised,
				model.seal.apply("{\"method\":\"WINDOW_PICKUP\",\"recipient\":null,\"mobile\":null,\"address\":null}", "case_file.delivery"),
				issue, submitted, accepted, closed, acceptingRegion);
	}

	private record Outcome(String state, Instant closed) {
	}

	/**
	 * Each task starts when its prerequisites are approved and is decided after a drawn number of working days; what
	 * falls after today is still open. A refused mandatory task ends the case and cancels what was still open.
	 */
	private Outcome runTasks(LocalDate acceptedDay, Instant accepted, String clerk, Object[] facts) {
		List<Step> steps = profile.steps();
		int n = steps.size();
		LocalDate[] start = new LocalDate[n];
		LocalDate[] decided = new LocalDate[n];
		resolveDays(steps, acceptedDay, start, decided);
		Set<String> critical = Set.copyOf(profile.criticalPath());
		int refused = random.nextInt(100) < 2 ? profile.firstMandatory() : -1;
		LocalDate refusedOn = refused >= 0 && !decided[refused].isAfter(today) ? decided[refused] : null;
		boolean open = false;
		LocalDate last = acceptedDay;
		for (int i = 0; i < n; i++) {
			Step s = steps.get(i);
			UUID task = random.uuid();
			String department = s.department();
			String reviewer = shape.staff().reviewer(department);
			boolean startedByToday = start[i] != null && !start[i].isAfter(today);
			boolean cancelled = refusedOn != null && i != refused && (decided[i] == null || decided[i].isAfter(refusedOn));
			history(task, accepted, clerk, "DISPATCHED", null, start[i] != null && start[i].equals(acceptedDay) ? "PENDING" : "WAITING");
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
				history(task, decidedAt, SYSTEM, "CANCELLED", startedByToday ? "PENDING" : "WAITING", "CANCELLED");
			}
			else if (decided[i] != null && !decided[i].isAfter(today)) {
				state = i == refused ? "REFUSED" : "APPROVED";
				claimedBy = reviewer == null ? SYSTEM : reviewer;
				decidedAt = at(decided[i], 9, 17);
				if (i == refused) {
					decision = "{\"reason\":\"不符合法定条件\",\"legalBasis\":\"相关法规\",\"procedure\":null,\"maxWorkingDays\":null,\"requests\":[]}";
				}
				else {
					result = s.resultJson();
				}
				history(task, decidedAt, claimedBy, state, "CLAIMED", state);
				boolean late = decided[i].isAfter(due);
				fact("decided", decided[i], department, late, late && critical.contains(s.item()), clock.elapsed(decided[i], calendar),
						s.limit());
				last = decided[i].isAfter(last) ? decided[i] : last;
			}
			else if (startedByToday) {
				open = true;
				state = reviewer != null && random.nextInt(10) < 6 ? "CLAIMED" : "PENDING";
				colour = clock.colour(today, calendar, WARNING_SHARE).name();
				if (state.equals("CLAIMED")) {
					claimedBy = reviewer;
					history(task, at(claimDay(start[i]), 9, 11), reviewer, "CLAIMED",
							"PENDING", "CLAIMED");
				}
			}
			else {
				open = true;
				state = "WAITING";
			}
			CopyRows.row(rows.tasks(), task, id, s.item(), department, s.mandatory(), state, profile.prerequisitesJson(s), result, decision,
					claimedBy, startedByToday ? start[i] : null, due, decidedAt, startedByToday ? s.limit() : null, warn, facts[0], facts[1],
					facts[2], facts[3], facts[4], facts[5]);
			if ((state.equals("PENDING") || state.equals("CLAIMED")) && due != null) {
				// a running task's deadline, with the colour the scanner would have marked by today (V38: no colour on case_task)
				CopyRows.row(rows.deadlines(), task, id, facts[0], s.item(), department, facts[2], facts[3], facts[4], facts[5], due, warn,
						colour);
			}
		}
		if (refusedOn != null) {
			return new Outcome("REFUSED", at(refusedOn, 17, 18));
		}
		if (open) {
			return new Outcome("IN_PROGRESS", null);
		}
		LocalDate issueDay = calendar.plusWorkingDays(last, random.nextInt(3));
		return issueDay.isAfter(today) ? new Outcome("READY", null) : new Outcome("ISSUED", at(issueDay, 9, 18));
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
				decided[i] = begin == null ? null
						: calendar.plusWorkingDays(begin, handlingDays(steps.get(i).limit()));
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

	/**
	 * Three in ten issued cases are rated, mostly 1 (非常满意) as the 好差评 statistics usually show; a bad rating (4 or
	 * 5) says why, and opens a rectification owed by the hall, as the product does.
	 */
	private void maybeRate(String number, String rater, Instant closed) {
		if (random.nextInt(10) >= 3) {
			return;
		}
		int r = random.nextInt(100);
		int level = r < 80 ? 1 : r < 91 ? 2 : r < 95 ? 3 : r < 98 ? 4 : 5;
		Instant rated = closed.plusSeconds(600 + random.nextInt(3 * 24 * 3600));
		if (rated.isAfter(today.plusDays(1).atStartOfDay(ZONE).toInstant())) {
			rated = closed.plusSeconds(600);
		}
		UUID rating = random.uuid();
		String comment = level >= 4 ? COMPLAINTS[random.nextInt(COMPLAINTS.length)] : null;
		CopyRows.row(rows.ratings(), rating, id, number, rater, level, channel, comment, profile.matter(), hall, profile.region(),
				rated);
		if (level >= 4) {
			CopyRows.row(rows.rectifications(), random.uuid(), rating, id, hall, "OPEN",
					calendar.plusWorkingDays(day(rated), RECTIFICATION_DAYS), rated);
		}
	}

	private void fact(String kind, LocalDate day, String department, boolean late, boolean lateOnCriticalPath, int handling, int limit) {
		if (shape.facts()) {
			CopyRows.row(rows.facts(), kind, day, profile.region(), hall, department, profile.matter(), channel, late,
					lateOnCriticalPath, handling, limit, acceptingRegion);
		}
	}

	/** One step of the history: its action and states; the detail is left empty (the action says it). */
	private void history(UUID task, Instant at, String actor, String action, String from, String to) {
		CopyRows.row(rows.history(), id, task, at, actor, action, from, to, null);
	}

	private LocalDate workingDayWithinSpan() {
		LocalDate first = today.minusDays(shape.days());
		LocalDate day = workingDayFrom(first.plusDays(1 + random.nextInt(shape.days())));
		return day.isAfter(today) ? workingDayFrom(first) : day;
	}

	/** The working day after the task started, or today if that is later than today. */
	private LocalDate claimDay(LocalDate started) {
		LocalDate next = calendar.plusWorkingDays(started, 1);
		return next.isAfter(today) ? today : next;
	}

	private LocalDate workingDayFrom(LocalDate day) {
		LocalDate d = day;
		while (!calendar.isWorkingDay(d)) {
			d = d.plusDays(1);
		}
		return d;
	}

	private Instant at(LocalDate day, int fromHour, int toHour) {
		return day.atStartOfDay(ZONE).toInstant().plusSeconds(fromHour * 3600L + random.nextInt((toHour - fromHour) * 3600));
	}

	private static LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, ZONE);
	}
}
