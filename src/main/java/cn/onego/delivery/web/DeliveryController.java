package cn.onego.delivery.web;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.cases.CaseId;
import cn.onego.delivery.Deliveries;
import cn.onego.delivery.DeliveryQueries;
import cn.onego.delivery.DeliveryViews;
import cn.onego.identity.Actors;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Delivery 送达", description = "How a case's result reaches the applicant: pick-up at the window with a code, or free mail with its tracking; the hall's failed messages and stuck parcels; the cost of free mail; the providers' signed callbacks")
class DeliveryController {

	private final DeliveryQueries queries;
	private final Deliveries deliveries;
	private final Actors actors;

	DeliveryController(DeliveryQueries queries, Deliveries deliveries, Actors actors) {
		this.queries = queries;
		this.deliveries = deliveries;
		this.actors = actors;
	}

	@GetMapping("/cases/{id}/delivery")
	@Operation(summary = "A case's results and their delivery 办理结果与送达", description = "Each item's result (licence number, validity, e-licence) and how it comes: pick-up at the hall (address, hours, the code — to the applicant only) or free mail (courier, tracking number, every scan until signed for). For whoever may read the case.")
	DeliveryViews.CaseDelivery caseDelivery(@PathVariable UUID id) {
		return queries.ofCase(actors.current(), CaseId.of(id));
	}

	record HandOverRequest(String code) {
	}

	@PostMapping("/cases/{id}/pick-up")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Hand the result over 凭取件码领取", description = "A clerk of the case's hall hands the result over against the applicant's 6-digit pick-up code (送达); audited. Five wrong codes lock the pick-up.")
	@Refuses(status = 409, code = "pick-up-handed-over", when = "the result was handed over already")
	@Refuses(status = 409, code = "pick-up-locked", when = "five wrong codes were entered")
	void handOverResult(@PathVariable UUID id, @RequestBody HandOverRequest request) {
		deliveries.handOver(actors.current(), CaseId.of(id), request == null ? null : request.code());
	}

	@GetMapping("/delivery/problems")
	@Operation(summary = "The hall's delivery problems 送达异常", description = "For a window clerk: messages of the hall's cases that could not be delivered (短信发送失败) and parcels not signed for after the configured days (快递超过N天未签收).")
	DeliveryViews.HallProblems deliveryProblems() {
		return queries.problems(actors.current());
	}

	@GetMapping("/delivery/statistics")
	@Operation(summary = "Free mail paid by the government 免费寄递统计", description = "Shipments and their cost (yuan) per region in a month (China time), in the supervisor's region and below.")
	DeliveryViews.Statistics deliveryStatistics(@RequestParam(required = false) String month) {
		return queries.statistics(actors.current(), month);
	}

	@PostMapping("/delivery/sms-receipts")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "SMS delivery receipt (provider callback) 短信回执", description = "Called by the SMS provider, signed: HMAC-SHA256 of the timestamp, a newline and the body under the shared secret, in the headers onego.sms.http.signature-header and timestamp-header. A forged, stale (over 5 minutes) or replayed call is refused.")
	@Refuses(status = 403, code = "callback-refused", when = "the signature, the time or the uniqueness does not verify")
	void receiveSmsReceipt(HttpServletRequest request) throws IOException {
		deliveries.smsReceipt(request::getHeader, body(request));
	}

	@PostMapping("/delivery/courier-events")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Courier scans (provider callback) 快递轨迹回调", description = "Called by the courier, signed like the SMS receipts with the courier's secret: the scans of one parcel, up to signed for.")
	@Refuses(status = 403, code = "callback-refused", when = "the signature, the time or the uniqueness does not verify")
	void receiveCourierEvents(HttpServletRequest request) throws IOException {
		deliveries.courierEvents(request::getHeader, body(request));
	}

	/** The body exactly as signed, read up to the limit (no converter may reformat what the signature covers). */
	private static byte[] body(HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readNBytes(Deliveries.MAX_CALLBACK + 1);
		if (body.length == 0 || body.length > Deliveries.MAX_CALLBACK) {
			throw InvalidInput.of("body", "invalid", Message.of("回调内容为空或过大", "the callback is empty or too large"));
		}
		return body;
	}
}
