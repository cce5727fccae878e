package cn.onego.platform.provider;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * Recognises a provider's callback (a delivery receipt, a courier's tracking event): its signature must match the
 * body under the shared secret, its time must be within {@link #TOLERANCE} of ours, and the same signature is
 * accepted once — a recorded request sent again is refused. Every refusal is the same 403, so that a caller learns
 * nothing about which part was wrong.
 */
@Component
public class SignedCallbacks {

	/** How far a callback's signing time may be from our clock; a replay later than this is refused by its time. */
	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final JdbcClient jdbc;
	private final Clock clock;

	SignedCallbacks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A callback that is not the provider's, too old, or seen before. */
	public static final class CallbackRefused extends Problem {

		public CallbackRefused() {
			super(org.springframework.http.HttpStatus.FORBIDDEN, "callback-refused", Message.of("回调未通过验证", "Callback refused"),
					Message.of("回调的签名、时间或唯一性未通过验证。", "The callback's signature, time or uniqueness did not verify."),
					java.util.List.of());
		}
	}

	/** Accepts the callback once, or throws {@link CallbackRefused}; call it in the transaction that acts on it. */
	public void accept(ProviderEndpoint provider, String timestamp, String signature, byte[] body) {
		if (provider.secret() == null || provider.secret().isBlank() || timestamp == null || !timestamp.matches("\\d{1,12}")) {
			throw new CallbackRefused();
		}
		long seconds = Long.parseLong(timestamp);
		Instant now = clock.instant();
		if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0
				|| !Signatures.matches(provider.secret(), seconds, body, signature)) {
			throw new CallbackRefused();
		}
		int fresh = jdbc.sql("INSERT INTO provider_callback (signature, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(signature.toLowerCase(java.util.Locale.ROOT), Timestamp.from(now))
			.update();
		if (fresh == 0) {
			throw new CallbackRefused();
		}
		// signatures older than the tolerance are refused by their time anyway
		jdbc.sql("DELETE FROM provider_callback WHERE received_at < ?").param(Timestamp.from(now.minus(TOLERANCE.multipliedBy(2))))
			.update();
	}
}
