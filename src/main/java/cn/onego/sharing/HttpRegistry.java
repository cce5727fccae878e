package cn.onego.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.onego.catalog.Catalogue;
import cn.onego.sharing.RegistryAnswer.Failure;
import cn.onego.sharing.SharingSettings.Endpoint;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * A province's registry over HTTP+JSON (contract in docs/REGISTRIES.md): {@code GET {base-url}/subjects/{subject}}
 * answered by {@code 200 {"found":true,"data":{…}}}, or {@code 404} / {@code {"found":false}} when it holds
 * nothing. Each attempt has its connect and read timeout; timeouts, refused connections and 5xx are retried with
 * exponential backoff; a circuit breaker per registry stops asking a registry that keeps failing, so that an
 * applicant waits for a dead registry at most once per window rather than on every read.
 */
final class HttpRegistry implements RegistryConnector {

	private static final Logger log = LoggerFactory.getLogger(HttpRegistry.class);
	/** The largest answer read; a record is a few hundred bytes, anything near this is not one. */
	private static final int MAX_BODY = 256 * 1024;

	private final RegistryKind kind;
	private final Endpoint endpoint;
	private final HttpClient http;
	private final RegistryAnswers answers;
	private final Supplier<Catalogue> catalogue;
	private final Clock clock;
	private final CircuitBreaker breaker;
	private final Retry retry;

	HttpRegistry(RegistryKind kind, Endpoint endpoint, RegistryAnswers answers, Supplier<Catalogue> catalogue, Clock clock) {
		this.kind = kind;
		this.endpoint = endpoint;
		this.answers = answers;
		this.catalogue = catalogue;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.breaker = CircuitBreaker.of("registry-" + kind.registry().name(), CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(endpoint.failureWindow())
			.minimumNumberOfCalls(endpoint.failureWindow())
			.failureRateThreshold(endpoint.failureRate())
			.waitDurationInOpenState(endpoint.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
		this.retry = Retry.of("registry-" + kind.registry().name(), RetryConfig.<RegistryAnswer>custom()
			.maxAttempts(endpoint.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialBackoff(endpoint.backoff(), 2.0))
			.retryOnException(e -> e instanceof ReadFailed failed && failed.failure.transientFailure)
			.build());
		breaker.getEventPublisher()
			.onStateTransition(event -> log.warn("registry {}: circuit breaker {}", kind.registry(),
					event.getStateTransition()));
	}

	@Override
	public RegistryKind kind() {
		return kind;
	}

	@Override
	public RegistryAnswer read(String subject) {
		Supplier<RegistryAnswer> guarded = Retry.decorateSupplier(retry,
				CircuitBreaker.decorateSupplier(breaker, () -> ask(subject)));
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException e) {
			return new RegistryAnswer.Failed(Failure.CIRCUIT_OPEN);
		}
		catch (ReadFailed e) {
			return new RegistryAnswer.Failed(e.failure);
		}
	}

	/** The circuit breaker's state, for tests and operators. */
	CircuitBreaker.State state() {
		return breaker.getState();
	}

	private RegistryAnswer ask(String subject) {
		HttpRequest.Builder request = HttpRequest.newBuilder(subjectUri(subject))
			.timeout(endpoint.readTimeout())
			.header("Accept", "application/json")
			.header("X-Request-Id", UUID.randomUUID().toString())
			.GET();
		if (endpoint.bearerToken() != null && !endpoint.bearerToken().isBlank()) {
			request.header("Authorization", "Bearer " + endpoint.bearerToken());
		}
		else if (endpoint.username() != null && !endpoint.username().isBlank()) {
			String pair = endpoint.username() + ":" + (endpoint.password() == null ? "" : endpoint.password());
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
		}
		HttpResponse<InputStream> response;
		byte[] body;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				body = in.readNBytes(MAX_BODY + 1);
			}
		}
		catch (HttpTimeoutException e) {
			// the connect timeout too (HttpConnectTimeoutException)
			throw new ReadFailed(Failure.TIMEOUT);
		}
		catch (IOException e) {
			// refused, reset, unknown host, TLS
			throw new ReadFailed(Failure.CONNECTION);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new ReadFailed(Failure.UNEXPECTED);
		}
		int status = response.statusCode();
		if (status == 404) {
			return new RegistryAnswer.NotHeld();
		}
		if (status != 200) {
			throw new ReadFailed(Failure.SERVER_ERROR);
		}
		if (body.length > MAX_BODY) {
			throw new ReadFailed(Failure.GARBAGE);
		}
		try {
			return answers.read(body, kind, catalogue.get(), LocalDate.now(clock));
		}
		catch (RegistryAnswers.Garbage e) {
			log.debug("registry {} answered garbage: {}", kind.registry(), e.getMessage());
			throw new ReadFailed(Failure.GARBAGE);
		}
	}

	private URI subjectUri(String subject) {
		String base = endpoint.baseUrl().toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "subjects/"
				+ URLEncoder.encode(subject, StandardCharsets.UTF_8));
	}

	/** A failed attempt, as the retry and the circuit breaker see it. */
	private static final class ReadFailed extends RuntimeException {

		private final Failure failure;

		ReadFailed(Failure failure) {
			super(failure.tag(), null, false, false);
			this.failure = failure;
		}
	}
}
