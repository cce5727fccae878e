package cn.onego.idp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes what the provider no longer needs, once an hour: registrations (with their codes and the chosen
 * password's hash) two days after they began — the daily code limit looks back one day — and authorizations
 * whose last token expired a day ago. Spring Authorization Server stamps its tokens with the real time, not
 * the platform's clock, so their age is measured in real time too.
 */
@Component
class Housekeeping {

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final Registrations registrations;
	private final JdbcClient jdbc;
	private final Clock clock;

	Housekeeping(Registrations registrations, JdbcClient jdbc, Clock clock) {
		this.registrations = registrations;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelay = 1, fixedDelay = 1, timeUnit = TimeUnit.HOURS)
	void clean() {
		int registrationsRemoved = registrations.removeCreatedBefore(clock.instant().minus(Duration.ofDays(2)));
		int authorizationsRemoved = jdbc.sql("""
				DELETE FROM oauth2_authorization
				WHERE coalesce(refresh_token_expires_at, access_token_expires_at, authorization_code_expires_at) < ?""")
			.param(Timestamp.from(Clock.systemUTC().instant().minus(Duration.ofDays(1))))
			.update();
		if (registrationsRemoved + authorizationsRemoved > 0) {
			log.info("Identity provider housekeeping: {} old registrations and {} expired authorizations removed",
					registrationsRemoved, authorizationsRemoved);
		}
	}
}
