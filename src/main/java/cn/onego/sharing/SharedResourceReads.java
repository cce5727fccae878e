package cn.onego.sharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.onego.identity.Actor;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.sharing.resources.AccessNotGranted;
import cn.onego.sharing.resources.RegistryUnavailable;
import cn.onego.sharing.resources.ResourceAccessRequests;
import cn.onego.sharing.resources.SharedResource;
import cn.onego.sharing.resources.SharedResources;
import cn.onego.sharing.resources.SharingClass;

/**
 * A department reads a shared resource about a subject (a person's ID number or an enterprise's credit code). Served
 * only when the resource is shared unconditionally, the department provides it, or it holds approved and current
 * access; the answer holds the resource's data elements and nothing else the registry keeps. Every read that
 * passes the input checks is logged with purpose and legal basis on the subject's data-access list — refused
 * reads too, with why.
 */
@Service
public class SharedResourceReads {

	/** What a department sends: about whom, why, and under which law. */
	public record Ask(String subject, String purpose, String legalBasis) {
	}

	/** What is served: the resource's elements the registry holds about the subject ({@code held} false: none). */
	public record Served(String resource, String subject, boolean held, Map<String, Object> data, String grantedBy) {
	}

	private final SharedResources resources;
	private final ResourceAccessRequests access;
	private final RegistryConnectors connectors;
	private final RegistryReads reads;
	private final OnceOnly onceOnly;

	SharedResourceReads(SharedResources resources, ResourceAccessRequests access, RegistryConnectors connectors, RegistryReads reads,
			OnceOnly onceOnly) {
		this.resources = resources;
		this.access = access;
		this.connectors = connectors;
		this.reads = reads;
		this.onceOnly = onceOnly;
	}

	public Served read(Actor actor, String code, Ask ask) {
		SharedResource resource = resources.get(code);
		List<FieldProblem> problems = new ArrayList<>();
		String subject = ask.subject() == null ? null : ask.subject().strip();
		if (subject == null || subject.length() > 18 || (!IdNumber.isValid(subject) && !CreditCode.isValid(subject))) {
			problems.add(new FieldProblem("subject", "check-digit", Message.of("应为有效的公民身份号码或统一社会信用代码",
					"a valid citizen ID number or unified social credit code")));
		}
		String purpose = required(problems, "purpose", ask.purpose(), Text.Kind.FREE_TEXT, Text.REASON);
		String basis = required(problems, "legalBasis", ask.legalBasis(), Text.Kind.LINE, 200);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String department = actor.department();
		OnceOnly.ReadRequest request = new OnceOnly.ReadRequest(actor.username(), subject, null, null, purpose);
		String what = resource.code() + ": " + String.join(",", resource.elements());
		Optional<String> grant = grantOf(resource, department);
		if (grant.isEmpty()) {
			String why = refusal(resource, department);
			reads.timed(resource.registry().name(), () -> null, nothing -> "refused");
			onceOnly.log(request, department, basis, resource.registry().name(), what, DataAccess.Outcome.REFUSED, why);
			throw new AccessNotGranted(resource.sharing() == SharingClass.NOT_SHARED
					? Message.of("该资源不予共享。", "The resource is not shared.")
					: Message.of("本部门没有该资源有效的共享授权（未申请、被拒绝、已过期或已撤销）。",
							"Your department holds no approved and current access to this resource (not requested, refused, expired or revoked)."));
		}
		// through the registry's connector, like the once-only machinery: the province's registry when configured
		RegistryAnswer answer = reads.timed(resource.registry().name(), () -> connectors.read(resource.registry(), subject),
				SharedResourceReads::outcome);
		if (answer instanceof RegistryAnswer.Failed failed) {
			onceOnly.log(request, department, basis, resource.registry().name(), what, DataAccess.Outcome.GRANTED,
					grant.get() + "; registry unavailable (" + failed.failure().tag() + "), nothing read");
			throw new RegistryUnavailable();
		}
		Map<String, Object> data = new LinkedHashMap<>();
		boolean held = answer instanceof RegistryAnswer.Found;
		if (answer instanceof RegistryAnswer.Found found) {
			resource.elements().stream().filter(found.data()::containsKey).forEach(e -> data.put(e, found.data().get(e)));
		}
		onceOnly.log(request, department, basis, resource.registry().name(), what, DataAccess.Outcome.GRANTED,
				grant.get() + (held ? "" : "; no record held"));
		return new Served(resource.code(), subject, held, data, grant.get());
	}

	private static String outcome(RegistryAnswer answer) {
		return answer instanceof RegistryAnswer.Found ? "granted" : answer instanceof RegistryAnswer.NotHeld ? "not_held" : "error";
	}

	/** Why this department may read the resource, or empty when it may not. */
	private Optional<String> grantOf(SharedResource resource, String department) {
		if (department == null || resource.sharing() == SharingClass.NOT_SHARED) {
			return Optional.empty();
		}
		if (resource.provider().equals(department)) {
			return Optional.of("the provider's own resource");
		}
		if (resource.sharing() == SharingClass.UNCONDITIONAL) {
			return Optional.of("unconditional sharing (《政务数据共享条例》)");
		}
		return access.current(department, resource.code()).map(a -> "approved access " + a.id() + " until "
				+ (a.validUntil() == null ? "revoked" : a.validUntil()));
	}

	private String refusal(SharedResource resource, String department) {
		if (department == null) {
			return "the reader belongs to no department";
		}
		if (resource.sharing() == SharingClass.NOT_SHARED) {
			return "resource not shared";
		}
		return access.latest(department, resource.code())
			.map(a -> "access " + a.id() + " " + a.statusOn(access.today()).name().toLowerCase(java.util.Locale.ROOT))
			.orElse("access not requested");
	}

	private static String required(List<FieldProblem> problems, String field, String value, Text.Kind kind, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "required", Message.of("必填", "required")));
			return null;
		}
		return Text.check(problems, field, value, kind, max);
	}
}
