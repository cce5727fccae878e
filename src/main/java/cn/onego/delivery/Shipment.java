package cn.onego.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The result bundle of one case mailed free of charge from its hall to the applicant (办事政府买单: the cost is
 * the government's and counted in the statistics).
 *
 * @param waybill the tracking number the clerk wrote at issue, if any (a pre-printed waybill); the courier keeps it
 * @param trackingNumber the courier's number, once it took the order
 * @param costYuan what the government pays for it, once the courier took the order
 * @param createdAt when the courier took the order
 */
record Shipment(UUID id, UUID caseId, String caseNumber, String hall, String region, String courier, String waybill,
		String trackingNumber, ShipmentState state, BigDecimal costYuan, Recipient recipient, Instant requestedAt,
		Instant createdAt, Instant settledAt, int attempts, String lastError) {

	/** Who receives it, sealed at rest. */
	record Recipient(String name, String mobile, String address) {
	}
}
