package cn.onego.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/** The caller made too many requests of a kind; they may try again after {@link #retryAfter()}. */
public class TooManyRequests extends Problem {

	private final Duration retryAfter;

	public TooManyRequests(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", Message.of("请求过于频繁", "Too many requests"),
				Message.of("请求过于频繁，请于 " + seconds(retryAfter) + " 秒后再试。",
						"Too many requests; try again in " + seconds(retryAfter) + " seconds."),
				List.of());
		this.retryAfter = retryAfter;
		header("Retry-After", String.valueOf(seconds(retryAfter)));
	}

	public Duration retryAfter() {
		return retryAfter;
	}

	/** Whole seconds, at least one: what the Retry-After header says. */
	public static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}
}
