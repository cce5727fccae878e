package cn.onego.audit;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.onego.identity.StaffAccountChanged;

/**
 * The administrators' own work that changes who may do what: staff accounts opened, disabled and enabled.
 * Heard synchronously, in the change's transaction, so the record commits with the change or not at all
 * (identity cannot call the trail: the trail needs identity to describe its actors).
 */
@Component
class AdministrationRecords {

	private final AuditTrail trail;

	AdministrationRecords(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener
	void on(StaffAccountChanged changed) {
		trail.record(changed.by(), "staff-account." + changed.change().name().toLowerCase(Locale.ROOT),
				"staff-account/" + changed.username(), changed.detail());
	}
}
