package cn.onego.licences.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.onego.identity.Actors;
import cn.onego.licences.IssuerKeys;
import cn.onego.licences.LicenceType;
import cn.onego.licences.Revocations;
import cn.onego.licences.Verification;
import cn.onego.licences.Wallet;
import cn.onego.platform.web.RateLimited;
import cn.onego.platform.web.Refuses;
import cn.onego.shared.Label;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Electronic licences 电子证照", description = "Public verification by number or QR, the issuers' public keys, the holder's wallet (QR, PDF) and revocation")
class LicenceController {

	private final Verification verification;
	private final IssuerKeys keys;
	private final Wallet wallet;
	private final Revocations revocations;
	private final Actors actors;

	LicenceController(Verification verification, IssuerKeys keys, Wallet wallet, Revocations revocations, Actors actors) {
		this.verification = verification;
		this.keys = keys;
		this.wallet = wallet;
		this.revocations = revocations;
		this.actors = actors;
	}

	record TypeView(String code, Label name) {
	}

	record RevocationRequest(String kind, String reason) {
	}

	record RevocationAnswer(UUID id, Verification.Status status) {
	}

	@GetMapping("/e-licences/verification")
	@RateLimited(perAddress = "licence-verifications-per-address")
	@Operation(summary = "Verify an electronic licence without signing in 电子证照核验",
			description = "By type and number (as printed), or by what its QR carries (id: the identifier, code: the verification code). "
					+ "Checks the issuer's signature and answers VALID, NOT_YET_VALID, EXPIRED, REVOKED, NOT_GENUINE or NOT_FOUND, with the type, "
					+ "the holder masked, the issuer and the validity only. Rate-limited per address and per licence (429 with Retry-After).")
	@Refuses(status = 429, code = "too-many-requests", when = "more verifications come from the address, or ask for the licence, than the limits licence-verifications-per-address and licence-verifications-per-licence allow")
	Verification.Answer verify(@RequestParam(required = false) String type, @RequestParam(required = false) String number,
			@RequestParam(required = false) String id, @RequestParam(required = false) String code) {
		return id != null || code != null ? verification.byIdentifier(id, code) : verification.byNumber(type, number);
	}

	@GetMapping("/e-licences/types")
	@Operation(summary = "The kinds of electronic licence 证照类型", description = "For the verification form.")
	List<TypeView> types() {
		return LicenceType.known().stream().map(t -> new TypeView(t.code(), t.name())).toList();
	}

	@GetMapping("/e-licences/issuer-keys")
	@Operation(summary = "The issuing departments' public keys 发证机关公钥",
			description = "SM2 (SM3withSM2, default user id) or ECDSA P-256 public keys, Base64 of X.509 SubjectPublicKeyInfo, for verifiers who check signatures themselves.")
	List<IssuerKeys.PublishedKey> issuerKeys() {
		return keys.published();
	}

	@GetMapping("/my/e-licences")
	@Operation(summary = "My licences 我的证照夹", operationId = "myLicences",
			description = "The signed-in applicant's own licences; with holder (a credit code), those of an enterprise they are the legal representative or authorised handler of (otherwise 404).")
	List<Wallet.Entry> mine(@RequestParam(required = false) String holder) {
		return wallet.of(actors.current(), holder);
	}

	@GetMapping(path = "/my/e-licences/{id}/qr.svg", produces = "image/svg+xml")
	@Operation(summary = "The QR code of one of my licences 证照二维码", description = "Encodes its verification URL on this platform.")
	ResponseEntity<String> qr(@PathVariable UUID id, @RequestParam(required = false) String holder) {
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(wallet.qrSvg(actors.current(), holder, id, site()));
	}

	@GetMapping(path = "/my/e-licences/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "One of my licences as a PDF 下载证照", description = "The data on it, its QR and its identifier.")
	@Refuses(status = 503, code = "pdf-font-missing", when = "the server lacks the Chinese font for PDFs")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @RequestParam(required = false) String holder) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("e-licence-" + id + ".pdf").build().toString())
			.body(wallet.pdf(actors.current(), holder, id, site()));
	}

	@PostMapping("/e-licences/{id}/revocation")
	@Operation(summary = "Revoke a licence 撤销、注销或吊销证照",
			description = "By a system administrator, or the head of the department that issued it; kind RESCINDED (撤销), CANCELLED (注销), REVOKED (吊销) or OTHER, with the reason. Audited.")
	@Refuses(status = 409, code = "licence-already-revoked", when = "the licence was ended before")
	RevocationAnswer revoke(@PathVariable UUID id, @RequestBody RevocationRequest request) {
		return new RevocationAnswer(id, revocations.revoke(actors.current(), id, request.kind(), request.reason()));
	}

	private static String site() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}
}
