package cn.onego.application;

import java.util.Optional;

import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.sharing.OnceOnly;
import cn.onego.sharing.OnceOnly.ReadRequest;

/**
 * What the government holds for one applicant, read through the data-sharing side under the
 * applicant's consent: an e-licence of the material's licence type first, then its registry.
 */
final class ApplicantSources implements MaterialSources {

	private final OnceOnly onceOnly;
	private final ReadRequest request;

	ApplicantSources(OnceOnly onceOnly, ReadRequest request) {
		this.onceOnly = onceOnly;
		this.request = request;
	}

	/** The purpose that every registry read for an application of the matter is logged under. */
	static String purpose(Matter matter) {
		return "一件事一次办申请：" + matter.name().zh();
	}

	@Override
	public Optional<Resolution> find(Material material) {
		if (material.licenceType() != null) {
			var licence = onceOnly.licence(request, material.licenceType()).value();
			if (licence.isPresent()) {
				return Optional.of(new Resolution.ELicence(material.licenceType(), material.name(), licence.get().number()));
			}
		}
		if (material.registry() != null
				&& onceOnly.registry(request, material.registry(), "material " + material.code()).value().isPresent()) {
			return Optional.of(new Resolution.FromRegistry(material.registry(), material.name()));
		}
		return Optional.empty();
	}
}
