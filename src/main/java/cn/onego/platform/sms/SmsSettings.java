package cn.onego.platform.sms;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.onego.platform.provider.ProviderEndpoint;

/**
 * The SMS settings ({@code onego.sms.*}).
 *
 * @param mode {@code simulated} (the default: nothing leaves the machine) or {@code http}
 * @param dispatchInterval how often the outbox looks for due messages
 * @param firstRetry the wait after the first failed attempt; each further failure doubles it, up to an hour
 * @param maxAttempts attempts before a message is FAILED and shown to staff
 * @param http the provider's endpoint in the {@code http} mode
 */
@ConfigurationProperties("onego.sms")
public record SmsSettings(String mode, Duration dispatchInterval, Duration firstRetry, Integer maxAttempts, Http http) {

	public SmsSettings {
		mode = mode == null || mode.isBlank() ? "simulated" : mode;
		dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(2) : dispatchInterval;
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		maxAttempts = maxAttempts == null ? 8 : maxAttempts;
		http = http == null ? new Http(null, null, null, null, null, null, null) : http;
	}

	/** The wait before the attempt after {@code failed} failed ones: exponential, capped at an hour. */
	public Duration backoff(int failed) {
		Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 20));
		return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
	}

	/** {@code onego.sms.http.*}: see {@link ProviderEndpoint}. */
	public record Http(URI baseUrl, String apiKey, String secret, String signatureHeader, String timestampHeader,
			Duration connectTimeout, Duration readTimeout) {

		public ProviderEndpoint endpoint() {
			return new ProviderEndpoint(baseUrl, apiKey, secret, signatureHeader, timestampHeader, connectTimeout, readTimeout, 0,
					null);
		}
	}
}
