package cn.onego.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.CaseState;
import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Calendars;
import cn.onego.identity.Actor;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.RequestValues;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.platform.ReadOnlyData;
import cn.onego.platform.Text;
import cn.onego.shared.RegionCode;

/** Rating a case once, and the statistics of ratings. */
@Service
public class Ratings {

	private static final Set<CaseState> CLOSED = Set.of(CaseState.ISSUED, CaseState.REFUSED, CaseState.NOT_ACCEPTED);

	private final JdbcClient jdbc;
	private final RatingDays days;
	private final ReadOnlyData reads;
	private final CaseQueries cases;
	private final CatalogQueries catalog;
	private final Calendars calendars;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final int windowDays;
	private final int rectificationWorkingDays;

	Ratings(JdbcClient jdbc, RatingDays days, ReadOnlyData reads, CaseQueries cases, CatalogQueries catalog, Calendars calendars,
			TransactionTemplate transactions, Clock clock, @Value("${onego.evaluation.window-days:7}") int windowDays,
			@Value("${onego.evaluation.rectification-working-days:15}") int rectificationWorkingDays) {
		this.jdbc = jdbc;
		this.days = days;
		this.reads = reads;
		this.cases = cases;
		this.catalog = catalog;
		this.calendars = calendars;
		this.transactions = transactions;
		this.clock = clock;
		this.windowDays = windowDays;
		this.rectificationWorkingDays = rectificationWorkingDays;
	}

	/** A rating as given; {@code department} is the one rated, or null for the hall's window service. */
	public record Rating(UUID id, UUID caseId, String caseNumber, String rater, Level level, RatingChannel channel,
			String comment, List<String> tags, String matter, String hall, String region, String department, Instant ratedAt) {
	}

	public record NewRating(Integer level, RatingChannel channel, String comment, List<String> tags, String department) {
	}

