package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.Resolution;
import cn.onego.catalog.Item;
import cn.onego.cases.PaperTransfers.Original;
import cn.onego.cases.TransferState.Action;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.TimeOrderedIds;

/**
 * 原件流转: the paper originals of a cross-region case that the competent departments keep, travelling as one parcel
 * from the hall that accepted the case (异地收件) to the competent region's own hall. Immutable: a transition returns
 * the transfer as it is after it, one version on, and changes nothing; {@link Transfers} writes it over the version
 * read.
 *
 * @param dispatched who handed the parcel to the courier, and when (null before)
 * @param received who signed for it at the receiving hall, and when (null before)
 * @param discrepancy what the receiving clerk found missing or different, in their words (null: as listed)
 */
record PaperTransfer(UUID id, CaseId caseId, String caseNumber, HallCode from, HallCode to, List<Original> originals,
		TransferState state, Instant createdAt, String courier, String trackingNumber, Act dispatched, Act received,
		String discrepancy, int version) {

	/** A new transfer, waiting at the accepting hall. */
	static PaperTransfer open(CaseId caseId, String caseNumber, HallCode from, HallCode to, List<Original> originals, Instant at) {
		return new PaperTransfer(TimeOrderedIds.next(), caseId, caseNumber, from, to, List.copyOf(originals),
				TransferState.AWAITING_DISPATCH, at, null, null, null, null, null, 0);
	}

	/** Handed to the courier by a clerk of the accepting hall. */
	PaperTransfer dispatch(String courier, String trackingNumber, Act act) {
		TransferState next = state.after(Action.DISPATCH);
		return new PaperTransfer(id, caseId, caseNumber, from, to, originals, next, createdAt, courier, trackingNumber, act, received,
				discrepancy, version + 1);
	}

	/** Signed for by a clerk of the receiving hall, with what they found different (or null). */
	PaperTransfer receive(String discrepancy, Act act) {
		TransferState next = state.after(Action.RECEIVE);
		return new PaperTransfer(id, caseId, caseNumber, from, to, originals, next, createdAt, courier, trackingNumber, dispatched,
				act, discrepancy, version + 1);
	}

	/**
	 * Whether the parcel has been on its way longer than {@code days} working days of the calendar: still in transit
	 * after the day that many working days after the day it was sent (the day of sending not counted, as for every
	 * limit).
	 */
	boolean overdue(LocalDate today, ZoneId zone, WorkingDayCalendar calendar, int days) {
		if (state != TransferState.IN_TRANSIT || dispatched == null) {
			return false;
		}
		LocalDate sent = LocalDate.ofInstant(dispatched.at(), zone);
		return today.isAfter(calendar.plusWorkingDays(sent, days));
	}

	/**
	 * The originals the competent departments keep (原件): of the applicable items' materials those asking for at least
	 * one original, that the applicant handed in themself — uploaded, not obtained from a registry or as an
	 * e-licence, not replaced by the merged form, an earlier item or a commitment, and not a gap still missing. A
	 * material several items keep travels once, with the most originals any of them asks for: the departments of one
	 * region share the parcel at their hall.
	 *
	 * @param notHandedIn the materials accepted as gaps (容缺) or replaced by a commitment at acceptance
	 */
	static List<Original> keptOriginals(List<Item> items, List<MaterialEntry> resolved, Set<String> notHandedIn) {
		Map<String, MaterialEntry> handedIn = new LinkedHashMap<>();
		for (MaterialEntry m : resolved) {
			if (m.source() == Resolution.Source.UPLOAD && m.attachment() != null && !m.gap() && !notHandedIn.contains(m.material())) {
				handedIn.put(m.material(), m);
			}
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Item item : items) {
			for (Item.ItemMaterial asked : item.materials()) {
				if (asked.originals() > 0 && handedIn.containsKey(asked.material())) {
					counts.merge(asked.material(), asked.originals(), Math::max);
				}
			}
		}
		return counts.entrySet().stream().map(e -> new Original(e.getKey(), handedIn.get(e.getKey()).name(), e.getValue())).toList();
	}
}
