package cn.onego.application;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.shared.CreditCode;
import cn.onego.sharing.OnceOnly;
import cn.onego.sharing.OnceOnly.ReadRequest;

/**
 * What the government holds for one applicant, read through the data-sharing side under consent: an
 * e-licence of the material's licence type first, then its registry. A material that proves something about
 * a person (its registry is one of persons: 人口库, 社保 …) is read, for an enterprise applicant, about the
 * person acting for it — under that person's own consent, since an enterprise cannot consent for its legal
 * representative's identity card.
 */
final class ApplicantSources implements MaterialSources {

	/** The registries whose records are about natural persons. */
	static final Set<Registry> OF_PERSONS = EnumSet.of(Registry.POPULATION, Registry.SOCIAL_SECURITY,
			Registry.MEDICAL_INSURANCE, Registry.CIVIL_AFFAIRS, Registry.HOUSING_FUND, Registry.EDUCATION, Registry.HEALTH,
			Registry.DISABILITY, Registry.VETERANS);

	private final OnceOnly onceOnly;
	private final ReadRequest applicant;
	private final ReadRequest person;
	/** The materials whose registry could not be reached in this application's reads. */
	private final Set<String> unreachable = new java.util.HashSet<>();

	/**
	 * @param applicant reads about the applicant under the application's consent
	 * @param person reads about the person acting for an enterprise applicant, under their own consent; null when
	 *        the applicant is a person
	 */
	ApplicantSources(OnceOnly onceOnly, ReadRequest applicant, ReadRequest person) {
		this.onceOnly = onceOnly;
		this.applicant = applicant;
		this.person = person;
	}

	/** The purpose that every registry read for an application of the matter is logged under. */
	static String purpose(Matter matter) {
		return "一件事一次办申请：" + matter.name().zh();
	}

	@Override
	public Optional<Resolution> find(Material material) {
		ReadRequest request = about(material);
		if (material.licenceType() != null) {
			var licence = onceOnly.licence(request, material.licenceType()).value();
			if (licence.isPresent()) {
				return Optional.of(new Resolution.ELicence(material.licenceType(), material.name(), true));
			}
		}
		if (material.registry() != null) {
			OnceOnly.Read<?> read = onceOnly.registry(request, material.registry(), "material " + material.code());
			if (read.value().isPresent()) {
				return Optional.of(new Resolution.FromRegistry(material.registry(), material.name(), true));
			}
			if (read.unavailable()) {
				unreachable.add(material.code());
			}
		}
		return Optional.empty();
	}

	@Override
	public boolean unreachable(Material material) {
		return unreachable.contains(material.code());
	}

	private ReadRequest about(Material material) {
		boolean personal = material.registry() != null && OF_PERSONS.contains(material.registry());
		return personal && person != null && CreditCode.isValid(applicant.subject()) ? person : applicant;
	}
}