	/**
	 * Rates a closed case, once, by its applicant or the agent who applied, within the window; a bad rating
	 * opens a rectification for the department rated (or the hall) due in working days.
	 */
	public Rating rate(Actor actor, UUID caseId, NewRating request) {
		CaseFile c = cases.caseFile(actor, CaseId.of(caseId));
		boolean applicant = actor.username().equals(c.applicant().username()) || c.applicant().id().equals(actor.idNumber());
		if (!applicant) {
			throw new NotTheApplicant();
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (request.level() == null || request.level() < 1 || request.level() > 5) {
			problems.add(new FieldProblem("level", "range", Message.of("评价等级为1（非常满意）至5（非常不满意）",
					"the level is 1 (very satisfied) to 5 (very dissatisfied)")));
		}
		if (request.channel() == null) {
			problems.add(new FieldProblem("channel", "required", Message.of("请注明评价渠道", "give the channel")));
		}
		if (request.comment() != null && request.comment().length() > 500) {
			problems.add(new FieldProblem("comment", "length", Message.of("文字评价至多500字", "a comment has at most 500 characters")));
		}
		else {
			Text.check(problems, "comment", request.comment(), Text.Kind.FREE_TEXT, 500);
		}
		List<String> tags = request.tags() == null ? List.of() : request.tags();
		if (tags.size() > 10) {
			problems.add(new FieldProblem("tags", "too-many", Message.of("至多10个标签", "at most 10 tags")));
		}
		else {
			for (int i = 0; i < tags.size(); i++) {
				if (tags.get(i) == null) {
					problems.add(new FieldProblem("tags[" + i + "]", "required", Message.of("标签不能为空", "a tag cannot be empty")));
					continue;
				}
				Text.check(problems, "tags[" + i + "]", tags.get(i), Text.Kind.LINE, 20);
			}
		}
		List<String> departments = cases.departmentsOf(CaseId.of(caseId));
		if (request.department() != null && !departments.contains(request.department())) {
			problems.add(new FieldProblem("department", "not-in-case", Message.of("该部门未办理此件", "that department did not handle this case")));
		}
		boolean bad = request.level() != null && request.level() >= 4;
		if (bad && (request.comment() == null || request.comment().isBlank())) {
			problems.add(new FieldProblem("comment", "required", Message.of("差评请写明不满意的原因，以便整改", "say what went wrong, so that it can be put right")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		if (!CLOSED.contains(c.state()) || c.times().closedAt() == null) {
			throw new OutsideWindow(Message.of("办件尚未办结，办结后可评价", "the case is not closed yet; rate it once it is"));
		}
		if (now.isAfter(c.times().closedAt().plus(Duration.ofDays(windowDays)))) {
			throw new OutsideWindow(Message.of("已超过办结后 " + windowDays + " 日的评价期限", "the " + windowDays + "-day rating window after closing has passed"));
		}
		return transactions.execute(status -> {
			UUID id = UUID.randomUUID();
			int inserted = jdbc.sql("""
					INSERT INTO rating (id, case_id, case_number, rater, level, channel, comment, tags, matter, hall, region, department, rated_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id) DO NOTHING""")
				.params(id, caseId, c.number().value(), actor.username(), request.level(), request.channel().name(),
						request.comment() == null ? null : request.comment().trim(),
						(request.tags() == null ? List.<String>of() : request.tags()).toArray(String[]::new), c.matter(), c.place().hall().value(),
						c.place().region().value(), request.department(), Timestamp.from(now))
				.update();
			if (inserted == 0) {
				throw new AlreadyRated(c.number().value());
			}
			if (bad) {
				// counted provisionally into a year whose holidays are not out yet, and again when it is loaded (RectificationDueDays)
				LocalDate due = calendars.of(c.place().region()).provisional()
					.plusWorkingDays(LocalDate.ofInstant(now, clock.getZone()), rectificationWorkingDays);
				jdbc.sql("""
						INSERT INTO rectification (id, rating_id, case_id, responsible, state, due_on, opened_at)
						VALUES (?, ?, ?, ?, 'OPEN', ?, ?)""")
					.params(UUID.randomUUID(), id, caseId, request.department() != null ? request.department() : c.place().hall().value(), due,
							Timestamp.from(now))
					.update();
			}
			days.rated(now, c.place().region().value(), c.place().hall().value(), request.level(), bad);
			return find(caseId).orElseThrow();
		});
	}

	/** A case's rating, for whoever may read the case; anyone else learns nothing (not found). */
	public Rating find(Actor actor, UUID caseId) {
		cases.caseFile(actor, CaseId.of(caseId));
		return find(caseId).orElseThrow(() -> new NotFound("评价", "Rating", caseId.toString()));
	}

	Optional<Rating> find(UUID caseId) {
		return jdbc.sql("SELECT * FROM rating WHERE case_id = ?").param(caseId).query((rs, n) -> new Rating(
				rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
				rs.getString("rater"), Level.of(rs.getInt("level")), RatingChannel.valueOf(rs.getString("channel")),
				rs.getString("comment"), Arrays.asList((String[]) rs.getArray("tags").getArray()), rs.getString("matter"),
				rs.getString("hall"), rs.getString("region"), rs.getString("department"), rs.getTimestamp("rated_at").toInstant()))
			.optional();
	}

	/**
	 * What statistics are grouped by: a region or a hall is a column of the daily rollup ({@code rating_day}), a
	 * department or a matter only of the ratings themselves.
	 */
	public enum GroupBy {
		DEPARTMENT("coalesce(r.department, r.hall)", null), HALL("r.hall", "hall"), MATTER("r.matter", null),
		REGION("r.region", "region");

		final String column;
		/** The rollup's column, or null where the rollup does not keep the group apart. */
		final String daily;

		GroupBy(String column, String daily) {
			this.column = column;
			this.daily = daily;
		}
	}

	/**
	 * Statistics for a supervisor: of the region asked for, which must be theirs or lie below it (their own
	 * region when none is asked for).
	 */
	public List<RatingStatistics> statistics(Actor actor, GroupBy groupBy, LocalDate from, LocalDate to, String region) {
		String scope = region == null ? actor.region() : RequestValues.regionCode("region", region).value();
		if (!actor.supervises(scope)) {
			throw new Rectifications.NotResponsible();
		}
		return statistics(groupBy, from, to, scope);
	}

	/**
	 * Statistics of a region (all regions when null) for ratings given on the days [from, to), for a caller that has
	 * checked the region is in its scope: by region or hall from the daily rollup (a few rows a day, whatever the
	 * number of ratings), by department or matter from the ratings of the period.
	 */
	public List<RatingStatistics> statistics(GroupBy groupBy, LocalDate from, LocalDate to, String region) {
		if (groupBy.daily == null) {
			return statisticsOfRatings(groupBy, from, to, region);
		}
		String sql = """
				SELECT %s AS key, sum(level_1), sum(level_2), sum(level_3), sum(level_4), sum(level_5), sum(rectifications),
				       sum(rectifications_closed)
				FROM rating_day
				WHERE day >= ? AND day < ?%s
				GROUP BY 1 ORDER BY 1""".formatted(groupBy.daily, region == null ? "" : " AND region LIKE ?");
		List<Object> params = new ArrayList<>(List.of(from, to));
		return statistics(groupBy, sql, params, region);
	}

	/** The same figures counted from the ratings of the period and their rectifications, row by row. */
	List<RatingStatistics> statisticsOfRatings(GroupBy groupBy, LocalDate from, LocalDate to, String region) {
		String sql = """
				SELECT %s AS key,
				       count(*) FILTER (WHERE r.level = 1), count(*) FILTER (WHERE r.level = 2), count(*) FILTER (WHERE r.level = 3),
				       count(*) FILTER (WHERE r.level = 4), count(*) FILTER (WHERE r.level = 5),
				       count(x.id), count(x.id) FILTER (WHERE x.state = 'CLOSED')
				FROM rating r LEFT JOIN rectification x ON x.rating_id = r.id
				WHERE r.rated_at >= ? AND r.rated_at < ?%s
				GROUP BY 1 ORDER BY 1""".formatted(groupBy.column, region == null ? "" : " AND r.region LIKE ?");
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()),
				Timestamp.from(to.atStartOfDay(clock.getZone()).toInstant())));
		return statistics(groupBy, sql, params, region);
	}

	private List<RatingStatistics> statistics(GroupBy groupBy, String sql, List<Object> params, String region) {
		// the region's condition only when there is one: written as (? IS NULL OR …), PostgreSQL's generic plan
		// would not use the region index (V13, V67)
		if (region != null) {
			params.add(RegionCode.of(region).prefix() + "%");
		}
		Map<String, RatingStatistics> rows = new LinkedHashMap<>();
		// statistics may be a moment behind: from the read replica when one keeps up
		reads.jdbc().sql(sql)
			.params(params)
			.query((rs, n) -> {
				String key = rs.getString(1);
				long[] counts = { rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) };
				rows.put(key, RatingStatistics.of(key, nameOf(groupBy, key), counts, rs.getLong(7), rs.getLong(8)));
				return null;
			})
			.list();
		return List.copyOf(rows.values());
	}

