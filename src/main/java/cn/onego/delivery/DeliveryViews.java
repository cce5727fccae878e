package cn.onego.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.onego.shared.Label;

/** What the pages and API clients see of a result's way to the applicant. */
public final class DeliveryViews {

	private DeliveryViews() {
	}

	/**
	 * A case's results and how they come: by pick-up at the hall or by free mail (one of the two is present once
	 * the case is ready or issued).
	 */
	public record CaseDelivery(UUID caseId, String caseNumber, String caseState, String method, List<ItemResult> results,
			PickUpView pickUp, ShipmentView shipment) {
	}

	/**
	 * An item's result: approved or refused, the licence (证照) with its number, and its validity and e-licence (电子证照)
	 * once issued.
	 */
	public record ItemResult(String item, Label itemName, String state, String kind, String name, String number,
			LocalDate validUntil, UUID eLicence, UUID taskId, Label resultName) {
	}

	/** A hall as the public meets it, in both languages. */
	public record Place(Label name, Label address, String phone, Label hours) {
	}

	/**
	 * A result waiting at the window: where, and its code — shown to the applicant only — and whether it was handed
	 * over ({@code READY}, {@code HANDED_OVER}).
	 */
	public record PickUpView(Place hall, String state, String code, Instant readyAt, Instant handedOverAt) {
	}

	/** A result by free mail: the courier, its tracking number, where it is and every scan until signed for. */
	public record ShipmentView(Label courier, String trackingNumber, String state, BigDecimal costYuan, Place from,
			Instant requestedAt, List<TrackingEvent> events) {
	}

	/** What the hall's staff should look at: messages that could not be delivered, parcels not signed for in time. */
	public record HallProblems(int stuckAfterDays, List<FailedMessage> failedSms, List<StuckShipment> stuckShipments) {
	}

	public record FailedMessage(UUID caseId, String caseNumber, String mobile, int attempts, String lastError, Instant failedAt) {
	}

	public record StuckShipment(UUID caseId, String caseNumber, String trackingNumber, String state, Instant requestedAt,
			int attempts, String lastError) {
	}

	/** Free mail paid by the government (办事政府买单): shipments and their cost per region in a month. */
	public record Statistics(String month, String region, long shipments, BigDecimal costYuan, List<RegionTotal> regions) {
	}

	public record RegionTotal(String region, long shipments, BigDecimal costYuan) {
	}
}
