package cn.onego.crossregion.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.cases.CaseId;
import cn.onego.crossregion.PartnerCases;
import cn.onego.identity.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cross-region 跨域通办", description = "Cases received here and handled by a partner platform (异地收件、远程流转、属地办理)")
class PartnerCaseController {

	private final PartnerCases partnerCases;
	private final Actors actors;

	PartnerCaseController(PartnerCases partnerCases, Actors actors) {
		this.partnerCases = partnerCases;
		this.actors = actors;
	}

	@GetMapping("/cases/{id}/partner")
	@Operation(summary = "Where a forwarded case stands with the partner platform 转办状态",
			description = "For those who may read the case: sent and not yet received (with a warning for staff when that lasts), then the partner's case number and state. 404 for a case not forwarded or not readable.")
	PartnerCases.PartnerStatus status(@PathVariable UUID id) {
		return partnerCases.status(actors.current(), CaseId.of(id));
	}
}
