package cn.onego.platform.provider;

import java.net.URI;
import java.time.Duration;

/**
 * How OneGo reaches one provider over HTTP (an SMS platform, a courier) and how it recognises the provider's
 * callbacks: both directions carry an HMAC-SHA256 of {@code timestamp + "\n" + body} under the shared secret, in
 * the headers the provider names.
 *
 * @param baseUrl the provider's API, e.g. {@code https://sms.example.com/api/}
 * @param apiKey sent as {@code Authorization: Bearer …}; empty: none
 * @param secret the shared secret of the signatures (both ways)
 * @param signatureHeader the header of the signature, e.g. {@code X-Signature}
 * @param timestampHeader the header of the signing time in epoch seconds, e.g. {@code X-Timestamp}
 * @param connectTimeout to open a connection
 * @param readTimeout for the whole answer
 * @param failureWindow calls over which the circuit breaker judges the failure rate
 * @param openFor how long an open circuit refuses calls before trying one again
 */
public record ProviderEndpoint(URI baseUrl, String apiKey, String secret, String signatureHeader, String timestampHeader,
		Duration connectTimeout, Duration readTimeout, int failureWindow, Duration openFor) {

	public ProviderEndpoint {
		signatureHeader = signatureHeader == null || signatureHeader.isBlank() ? "X-Signature" : signatureHeader;
		timestampHeader = timestampHeader == null || timestampHeader.isBlank() ? "X-Timestamp" : timestampHeader;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
		failureWindow = failureWindow <= 0 ? 10 : failureWindow;
		openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
		if (baseUrl != null && !baseUrl.toString().endsWith("/")) {
			baseUrl = URI.create(baseUrl + "/");
		}
	}
}
