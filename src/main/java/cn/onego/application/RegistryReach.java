package cn.onego.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/**
 * What this deployment's registries really remove from the materials "after". The catalogue says which registry
 * or e-licence can stand for a material, and the metrics' "after" assumes every one of them connected; here a
 * material counts as removed only when the registry that provides it is connected in this deployment
 * ({@code configured}: a province's registry configured, or the built-in registry holding records of that kind) —
 * and, for the live figure, answering now (its circuit breaker not open). E-licences come from OneGo's own licence
 * library, which every deployment has.
 *
 * @param allConnected materials the applicant hands in if every registry were connected (the metrics' "after")
 * @param configured materials handed in with the registries connected in this deployment
 * @param live the same with only the registries answering now
 * @param removedBy per registry (or the e-licence library) connected here, how many materials it removes
 * @param stillUploaded what the applicant still uploads with the registries connected here
 */
public record RegistryReach(int allConnected, int configured, int live, List<RemovedBy> removedBy,
		List<Upload> stillUploaded) {

	/** {@code source}: a registry's name, or {@code E_LICENCE} for the licence library. */
	public record RemovedBy(String source, Label name, int materials) {
	}

	public record Upload(String material, Label name) {
	}

	static final String E_LICENCE = "E_LICENCE";

	/**
	 * From the material list as the catalogue resolves it ({@link MaterialSources#AS_CATALOGUED}) and the
	 * registries connected and answering in this deployment.
	 */
	public static RegistryReach of(MaterialList asCatalogued, Set<Registry> connected, Set<Registry> answering) {
		Map<Registry, Integer> byRegistry = new EnumMap<>(Registry.class);
		int eLicences = 0, configured = 0, live = 0, allConnected = 0;
		List<Upload> uploads = new ArrayList<>();
		for (MaterialList.RequiredMaterial m : asCatalogued.materials()) {
			if (!m.required()) {
				continue;
			}
			Resolution resolution = m.resolution();
			if (resolution instanceof Resolution.FromRegistry registry) {
				if (connected.contains(registry.registry())) {
					byRegistry.merge(registry.registry(), 1, Integer::sum);
					if (!answering.contains(registry.registry())) {
						live++;
					}
				}
				else {
					configured++;
					live++;
					uploads.add(new Upload(m.material(), m.name()));
				}
			}
			else if (resolution instanceof Resolution.ELicence) {
				eLicences++;
			}
			else if (!resolution.source().spared()) {
				allConnected++;
				configured++;
				live++;
				uploads.add(new Upload(m.material(), m.name()));
			}
		}
		List<RemovedBy> removed = new ArrayList<>();
		if (eLicences > 0) {
			removed.add(new RemovedBy(E_LICENCE, Label.of("电子证照库", "e-licence library"), eLicences));
		}
		byRegistry.forEach((registry, n) -> removed.add(new RemovedBy(registry.name(), Registries.label(registry), n)));
		return new RegistryReach(allConnected, configured, live, List.copyOf(removed), List.copyOf(uploads));
	}
}
