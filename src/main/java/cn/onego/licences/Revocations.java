package cn.onego.licences;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.audit.AuditTrail;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.platform.Text;

/**
 * Ending a licence before its time, with its kind (撤销, 注销, 吊销, other) and reason: by a system administrator, or
 * by the head of the department that issued it. Anyone else is not told the licence exists. Every revocation is
 * recorded in the audit trail; a revoked licence stays revoked.
 */
@Service
public class Revocations {

	private final ELicences licences;
	private final Verification verification;
	private final AuditTrail trail;

	Revocations(ELicences licences, Verification verification, AuditTrail trail) {
		this.licences = licences;
		this.verification = verification;
		this.trail = trail;
	}

	/**
	 * Revokes the licence; what a verifier now finds.
	 *
	 * @throws NotFound when there is no such licence, or the actor may not revoke it
	 * @throws AlreadyRevoked when it was revoked before
	 */
	@Transactional
	public Verification.Status revoke(Actor actor, UUID id, String kind, String reason) {
		// who may first, as for every decision: a licence the actor may not revoke is not there for them
		ELicences.Stored stored = licences.byId(id)
			.filter(s -> actor.has(Role.SYSTEM_ADMIN)
					|| (actor.has(Role.DEPARTMENT_HEAD) && s.licence().department() != null && s.licence().department().equals(actor.department())))
			.orElseThrow(() -> new NotFound("电子证照", "Electronic licence", id.toString()));
		List<FieldProblem> problems = new ArrayList<>();
		RevocationKind revocationKind = null;
		try {
			revocationKind = kind == null ? null : RevocationKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			// named below
		}
		if (revocationKind == null) {
			problems.add(new FieldProblem("kind", "invalid", Message.of("请选择撤销、注销、吊销或其他", "choose rescinded, cancelled, revoked or other")));
		}
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "required", Message.of("请写明理由", "give the reason")));
		}
		Text.check(problems, "reason", reason, Text.Kind.FREE_TEXT, Text.REASON);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!licences.revoke(id, revocationKind, reason.trim(), actor.username())) {
			throw new AlreadyRevoked();
		}
		trail.record(actor, "licence." + revocationKind.name(), "e-licence/" + id,
				revocationKind.label().zh() + " " + stored.licence().licenceType() + " " + stored.licence().number() + "：" + reason.trim());
		return verification.status(licences.byId(id).orElseThrow());
	}

	/** The licence was revoked before: a revocation is final. 409. */
	public static class AlreadyRevoked extends Problem {

		AlreadyRevoked() {
			super(HttpStatus.CONFLICT, "licence-already-revoked", Message.of("证照已失效", "Licence already ended"),
					Message.of("该电子证照此前已被撤销、注销或吊销，不能再次办理。", "The licence was already ended before; it cannot be ended again."),
					List.of());
		}
	}
}
