package cn.onego.cases.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.cases.PaperTransfers;
import cn.onego.cases.TransferState;
import cn.onego.identity.Actors;
import cn.onego.platform.RequestValues;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Paper transfers 原件流转", description = "The paper originals of a cross-region case (异地收件), sent by the accepting hall to the competent region's hall and signed for there")
class TransferController {

	private final PaperTransfers transfers;
	private final Actors actors;

	TransferController(PaperTransfers transfers, Actors actors) {
		this.transfers = transfers;
		this.actors = actors;
	}

	record DispatchRequest(String courier, String trackingNumber, int version) {
	}

	record ReceiptRequest(String note, int version) {
	}

	@GetMapping("/halls/{hall}/transfers")
	@Operation(summary = "A hall's paper transfers 原件流转清单", operationId = "hallTransfers",
			description = "direction=outgoing: what the hall sends (待寄出, 已寄出); incoming: what it is to sign for. Oldest first, each with the case number, the materials by name, the other hall by name, and overdue when in transit longer than the working days allowed. The hall's window clerks only.")
	@Refuses(status = 403, code = "not-yours", when = "the caller is no window clerk of the hall")
	List<PaperTransfers.TransferView> ofHall(@PathVariable String hall, @RequestParam(required = false) String direction,
			@RequestParam(required = false) TransferState state) {
		String code = RequestValues.code("hall", hall);
		return transfers.ofHall(actors.current(), code, PaperTransfers.Direction.parse(direction), state);
	}

	@PostMapping("/transfers/{id}/dispatch")
	@Operation(summary = "Send the originals 寄出原件", operationId = "dispatchTransfer",
			description = "By a window clerk of the accepting hall, with the courier and the tracking number, over the version read.")
	@Refuses(status = 403, code = "not-yours", when = "the caller is a clerk of the receiving hall")
	@Refuses(status = 409, code = "concurrent-change", when = "someone changed the transfer since it was read")
	@Refuses(status = 409, code = "illegal-transition", when = "the originals were sent already")
	PaperTransfers.TransferView dispatch(@PathVariable UUID id, @RequestBody DispatchRequest request) {
		return transfers.dispatch(actors.current(), id, request.courier(), request.trackingNumber(), request.version());
	}

	@PostMapping("/transfers/{id}/receipt")
	@Operation(summary = "Sign for the originals 签收原件", operationId = "receiveTransfer",
			description = "By a window clerk of the competent region's hall, with a note of any discrepancy, over the version read.")
	@Refuses(status = 403, code = "not-yours", when = "the caller is a clerk of the sending hall")
	@Refuses(status = 409, code = "concurrent-change", when = "someone changed the transfer since it was read")
	@Refuses(status = 409, code = "illegal-transition", when = "the originals are not in transit")
	PaperTransfers.TransferView receive(@PathVariable UUID id, @RequestBody ReceiptRequest request) {
		return transfers.receive(actors.current(), id, request.note(), request.version());
	}
}
