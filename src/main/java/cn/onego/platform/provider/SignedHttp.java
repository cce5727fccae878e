package cn.onego.platform.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP to one provider: signed ({@link Signatures}), with its timeouts, behind a circuit breaker so
 * that a provider that keeps failing is left alone for a while instead of being called on every message. A call
 * either answers the provider's JSON object or throws {@link ProviderUnavailable}: the caller's outbox tries
 * again later; nothing is retried inside the call, so that no thread waits on a dead provider.
 */
public final class SignedHttp {

	private static final Logger log = LoggerFactory.getLogger(SignedHttp.class);
	private static final int MAX_BODY = 256 * 1024;

	/** The provider did not take the request: unreachable, too slow, refused, or answered nonsense. */
	public static final class ProviderUnavailable extends RuntimeException {

		public ProviderUnavailable(String message) {
			super(message);
		}
	}

	private final String name;
	private final ProviderEndpoint endpoint;
	private final HttpClient http;
	private final CircuitBreaker breaker;
	private final JsonMapper json;
	private final Clock clock;

	public SignedHttp(String name, ProviderEndpoint endpoint, JsonMapper json, Clock clock) {
		this.name = name;
		this.endpoint = endpoint;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(endpoint.failureWindow())
			.minimumNumberOfCalls(endpoint.failureWindow())
			.failureRateThreshold(50)
			.waitDurationInOpenState(endpoint.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
		breaker.getEventPublisher().onStateTransition(e -> log.warn("{}: circuit breaker {}", name, e.getStateTransition()));
	}

	public ProviderEndpoint endpoint() {
		return endpoint;
	}

	/** POSTs the object as JSON to the path under the base URL; the provider's answer as a map. */
	public Map<String, Object> post(String path, Object body) {
		return call("POST", path, json.writeValueAsBytes(body));
	}

	/** GETs the path under the base URL (signed over an empty body). */
	public Map<String, Object> get(String path) {
		return call("GET", path, new byte[0]);
	}

	private Map<String, Object> call(String method, String path, byte[] body) {
		try {
			return breaker.executeSupplier(() -> exchange(method, path, body));
		}
		catch (CallNotPermittedException e) {
			throw new ProviderUnavailable(name + ": circuit open");
		}
	}

	private Map<String, Object> exchange(String method, String path, byte[] body) {
		long now = clock.instant().getEpochSecond();
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.baseUrl().resolve(path))
			.timeout(endpoint.readTimeout())
			.header("Accept", "application/json")
			.header(endpoint.timestampHeader(), Long.toString(now))
			.header(endpoint.signatureHeader(), Signatures.sign(endpoint.secret() == null ? "" : endpoint.secret(), now, body));
		if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
			request.header("Authorization", "Bearer " + endpoint.apiKey());
		}
		if ("POST".equals(method)) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
		}
		else {
			request.GET();
		}
		HttpResponse<InputStream> response;
		byte[] answer;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				answer = in.readNBytes(MAX_BODY + 1);
			}
		}
		catch (IOException e) {
			throw new ProviderUnavailable(name + ": " + e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ProviderUnavailable(name + ": interrupted");
		}
		if (response.statusCode() / 100 != 2) {
			throw new ProviderUnavailable(name + ": HTTP " + response.statusCode());
		}
		if (answer.length > MAX_BODY) {
			throw new ProviderUnavailable(name + ": answer too large");
		}
		try {
			return json.readValue(answer, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JacksonException e) {
			throw new ProviderUnavailable(name + ": answer is not JSON");
		}
	}
}
