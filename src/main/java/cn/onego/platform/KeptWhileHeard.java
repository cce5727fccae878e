package cn.onego.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Copies of rows a node keeps only while it hears every change of them ({@link ChangeSignals}, ADR 0014): a copy is
 * forgotten when its key is heard on the table's channel, all of them when the node may have missed a change, and one
 * read before such a gap is never used after it. Ten minutes bound a copy's life in any case.
 *
 * @param <K> the key a copy is found by
 * @param <V> the copy (never null: an absent row is kept as an empty {@code Optional})
 */
public final class KeptWhileHeard<K, V> {

	/** A copy and the generation of signals it was read in. */
	private record Kept<V>(long generation, V value) {
	}

	private final ChangeSignals signals;
	private final boolean enabled;
	private final Cache<K, Kept<V>> kept;
	/** Moves whenever changes may have gone unheard: what was read before it is not used again. */
	private final AtomicLong generation = new AtomicLong();

	/**
	 * Copies of the rows whose changes are signalled on {@code channel}; {@code keyOf} turns a signal's payload into
	 * the key of the copy to forget (null: forget them all). {@code size} 0 keeps none.
	 */
	public KeptWhileHeard(ChangeSignals signals, String channel, Function<String, K> keyOf, String name, int size,
			MeterRegistry meters) {
		this.signals = signals;
		this.enabled = size > 0;
		this.kept = Caffeine.newBuilder().maximumSize(Math.max(size, 1)).expireAfterWrite(Duration.ofMinutes(10)).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, kept, name);
		signals.listen(channel, new ChangeSignals.Listener() {

			@Override
			public void changed(String payload) {
				K key = keyOf.apply(payload);
				if (key == null) {
					missed();
				}
				else {
					kept.invalidate(key);
				}
			}

			@Override
			public void missed() {
				generation.incrementAndGet();
				kept.invalidateAll();
			}
		});
	}

	/**
	 * The copy of the key, or what {@code read} reads now (then kept, if every change is heard). A transaction that
	 * changed these rows reads them itself, and keeps nothing it read before its commit.
	 */
	public V get(K key, Function<K, V> read) {
		if (!enabled || !signals.listening() || TransactionSynchronizationManager.hasResource(this)) {
			return read.apply(key);
		}
		long readIn = generation.get();
		Kept<V> found = kept.get(key, k -> new Kept<>(readIn, read.apply(k)));
		if (found.generation() != generation.get()) {
			// read before changes went unheard: not to be trusted
			kept.invalidate(key);
			return read.apply(key);
		}
		return found.value();
	}

	/**
	 * This transaction changes the row of the key: its copy is forgotten now, and again when the transaction ends (a
	 * reader meanwhile may have kept it as it was before the commit).
	 */
	public void forget(K key) {
		kept.invalidate(key);
		atTheEnd(() -> kept.invalidate(key));
	}

	/** This transaction changes rows that many copies rest on: all are forgotten now and when it ends. */
	public void forgetAll() {
		kept.invalidateAll();
		atTheEnd(kept::invalidateAll);
	}

	private void atTheEnd(Runnable forget) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		if (!TransactionSynchronizationManager.hasResource(this)) {
			// until it ends, this transaction reads these rows itself: it sees its own changes, the copies do not
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(
					afterCompletion(() -> TransactionSynchronizationManager.unbindResourceIfPossible(this)));
		}
		TransactionSynchronizationManager.registerSynchronization(afterCompletion(forget));
	}

	private static TransactionSynchronization afterCompletion(Runnable run) {
		return new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				run.run();
			}
		};
	}
}
