package cn.onego.application;

import java.util.Optional;

import cn.onego.catalog.Material;

/**
 * Where the government may already hold a material: as an electronic licence or in a shared
 * registry. For one applicant the answer comes from the data-sharing side, behind the applicant's
 * consent; for catalogue-wide metrics, from what the catalogue says can be obtained.
 */
@FunctionalInterface
public interface MaterialSources {

	/** An e-licence or registry resolution for the material, or empty when it must come from elsewhere. */
	Optional<Resolution> find(Material material);

	/**
	 * Whether the last {@link #find} of the material came back empty because its registry could not be reached
	 * (timeout, error, garbage, open circuit) rather than because nothing is held: the applicant is told so.
	 */
	default boolean unreachable(Material material) {
		return false;
	}

	/** What the catalogue says the government can obtain, assuming the applicant's data is held. */
	MaterialSources AS_CATALOGUED = material -> {
		if (material.licenceType() != null) {
			return Optional.of(new Resolution.ELicence(material.licenceType(), material.name(), false));
		}
		if (material.registry() != null) {
			return Optional.of(new Resolution.FromRegistry(material.registry(), material.name(), false));
		}
		return Optional.empty();
	};

	/** Nothing is held: every material not exempt, produced or committed must be uploaded. */
	MaterialSources NONE = material -> Optional.empty();
}
