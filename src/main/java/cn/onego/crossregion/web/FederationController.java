package cn.onego.crossregion.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.crossregion.Federation;
import cn.onego.crossregion.FederationInbox;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The protocol between OneGo instances (docs/FEDERATION.md): who this instance is, and the signed messages of its
 * partners. Public for the session rules: the signature of each message is its authentication.
 */
@RestController
@RequestMapping("/federation/v1")
@Tag(name = "Federation 跨平台互通", description = "Between OneGo instances (or any system speaking the protocol of docs/FEDERATION.md): the instance's identity and SM2 public key, and the messages of partner instances, each signed with SM3withSM2 over method, path, timestamp, nonce and the body's SM3")
class FederationController {

	/** The version of the protocol this instance speaks, in the instance description. */
	static final String PROTOCOL_VERSION = "1";

	private final Federation federation;
	private final FederationInbox inbox;

	FederationController(Federation federation, FederationInbox inbox) {
		this.federation = federation;
		this.inbox = inbox;
	}

	/** Who this instance is, for an administrator of a partner to configure. */
	record InstanceDescription(@Schema(description = "The instance's id: the X-OneGo-Instance of its requests") String id,
			String name,
			@Schema(description = "The SM2 public key (curve sm2p256v1) as the base64 of its X.509 SubjectPublicKeyInfo") String publicKey,
			@Schema(description = "The first 32 hex digits of the SM3 of the key's X.509 encoding: compare it by telephone before trusting the key") String keyFingerprint,
			@Schema(description = "Always SM3withSM2") String signatureAlgorithm,
			@Schema(description = "The region-code prefixes this instance serves; empty: every region no partner serves") List<String> serves,
			@Schema(description = "The protocol's version") String protocolVersion) {
	}

	/** What a message is: its kind and what it says. */
	record MessageBody(@Schema(description = "What the message is, e.g. case.forward; the receiver has a handler per kind", example = "case.forward",
			requiredMode = Schema.RequiredMode.REQUIRED) String kind,
			@Schema(description = "What the kind's handler reads; any JSON value") Object payload) {
	}

	/** The answer to a message taken: the same at every delivery of it. */
	record ReceiptDescription(String messageId, @Schema(description = "The handler's answer; any JSON value, null when it has none") Object response) {
	}

	@GetMapping("/instance")
	@Operation(summary = "This instance and its public key 本平台实例信息", description = "The instance's id, name, SM2 public key (base64 X.509), the regions it serves and the protocol version: what an administrator of a partner instance configures. Public.")
	InstanceDescription instance() {
		return new InstanceDescription(federation.instanceId(), federation.instanceName(), federation.publicKeyBase64(),
				federation.keyFingerprint(), "SM3withSM2",
				federation.serves(), PROTOCOL_VERSION);
	}

	@PutMapping(path = "/messages/{messageId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A partner's signed message 合作平台的消息", description = """
			Sent by a partner instance, at most 32 MB, signed: `X-OneGo-Signature` is the base64 SM3withSM2 signature (default \
			user id) of `PUT\\n/federation/v1/messages/{messageId}\\n{X-OneGo-Timestamp}\\n{X-OneGo-Nonce}\\n{hex SM3 of the raw body}` \
			with the key of the instance named in `X-OneGo-Instance`. Handled once per (instance, messageId): the same message \
			again — a retry after a lost answer, with a fresh nonce — is answered with the stored response and not handled \
			again. A sender retries after 408, 429, 409 `replayed`, 5xx or no answer; any other 4xx is final. No session, no \
			CSRF token: the signature is the authentication (docs/FEDERATION.md).""",
			parameters = {
					@Parameter(in = ParameterIn.HEADER, name = "X-OneGo-Instance", required = true, description = "The sender's instance id", schema = @Schema(type = "string")),
					@Parameter(in = ParameterIn.HEADER, name = "X-OneGo-Timestamp", required = true, description = "When it was signed, an ISO-8601 instant; at most 300 s from the receiver's clock", schema = @Schema(type = "string", format = "date-time")),
					@Parameter(in = ParameterIn.HEADER, name = "X-OneGo-Nonce", required = true, description = "16 to 128 random characters of A-Z a-z 0-9 _ -, never used before by the sender", schema = @Schema(type = "string", pattern = "^[A-Za-z0-9_-]{16,128}$")),
					@Parameter(in = ParameterIn.HEADER, name = "X-OneGo-Signature", required = true, description = "Base64 SM3withSM2 signature of the canonical string", schema = @Schema(type = "string")) },
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = MessageBody.class))))
	@ApiResponse(responseCode = "200", description = "Taken (now or before): the handler's response", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ReceiptDescription.class)))
	@Refuses(status = 401, code = "unknown-instance", when = "the sender is not a partner of this instance")
	@Refuses(status = 401, code = "bad-signature", when = "the signature does not verify with the sender's key")
	@Refuses(status = 401, code = "stale-timestamp", when = "the timestamp is missing or more than 300 seconds from the receiver's clock")
	@Refuses(status = 401, code = "bad-nonce", when = "the nonce is missing or malformed")
	@Refuses(status = 409, code = "replayed", when = "the nonce was used before by the sender: sign the retry with a fresh one")
	@Refuses(status = 413, code = "too-large", when = "the body is over 32 MB")
	@Refuses(status = 422, code = "unknown-kind", when = "this instance handles no message of the kind")
	@Refuses(status = 422, code = "message-refused", when = "the kind's handler refused the message for good, with its reason")
	@Refuses(status = 422, code = "message-id-reused", when = "the message id was used before by the sender for a different body")
	FederationInbox.Receipt receive(@PathVariable String messageId, HttpServletRequest request) throws IOException {
		byte[] body = request.getInputStream().readNBytes(FederationInbox.MAX_BODY + 1);
		return inbox.receive(new FederationInbox.Arrival(messageId, request.getHeader("X-OneGo-Instance"),
				request.getHeader("X-OneGo-Timestamp"), request.getHeader("X-OneGo-Nonce"), request.getHeader("X-OneGo-Signature"), body));
	}
}
