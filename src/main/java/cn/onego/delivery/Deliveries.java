package cn.onego.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Service;

import cn.onego.audit.AuditTrail;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.identity.Actor;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.provider.ProviderEndpoint;
import cn.onego.platform.provider.SignedCallbacks;
import cn.onego.platform.sms.SmsReceipts;
import cn.onego.platform.sms.SmsSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changes a result's way: the window clerk hands a result over against its pick-up code (送达 at the window,
 * audited), and the providers report — the SMS provider's delivery receipts, the courier's scans — on callbacks
 * signed with their shared secret ({@link SignedCallbacks}: a forged, stale or replayed one is refused).
 */
@Service
public class Deliveries {

	/** The largest callback body read; a receipt or a few scans are a few hundred bytes. */
	public static final int MAX_CALLBACK = 64 * 1024;

	private final CaseQueries cases;
	private final PickUps pickUps;
	private final Shipments shipments;
	private final ShipmentDispatch dispatch;
	private final SignedCallbacks callbacks;
	private final SmsReceipts receipts;
	private final SmsSettings sms;
	private final CourierSettings courier;
	private final AuditTrail audit;
	private final JsonMapper json;

	Deliveries(CaseQueries cases, PickUps pickUps, Shipments shipments, ShipmentDispatch dispatch, SignedCallbacks callbacks,
			SmsReceipts receipts, SmsSettings sms, CourierSettings courier, AuditTrail audit, JsonMapper json) {
		this.cases = cases;
		this.pickUps = pickUps;
		this.shipments = shipments;
		this.dispatch = dispatch;
		this.callbacks = callbacks;
		this.receipts = receipts;
		this.sms = sms;
		this.courier = courier;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * A clerk of the case's hall hands the result over to whoever shows its pick-up code; anybody else does not
	 * find the case. Not in one transaction: a wrong code stays counted although it is refused.
	 */
	public void handOver(Actor clerk, CaseId caseId, String code) {
		CaseFile c = cases.caseFile(clerk, caseId);
		if (!clerk.clerkOf(c.place().hall().toString())) {
			throw new NotFound("办件", "Case", caseId.toString());
		}
		if (code == null || !code.matches("\\d{6}")) {
			throw InvalidInput.of("code", "invalid", Message.of("请输入6位数字取件码", "enter the 6-digit pick-up code"));
		}
		PickUps.PickUp pickUp = pickUps.ofCase(caseId.value())
			.orElseThrow(() -> new NotFound("待领取的结果", "Result waiting for pick-up", c.number().value()));
		pickUps.handOver(pickUp, code, clerk.username());
		audit.record(clerk, "delivery.hand-over", "case/" + c.id(), "case " + c.number().value() + " handed over against its pick-up code");
	}

	/** The SMS provider's receipt: {@code {"id": "…", "status": "DELIVERED" | "FAILED", "reason": "…"}}. */
	public void smsReceipt(UnaryOperator<String> headers, byte[] body) {
		ProviderEndpoint provider = sms.http().endpoint();
		callbacks.accept(provider, headers.apply(provider.timestampHeader()), headers.apply(provider.signatureHeader()), body);
		Map<String, Object> receipt = read(body);
		Object id = receipt.get("id");
		Object status = receipt.get("status");
		if (!(id instanceof String providerId) || providerId.isBlank() || providerId.length() > 100
				|| !("DELIVERED".equals(status) || "FAILED".equals(status))) {
			throw InvalidInput.of("status", "invalid", Message.of("回执须有 id 和 status（DELIVERED 或 FAILED）", "a receipt has an id and a status (DELIVERED or FAILED)"));
		}
		Object reason = receipt.get("reason");
		if (!receipts.receipt(providerId, "DELIVERED".equals(status), reason == null ? null : reason.toString())) {
			throw new NotFound("短信", "Message", providerId);
		}
	}

	/** The courier's scans of one parcel: {@code {"trackingNumber": "…", "events": [{"state", "at", "place"}]}}. */
	public void courierEvents(UnaryOperator<String> headers, byte[] body) {
		ProviderEndpoint provider = courier.http().endpoint();
		callbacks.accept(provider, headers.apply(provider.timestampHeader()), headers.apply(provider.signatureHeader()), body);
		Map<String, Object> message = read(body);
		if (!(message.get("trackingNumber") instanceof String number) || !(message.get("events") instanceof List<?> list)
				|| list.size() > 100) {
			throw InvalidInput.of("events", "invalid", Message.of("须有 trackingNumber 和 events", "trackingNumber and events are required"));
		}
		List<TrackingEvent> events = new ArrayList<>();
		for (Object item : list) {
			try {
				events.add(HttpCourier.event(item instanceof Map<?, ?> map ? map : Map.of()));
			}
			catch (RuntimeException e) {
				throw InvalidInput.of("events", "invalid", Message.of("扫描记录格式不正确", "a scan is malformed"));
			}
		}
		Shipment shipment = shipments.byTrackingNumber(number).orElseThrow(() -> new NotFound("快递", "Shipment", number));
		dispatch.tracked(shipment.id(), events);
	}

	private Map<String, Object> read(byte[] body) {
		try {
			return json.readValue(body, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JacksonException e) {
			throw InvalidInput.of("body", "invalid", Message.of("回调内容不是 JSON 对象", "the callback is not a JSON object"));
		}
	}
}
