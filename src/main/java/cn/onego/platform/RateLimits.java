package cn.onego.platform;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets per kind of request and per caller (an account, an address, a case number): what keeps one
 * caller from guessing passwords, codes or case numbers, or from flooding submissions. Buckets live in
 * memory, evicted when idle, so a flood of addresses cannot exhaust it; on several nodes each node limits
 * on its own, which still bounds a caller to a few times the limit.
 */
@Component
public class RateLimits {

	/** How many requests of a kind a caller may make per period; the bucket refills gradually. */
	public record Limit(long capacity, Duration period) {

		public Limit {
			if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
				throw new IllegalArgumentException("a limit needs a positive capacity and period");
			}
		}
	}

	/**
	 * The limits by name, configurable under {@code onego.rate-limits.<name>}; the defaults are in
	 * {@link #DEFAULTS}.
	 */
	@ConfigurationProperties("onego")
	public record Settings(Map<String, Limit> rateLimits) {

		public Settings {
			rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
		}
	}

	/** What each limit allows unless configured otherwise (README, "Rate limits"). */
	static final Map<String, Limit> DEFAULTS = Map.of(
			"sign-in-failures-per-address", new Limit(30, Duration.ofMinutes(15)),
			"submissions-per-account", new Limit(60, Duration.ofMinutes(10)),
			"submissions-per-address", new Limit(600, Duration.ofMinutes(10)),
			"progress-per-address", new Limit(30, Duration.ofMinutes(1)),
			"progress-per-case", new Limit(10, Duration.ofHours(1)),
			"one-time-codes-per-address", new Limit(20, Duration.ofHours(1)));

	private final Map<String, Limit> limits;
	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(2, TimeUnit.HOURS)
		.maximumSize(500_000)
		.build();

	private final MeterRegistry meters;

	RateLimits(Settings settings, MeterRegistry meters) {
		this.meters = meters;
		var merged = new java.util.HashMap<>(DEFAULTS);
		merged.putAll(settings.rateLimits());
		this.limits = Map.copyOf(merged);
	}

	/** The limit of that name; a name nobody configured is a programming error. */
	public Limit limit(String name) {
		Limit limit = limits.get(name);
		if (limit == null) {
			throw new IllegalArgumentException("no rate limit named " + name);
		}
		return limit;
	}

	/**
	 * Takes one request from the caller's bucket of that limit: empty when it may go ahead, otherwise how
	 * long until it may.
	 */
	public Optional<Duration> take(String name, String caller) {
		ConsumptionProbe probe = bucket(name, caller).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * Whether the caller's bucket is empty, without taking from it: how long until it is not. Asked where an
	 * empty bucket refuses the request, so an empty one is counted as a refusal ({@code onego_rate_limit_refusals}).
	 */
	public Optional<Duration> exhausted(String name, String caller) {
		long wait = bucket(name, caller).estimateAbilityToConsume(1).getNanosToWaitForRefill();
		if (wait == 0) {
			return Optional.empty();
		}
		refused(name);
		return Optional.of(Duration.ofNanos(wait));
	}

	/** Takes one request, refusing with 429 and Retry-After when the caller has none left (and counting the refusal). */
	public void require(String name, String caller) {
		take(name, caller).ifPresent(wait -> {
			refused(name);
			throw new TooManyRequests(wait);
		});
	}

	private void refused(String name) {
		Counter.builder("onego.rate.limit.refusals")
			.description("Requests refused with 429 by a rate limit, by the limit's name")
			.tag("limit", name)
			.register(meters)
			.increment();
	}

	private Bucket bucket(String name, String caller) {
		Limit limit = limit(name);
		return buckets.get(name + '\u0000' + caller, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
			.build());
	}
}
