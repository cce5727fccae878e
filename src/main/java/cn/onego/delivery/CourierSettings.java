package cn.onego.delivery;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.onego.platform.provider.ProviderEndpoint;

/**
 * The courier settings ({@code onego.courier.*}).
 *
 * @param mode {@code simulated} (the default: shipments advance by themselves) or {@code http}
 * @param name the courier as applicants read it, in Chinese; {@code nameEn} in English
 * @param step in the simulated mode, the time between two scans of a parcel
 * @param cost in the simulated mode, what one shipment costs (yuan); an assumption, not a tariff
 * @param trackInterval how often open shipments are ordered and followed
 * @param firstRetry the wait after a failed order or look-up, doubled on each further failure, up to an hour
 * @param stuckAfterDays a shipment not signed for so many days after it was ordered is shown to the hall's staff
 * @param http the courier's endpoint in the {@code http} mode
 */
@ConfigurationProperties("onego.courier")
record CourierSettings(String mode, String name, String nameEn, Duration step, BigDecimal cost, Duration trackInterval,
		Duration firstRetry, Integer stuckAfterDays, Http http) {

	CourierSettings {
		mode = mode == null || mode.isBlank() ? "simulated" : mode;
		name = name == null || name.isBlank() ? "中国邮政 EMS" : name;
		nameEn = nameEn == null || nameEn.isBlank() ? "China Post EMS" : nameEn;
		step = step == null ? Duration.ofMinutes(30) : step;
		cost = cost == null ? new BigDecimal("12.00") : cost;
		trackInterval = trackInterval == null ? Duration.ofMinutes(1) : trackInterval;
		firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
		stuckAfterDays = stuckAfterDays == null ? 5 : stuckAfterDays;
		http = http == null ? new Http(null, null, null, null, null, null, null) : http;
	}

	Duration backoff(int failed) {
		Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(failed - 1, 0), 20));
		return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
	}

	/** {@code onego.courier.http.*}: see {@link ProviderEndpoint}. */
	record Http(URI baseUrl, String apiKey, String secret, String signatureHeader, String timestampHeader, Duration connectTimeout,
			Duration readTimeout) {

		ProviderEndpoint endpoint() {
			return new ProviderEndpoint(baseUrl, apiKey, secret, signatureHeader, timestampHeader, connectTimeout, readTimeout, 0, null);
		}
	}
}
