package cn.onego.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The daily rollup of satisfaction ({@code rating_day}, V67): per day, county and hall, the ratings by level, the
 * rectifications their bad ones opened and how many of those are closed. It is kept exactly by the two writes that
 * change what it counts — a rating given, a rectification closed — inside their own transaction or statement, so that
 * the statistics by region and hall can read a few rows a day instead of every rating of the period. The day is the
 * rating's day on the application's clock, the one the statistics' periods are counted in.
 * <p>
 * Every rating of a hall on one day adds to the same row: two ratings of one hall committed at the same moment wait
 * for each other for the rest of the rating's short transaction; ratings come from people one at a time, so that is rare.
 */
@Component
class RatingDays {

	private final JdbcClient jdbc;
	private final Clock clock;

	RatingDays(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Counts a rating just inserted, and the rectification it opened if it opened one; in the caller's transaction. */
	void rated(Instant ratedAt, String region, String hall, int level, boolean opensRectification) {
		int[] levels = new int[5];
		levels[level - 1] = 1;
		jdbc.sql("""
				INSERT INTO rating_day (day, region, hall, level_1, level_2, level_3, level_4, level_5, rectifications)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (day, region, hall) DO UPDATE SET
				    level_1 = rating_day.level_1 + excluded.level_1, level_2 = rating_day.level_2 + excluded.level_2,
				    level_3 = rating_day.level_3 + excluded.level_3, level_4 = rating_day.level_4 + excluded.level_4,
				    level_5 = rating_day.level_5 + excluded.level_5,
				    rectifications = rating_day.rectifications + excluded.rectifications""")
			.params(day(ratedAt), region, hall, levels[0], levels[1], levels[2], levels[3], levels[4], opensRectification ? 1 : 0)
			.update();
	}

	/**
	 * Runs an {@code UPDATE rectification} that closes at most one rectification and, in the same statement, counts it
	 * closed on its rating's day, county and hall: the count can never differ from the state.
	 *
	 * @param close the update, without a {@code RETURNING} clause
	 * @return the number of rectifications it closed (0 when its guard, version or state, did not hold)
	 */
	int closing(String close, Object... params) {
		Object[] all = Arrays.copyOf(params, params.length + 1);
		all[params.length] = clock.getZone().getId();
		return jdbc.sql("WITH closed AS (" + close + " RETURNING rating_id), counted AS ("
				+ """
						UPDATE rating_day d SET rectifications_closed = d.rectifications_closed + 1
						FROM closed c JOIN rating r ON r.id = c.rating_id
						WHERE d.day = (r.rated_at AT TIME ZONE ?)::date AND d.region = r.region AND d.hall = r.hall)
						SELECT count(*) FROM closed""")
			.params(all)
			.query(Integer.class)
			.single();
	}

	private LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, clock.getZone());
	}
}
