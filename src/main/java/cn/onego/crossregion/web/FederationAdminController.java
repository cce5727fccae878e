package cn.onego.crossregion.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.crossregion.Federation;
import cn.onego.shared.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What a system administrator checks of the federation: the partners this instance knows and their keys. */
@RestController
@RequestMapping("/api/v1/admin/federation")
@Tag(name = "Federation 跨平台互通", description = "Between OneGo instances: the partner instances known here")
class FederationAdminController {

	private final Federation federation;

	FederationAdminController(Federation federation) {
		this.federation = federation;
	}

	/** A partner as an administrator checks it: where it is, what it serves, the fingerprint of its key. */
	record PartnerView(String id, String name, String baseUrl, List<String> serves, String keyFingerprint) {
	}

	@GetMapping("/partners")
	@Operation(summary = "Partner instances 合作平台", description = "The partner instances this instance knows (configured in onego.federation.partners or registered at run time): address, regions served and the fingerprint of the public key their messages are verified with, to compare with the keyFingerprint of the partner's GET /federation/v1/instance.")
	List<PartnerView> partners() {
		return federation.partners().stream()
			.map(p -> new PartnerView(p.id(), p.name(), p.baseUrl().toString(), p.serves().stream().map(RegionCode::value).toList(),
					federation.keyFingerprintOf(p.id()).orElse(null)))
			.toList();
	}
}
