/**
 * Delivery (送达): how a case's result reaches its applicant. A result to be picked up gets a pick-up code (取件码),
 * texted when the case is ready ({@code CaseReady}) and checked by the window clerk at the hand-over; a result to be
 * mailed free of charge (免费邮寄, 办事政府买单) gets a shipment ordered from the courier when the case is issued
 * ({@code CaseIssued}), followed through its scans until signed for, its cost counted per region and month. The
 * courier is a port ({@link cn.onego.delivery.Courier}: simulated by default, or HTTP); the providers' callbacks
 * (courier scans, SMS delivery receipts) are signed. Listens to {@code cases}' events and reads cases only through
 * {@link cn.onego.cases.CaseQueries} and halls through {@link cn.onego.cases.Halls}; the e-licences of the results
 * through {@link cn.onego.licences.ELicences}. Publishes nothing. Public API: {@link cn.onego.delivery.DeliveryQueries},
 * {@link cn.onego.delivery.Deliveries}, {@link cn.onego.delivery.DeliveryViews}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery", allowedDependencies = { "shared", "platform",
		"catalog", "application", "cases", "identity", "licences", "audit" })
package cn.onego.delivery;
