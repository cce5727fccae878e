package cn.onego.identity;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.onego.platform.ChangeSignals;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The staff accounts this node looked up, for a staff member's account is read at every request they make. An
 * account is kept only while the node hears every change of the table ({@link ChangeSignals}, V74's trigger), and is
 * forgotten as soon as a change of it is heard — made on this node or another, through the administration or by an
 * operator's SQL — so that a disabled account, or a role taken away, is refused at its next request. A change this
 * node makes is forgotten at its commit too, without waiting for its signal. The password hash is never kept:
 * signing in reads the account afresh.
 * <p>
 * {@code onego.identity.staff-cache} bounds how many accounts are kept (10,000; {@code 0} keeps none).
 */
@Component
class StaffCache {

	static final String CHANNEL = "onego_staff_account";

	/** An account as read (or that there is none), and the generation of the signals it was read in. */
	private record Kept(long generation, Optional<StaffAccounts.Staff> staff) {
	}

	private final ChangeSignals signals;
	private final boolean enabled;
	private final Cache<String, Kept> kept;
	/** Moves whenever changes may have gone unheard: what was read before it is not used again. */
	private final AtomicLong generation = new AtomicLong();

	StaffCache(ChangeSignals signals, @Value("${onego.identity.staff-cache:10000}") int size, MeterRegistry meters) {
		this.signals = signals;
		this.enabled = size > 0;
		// a bound in time as well, should a change ever go unheard while the node thought it heard them all
		this.kept = Caffeine.newBuilder().maximumSize(Math.max(size, 1)).expireAfterWrite(Duration.ofMinutes(10)).recordStats().build();
		CaffeineCacheMetrics.monitor(meters, kept, "staff-accounts");
		signals.listen(CHANNEL, new ChangeSignals.Listener() {

			@Override
			public void changed(String username) {
				if (username.isEmpty()) {
					missed(); // the table was emptied
				}
				else {
					kept.invalidate(username);
				}
			}

			@Override
			public void missed() {
				generation.incrementAndGet();
				kept.invalidateAll();
			}
		});
	}

	/** The account as kept, or as {@code read} reads it now (and then kept, if every change is heard). */
	Optional<StaffAccounts.Staff> find(String username, Function<String, Optional<StaffAccounts.Staff>> read) {
		if (!enabled || !signals.listening()) {
			return read.apply(username);
		}
		long readIn = generation.get();
		Kept found = kept.get(username, name -> new Kept(readIn, read.apply(name).map(StaffCache::withoutPassword)));
		if (found.generation() != generation.get()) {
			// read before changes went unheard: not to be trusted
			kept.invalidate(username);
			return read.apply(username);
		}
		return found.staff();
	}

	/**
	 * This transaction changes the account: it is forgotten now, and again when the transaction ends (a request of
	 * the account meanwhile may have kept it as it was before the commit).
	 */
	void forget(String username) {
		kept.invalidate(username);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					kept.invalidate(username);
				}
			});
		}
	}

	private static StaffAccounts.Staff withoutPassword(StaffAccounts.Staff staff) {
		return new StaffAccounts.Staff(staff.user(), null, staff.disabled(), staff.temporaryPassword());
	}
}
