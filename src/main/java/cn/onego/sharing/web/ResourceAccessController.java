package cn.onego.sharing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.identity.Actors;
import cn.onego.platform.web.Refuses;
import cn.onego.shared.Label;
import cn.onego.sharing.resources.ResourceAccess;
import cn.onego.sharing.resources.ResourceAccessRequests;
import cn.onego.sharing.resources.SharedResource;
import cn.onego.sharing.resources.SharedResources;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Departments ask for conditional resources; the provider's head approves, refuses or revokes. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Shared resources 信息资源目录", description = "The catalogue of shared resources and departments' reads of them")
class ResourceAccessController {

	private final ResourceAccessRequests requests;
	private final SharedResources resources;
	private final CatalogQueries catalog;
	private final Actors actors;

	ResourceAccessController(ResourceAccessRequests requests, SharedResources resources, CatalogQueries catalog, Actors actors) {
		this.requests = requests;
		this.resources = resources;
		this.catalog = catalog;
		this.actors = actors;
	}

	record AccessView(UUID id, String resource, Label resourceName, String requester, String requesterName, String provider,
			String providerName, String purpose, String legalBasis, String requestedBy, Instant requestedAt, LocalDate answerDue, boolean answerDueProvisional,
			ResourceAccess.Status status, LocalDate validUntil, String decidedBy, Instant decidedAt, String reason,
			String revokedBy, Instant revokedAt, String revocationReason, Label requesterLabel, Label providerLabel) {
	}

	record Requests(List<AccessView> made, List<AccessView> received) {
	}

	record Decision(LocalDate until, String note, String reason) {
	}

	@PostMapping("/shared-resources/{code}/access-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for access to a conditional resource 申请共享", operationId = "requestResourceAccess",
			description = "For the signed-in reviewer's or head's department, with purpose, legal basis and optionally the last day wanted. "
					+ "The provider's answer is due within " + ResourceAccessRequests.ANSWER_WITHIN_WORKING_DAYS + " working days.")
	@Refuses(status = 409, code = "resource-not-shared", when = "the resource is not shared")
	@Refuses(status = 409, code = "resource-unconditional", when = "the resource is shared unconditionally: no request is needed")
	@Refuses(status = 409, code = "own-resource", when = "the department provides the resource")
	@Refuses(status = 409, code = "access-already-requested", when = "the department's earlier request is still open")
	@Refuses(status = 409, code = "access-already-granted", when = "the department holds approved and current access")
	AccessView request(@PathVariable String code, @RequestBody ResourceAccessRequests.Ask ask) {
		return view(requests.request(actors.current(), code, ask));
	}

	@GetMapping("/access-requests")
	@Operation(summary = "My department's access requests 共享申请", operationId = "resourceAccessRequests",
			description = "Those the department made, and those made for the resources it provides; newest first.")
	Requests list() {
		ResourceAccessRequests.Requests of = requests.of(actors.current());
		return new Requests(of.made().stream().map(this::view).toList(), of.received().stream().map(this::view).toList());
	}

	@PostMapping("/access-requests/{id}/approval")
	@Operation(summary = "Approve access 同意共享", operationId = "approveResourceAccess",
			description = "By the head of the providing department; until the day given, else the day asked for, else revocation.")
	@Refuses(status = 409, code = "access-already-answered", when = "the request was answered already")
	AccessView approve(@PathVariable UUID id, @RequestBody Decision decision) {
		return view(requests.approve(actors.current(), id, decision.until(), decision.note()));
	}

	@PostMapping("/access-requests/{id}/refusal")
	@Operation(summary = "Refuse access with a reason 拒绝共享", operationId = "refuseResourceAccess")
	@Refuses(status = 409, code = "access-already-answered", when = "the request was answered already")
	AccessView refuse(@PathVariable UUID id, @RequestBody Decision decision) {
		return view(requests.refuse(actors.current(), id, decision.reason()));
	}

	@PostMapping("/access-requests/{id}/revocation")
	@Operation(summary = "Revoke approved access with a reason 撤销共享授权", operationId = "revokeResourceAccess")
	@Refuses(status = 409, code = "access-already-answered", when = "the access is not approved (never, or revoked already)")
	AccessView revoke(@PathVariable UUID id, @RequestBody Decision decision) {
		return view(requests.revoke(actors.current(), id, decision.reason()));
	}

	private AccessView view(ResourceAccess a) {
		Catalogue catalogue = catalog.catalogue();
		Label name = resources.find(a.resource()).map(SharedResource::name).orElse(null);
		return new AccessView(a.id(), a.resource(), name, a.requester(), departmentName(catalogue, a.requester()), a.provider(),
				departmentName(catalogue, a.provider()), a.purpose(), a.legalBasis(), a.requestedBy(), a.requestedAt(), a.answerDue(),
				requests.answerDueProvisional(a),
				a.statusOn(requests.today()), a.validUntil(), a.decidedBy(), a.decidedAt(), a.reason(), a.revokedBy(), a.revokedAt(),
				a.revocationReason(), departmentLabel(catalogue, a.requester()), departmentLabel(catalogue, a.provider()));
	}

	private static Label departmentLabel(Catalogue catalogue, String code) {
		return catalogue.department(code).map(d -> d.label()).orElse(null);
	}

	private static String departmentName(Catalogue catalogue, String code) {
		return catalogue.department(code).map(d -> d.name()).orElse(code);
	}
}
