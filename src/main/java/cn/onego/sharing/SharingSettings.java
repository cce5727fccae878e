package cn.onego.sharing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import cn.onego.catalog.Enums.Registry;

/**
 * Where the shared registries are ({@code onego.sharing.registries.<kind>}, e.g. {@code social-security}) and how
 * big the synthetic population is ({@code onego.sharing.synthetic}). A kind without a base URL is served by the
 * built-in registry on OneGo's own tables. docs/REGISTRIES.md lists every setting with its default.
 */
@ConfigurationProperties("onego.sharing")
record SharingSettings(Map<Registry, Endpoint> registries, Synthetic synthetic) {

	SharingSettings {
		registries = registries == null ? Map.of() : Map.copyOf(registries);
		synthetic = synthetic == null ? new Synthetic(null, null) : synthetic;
	}

	/**
	 * A province's registry over HTTP+JSON. Credentials: a bearer token, or a username and password (HTTP Basic),
	 * or neither (a registry inside the government network that trusts the caller's address).
	 *
	 * @param maxAttempts attempts per read, the first included (timeouts, refused connections and 5xx are retried)
	 * @param backoff the wait before the second attempt, doubled before each further one
	 * @param failureWindow how many recent calls the circuit breaker judges
	 * @param failureRate the percentage of failed calls among them that opens it
	 * @param openFor how long it stays open (reads fail at once) before letting one call try again
	 */
	record Endpoint(URI baseUrl, String bearerToken, String username, String password, Duration connectTimeout,
			Duration readTimeout, Integer maxAttempts, Duration backoff, Integer failureWindow, Integer failureRate,
			Duration openFor) {

		Endpoint {
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
			readTimeout = readTimeout == null ? Duration.ofSeconds(2) : readTimeout;
			maxAttempts = maxAttempts == null ? 3 : maxAttempts;
			backoff = backoff == null ? Duration.ofMillis(200) : backoff;
			failureWindow = failureWindow == null ? 10 : failureWindow;
			failureRate = failureRate == null ? 50 : failureRate;
			openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
			if (baseUrl != null && !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))) {
				throw new IllegalArgumentException("a registry's base-url is http or https: " + baseUrl);
			}
			if (maxAttempts < 1 || failureWindow < 1 || failureRate < 1 || failureRate > 100) {
				throw new IllegalArgumentException("max-attempts and failure-window are at least 1, failure-rate 1 to 100");
			}
		}

		/** The defaults, pointing at a base URL (tests and single-registry set-ups). */
		static Endpoint at(URI baseUrl) {
			return new Endpoint(baseUrl, null, null, null, null, null, null, null, null, null, null);
		}
	}

	/**
	 * The synthetic population loaded with the demo data: how many people, and the seed that makes them the same
	 * people on every start.
	 */
	record Synthetic(Integer people, Long seed) {

		Synthetic {
			people = people == null ? 2000 : people;
			seed = seed == null ? 20261206L : seed;
			if (people < 0 || people > 1_000_000) {
				throw new IllegalArgumentException("onego.sharing.synthetic.people is 0 to 1000000");
			}
		}
	}
}
