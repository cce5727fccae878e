package cn.onego.sharing;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Times every read of a shared registry or e-licence for the operators ({@code onego_registry_reads_seconds}):
 * by source (the registry, {@code E_LICENCE}) and outcome — {@code granted} (found), {@code not_held},
 * {@code refused} (no consent covers it) or {@code error} (the read failed) — never by whom it was about. Each failed
 * read is also counted by registry and kind of failure ({@code onego_registry_failures_total}: timeout, connection,
 * server_error, garbage, circuit_open, unexpected).
 */
@Component
class RegistryReads {

	private final MeterRegistry meters;

	RegistryReads(MeterRegistry meters) {
		this.meters = meters;
	}

	<T> T timed(String source, Supplier<T> read, Function<T, String> outcome) {
		long started = System.nanoTime();
		String result = "error";
		try {
			T value = read.get();
			result = outcome.apply(value);
			return value;
		}
		finally {
			Timer.builder("onego.registry.reads")
				.description("Reads of the shared registries and e-licences (once-only), by source and outcome")
				.tags("source", source, "outcome", result)
				.publishPercentileHistogram()
				.register(meters)
				.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	void failed(String source, RegistryAnswer.Failure failure) {
		Counter.builder("onego.registry.failures")
			.description("Failed reads of the shared registries (the applicant uploads instead), by registry and kind of failure")
			.tags("source", source, "failure", failure.tag())
			.register(meters)
			.increment();
	}

	static String of(OnceOnly.Read<?> read) {
		return read.unavailable() ? "error" : !read.granted() ? "refused" : read.value().isPresent() ? "granted" : "not_held";
	}
}
