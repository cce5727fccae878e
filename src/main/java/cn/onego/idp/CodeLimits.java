package cn.onego.idp;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * How often one mobile number may be sent a one-time code: once a minute and ten times a day (a day in
 * China Standard Time, from midnight), the limits carriers and provincial platforms commonly apply against
 * SMS bombing. A code lives five minutes and takes at most five tries.
 */
final class CodeLimits {

	static final Duration GAP = Duration.ofSeconds(60);
	static final int PER_DAY = 10;
	static final Duration LIFETIME = Duration.ofMinutes(5);
	static final int TRIES = 5;

	private CodeLimits() {
	}

	/**
	 * How long the number must wait before the next code, empty when one may be sent now.
	 *
	 * @param sentToday when the number's codes were sent since midnight (any order)
	 */
	static Optional<Duration> waitBeforeNext(List<Instant> sentToday, Instant now, ZoneId zone) {
		Instant latest = sentToday.stream().max(Instant::compareTo).orElse(null);
		if (sentToday.size() >= PER_DAY) {
			Instant midnight = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
			return Optional.of(Duration.between(now, midnight));
		}
		if (latest != null && now.isBefore(latest.plus(GAP))) {
			return Optional.of(Duration.between(now, latest.plus(GAP)));
		}
		return Optional.empty();
	}

	/** The start of the day {@code now} falls in. */
	static Instant midnightBefore(Instant now, ZoneId zone) {
		return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
	}

	/** Whole seconds for a {@code Retry-After} header, at least one. */
	static long seconds(Duration wait) {
		long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
		return Math.max(1, seconds);
	}
}