	private String nameOf(GroupBy groupBy, String key) {
		var catalogue = catalog.catalogue();
		return switch (groupBy) {
			case MATTER -> catalogue.matter(key).map(m -> m.name().zh()).orElse(key);
			case REGION -> RegionCode.parse(key).flatMap(catalogue::region).map(r -> r.name()).orElse(key);
			case DEPARTMENT -> catalogue.department(key).map(d -> d.name()).orElse(key);
			case HALL -> key;
		};
	}


	/** Only the applicant (or the agent who applied) rates a case. */
	public static class NotTheApplicant extends Problem {

		NotTheApplicant() {
			super(HttpStatus.FORBIDDEN, "not-the-applicant", Message.of("无权评价", "Not the applicant"),
					Message.of("只有该件的申请人（或代其申请的代办人）可以评价。", "Only the case's applicant (or the agent who applied) may rate it."),
					List.of());
		}
	}

	/** One case, one rating (一事一评). */
	public static class AlreadyRated extends Problem {

		AlreadyRated(String number) {
			super(HttpStatus.CONFLICT, "already-rated", Message.of("已评价", "Already rated"),
					Message.of("办件 " + number + " 已评价过，一事一评。", "Case " + number + " was rated already: one case, one rating."), List.of());
		}
	}

	/** The case cannot be rated now. */
	public static class OutsideWindow extends Problem {

		OutsideWindow(Message why) {
			super(HttpStatus.CONFLICT, "rating-window", Message.of("不在评价期内", "Outside the rating window"), why, List.of());
		}
	}
}
