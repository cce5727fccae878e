package cn.onego.audit;

import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.onego.catalog.MatterDraftChanged;
import cn.onego.identity.StaffAccountChanged;

/**
 * The administrators' own work that changes who may do what: staff accounts opened, disabled and enabled; and
 * what they change in the catalogue: each step of a composed matter from its draft to its publication.
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

	@EventListener
	void on(MatterDraftChanged changed) {
		trail.record(changed.by(), "matter-draft." + changed.step(), "matter-draft/" + changed.draft(),
				(changed.code() == null ? "" : changed.code()) + (changed.detail().isEmpty() ? "" : ": " + changed.detail()));
	}
}
