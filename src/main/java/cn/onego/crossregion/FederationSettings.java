package cn.onego.crossregion;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onego.federation.*}: who this instance is, which regions it serves, where its key is kept, its partners,
 * and how the outbox is sent (docs/FEDERATION.md, "Configuration").
 *
 * @param instance this instance's id, as partners know it
 * @param name its name for people (a province's platform)
 * @param serves region-code prefixes this instance handles ("43", "430100"); empty: every region no partner serves
 * @param keyFile the file of the SM2 key pair; empty: beside the embedded database
 * @param partners the partners configured at start (more may be registered at run time)
 * @param sendInterval how often the sender looks for due messages
 * @param firstRetry the wait after the first failed attempt, doubled after each further one up to {@link #MAX_RETRY}
 * @param warnAfter how long a message may wait for delivery before it is shown as overdue
 * @param connectTimeout how long the sender waits for a connection to a partner
 * @param readTimeout how long it waits for a partner's answer
 */
@ConfigurationProperties("onego.federation")
record FederationSettings(String instance, String name, List<String> serves, String keyFile, List<PartnerSettings> partners,
		Duration sendInterval, Duration firstRetry, Duration warnAfter, Duration connectTimeout, Duration readTimeout) {

	/** However often a partner failed, the next attempt is at most this far away: a partner back up is served soon. */
	static final Duration MAX_RETRY = Duration.ofMinutes(10);

	/** A partner as configured: its public key as PEM or as the base64 of its X.509 encoding. */
	record PartnerSettings(String id, String name, URI baseUrl, String publicKey, List<String> serves) {
	}

	FederationSettings {
		instance = instance == null || instance.isBlank() ? "local" : instance.strip();
		name = name == null || name.isBlank() ? instance : name.strip();
		serves = serves == null ? List.of() : List.copyOf(serves);
		keyFile = keyFile == null ? "" : keyFile.strip();
		partners = partners == null ? List.of() : List.copyOf(partners);
		sendInterval = sendInterval == null ? Duration.ofSeconds(2) : sendInterval;
		firstRetry = firstRetry == null ? Duration.ofSeconds(5) : firstRetry;
		warnAfter = warnAfter == null ? Duration.ofHours(1) : warnAfter;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
	}

	/**
	 * The wait before the next attempt after {@code attempts} failed ones: the first retry, doubled each time, capped
	 * at {@link #MAX_RETRY}. Never given up: a partner that is down delays delivery, it does not lose it.
	 */
	Duration backoff(int attempts) {
		int doublings = Math.max(0, Math.min(attempts - 1, 30));
		Duration wait = firstRetry.multipliedBy(1L << doublings);
		return wait.compareTo(MAX_RETRY) > 0 || wait.isNegative() ? MAX_RETRY : wait;
	}
}
