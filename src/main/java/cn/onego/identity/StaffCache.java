package cn.onego.identity;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.onego.platform.ChangeSignals;
import cn.onego.platform.KeptWhileHeard;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The staff accounts this node looked up, for a staff member's account is read at every request they make. An
 * account is kept only while the node hears every change of the table ({@link KeptWhileHeard}, V74's trigger), and is
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

	private final KeptWhileHeard<String, Optional<StaffAccounts.Staff>> kept;

	StaffCache(ChangeSignals signals, @Value("${onego.identity.staff-cache:10000}") int size, MeterRegistry meters) {
		// an empty username: the table was emptied
		this.kept = new KeptWhileHeard<>(signals, CHANNEL, username -> username.isEmpty() ? null : username, "staff-accounts", size,
				meters);
	}

	/** The account as kept, or as {@code read} reads it now (and then kept, if every change is heard). */
	Optional<StaffAccounts.Staff> find(String username, Function<String, Optional<StaffAccounts.Staff>> read) {
		return kept.get(username, name -> read.apply(name).map(StaffCache::withoutPassword));
	}

	/** This transaction changes the account: forgotten now, and again when the transaction ends. */
	void forget(String username) {
		kept.forget(username);
	}

	private static StaffAccounts.Staff withoutPassword(StaffAccounts.Staff staff) {
		return new StaffAccounts.Staff(staff.user(), null, staff.disabled(), staff.temporaryPassword());
	}
}
