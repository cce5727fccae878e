package cn.onego.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the whole platform, in China Standard Time. Every date the platform decides on — a case
 * number's day, a task's due day, a rating window — comes from this clock, never from the database's
 * {@code now()} or the visitor's browser.
 * <p>
 * {@code onego.clock.start} lets the clock start at a chosen instant and run on in real time from there
 * (training halls, rehearsals of a holiday period, and the test suite, which would otherwise depend on the
 * day it runs: a year whose holidays are not published yet, or midnight during the run).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);
	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** PostgreSQL keeps instants to the microsecond: the clock ticks as finely, so an instant saved is the instant read. */
	private static final Duration TICK = Duration.ofNanos(1_000);

	@Bean
	Clock clock(@Value("${onego.clock.start:}") String start) {
		Clock system = Clock.system(CHINA);
		if (start == null || start.isBlank()) {
			return Clock.tick(system, TICK);
		}
		OffsetDateTime startsAt = OffsetDateTime.parse(start.trim());
		log.warn("The platform's clock starts at {} instead of the real time and runs on from there (onego.clock.start)", startsAt);
		return Clock.tick(Clock.offset(system, Duration.between(system.instant(), startsAt.toInstant())), TICK);
	}
}
