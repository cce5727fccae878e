package cn.onego.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.catalog.Material;

/**
 * The materials decided when the draft was prefilled, as they were decided: what was obtained then is
 * obtained, what was not found must be handed in. The page's badges show these decisions, so the
 * submission that follows them never asks for a material the page said was obtained, nor spares one it
 * said to upload. Materials that came up later (another answer) are read now, from {@code live}.
 */
record DecidedSources(Map<String, MaterialEntry> decided, MaterialSources live) implements MaterialSources {

	static MaterialSources over(List<MaterialEntry> decided, MaterialSources live) {
		if (decided == null || decided.isEmpty()) {
			return live;
		}
		Map<String, MaterialEntry> byCode = new LinkedHashMap<>();
		decided.forEach(entry -> byCode.put(entry.material(), entry));
		return new DecidedSources(byCode, live);
	}

	@Override
	public Optional<Resolution> find(Material material) {
		MaterialEntry entry = decided.get(material.code());
		if (entry == null || entry.source() == null) {
			return live.find(material);
		}
		return switch (entry.source()) {
			case E_LICENCE -> material.licenceType() == null ? Optional.empty()
					: Optional.of(new Resolution.ELicence(material.licenceType(), material.name(), true));
			case REGISTRY -> material.registry() == null ? Optional.empty()
					: Optional.of(new Resolution.FromRegistry(material.registry(), material.name(), true));
			case UPLOAD, COMMITMENT -> Optional.empty();
			// exempt, merged form or an earlier item: decided before any source was asked, so ask now
			default -> live.find(material);
		};
	}

	@Override
	public boolean unreachable(Material material) {
		return live.unreachable(material);
	}
}
