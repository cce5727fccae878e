package cn.onego.audit.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.audit.Anchor;
import cn.onego.audit.AuditAnchors;
import cn.onego.audit.AuditReport;
import cn.onego.audit.AuditTrail;
import cn.onego.audit.AuditVerification;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit 安全审计", description = "The tamper-evident audit trail: verification of its SM3 hash chains and SM2-signed daily anchors, anchoring on demand, the anchor key")
class AuditController {

	private final AuditVerification verification;
	private final AuditAnchors anchors;
	private final AuditTrail trail;
	private final Actors actors;

	AuditController(AuditVerification verification, AuditAnchors anchors, AuditTrail trail, Actors actors) {
		this.verification = verification;
		this.anchors = anchors;
		this.trail = trail;
		this.actors = actors;
	}

	@GetMapping("/verification")
	@Operation(summary = "Verify the audit trail 审计记录核验", operationId = "verifyAuditTrail",
			description = "Recomputes every record's SM3 hash and link from `from` (default: the first day) to `to` (default: today) and checks each day's SM2-signed anchor: the first broken link, every altered, deleted or inserted record and every bad anchor. For supervisors of a province and system administrators.")
	@Refuses(status = 403, code = "province-supervisors-only", when = "a supervisor whose region is not a province asks (other roles than supervisors and system administrators are refused by the route rule)")
	AuditReport verify(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		return verification.verify(actors.current(), from, to);
	}

	@PostMapping("/anchors")
	@Operation(summary = "Anchor the finished days now 审计锚定", operationId = "anchorAuditTrail",
			description = "Signs the chain heads of every finished day not anchored yet with the platform's SM2 key (otherwise done at ten past midnight). Answers the new anchors.")
	List<Anchor> anchor() {
		Actor actor = actors.current();
		List<Anchor> made = anchors.anchorFinishedDays();
		trail.record(actor, "audit.anchor", "audit/anchors", made.isEmpty() ? "nothing to anchor"
				: "anchored " + made.stream().map(a -> a.day().toString()).toList());
		return made;
	}

	@GetMapping("/anchor-key")
	@Operation(summary = "The public key of the anchors 审计锚定公钥", operationId = "auditAnchorKey",
			description = "The SM2 public key (PEM, X.509 SubjectPublicKeyInfo) the daily anchors are signed with (SM3withSM2, default user id), for auditors who check them on their own.")
	AuditAnchors.PublicKey anchorKey() {
		return anchors.publicKey();
	}
}
