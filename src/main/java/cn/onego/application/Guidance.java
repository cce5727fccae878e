package cn.onego.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;
import cn.onego.sharing.RegistryConnections;

/**
 * The guided questionnaire as a service: from the answers given so far, everything that follows from
 * them at once — the open questions, the applicable items, the merged form, the material list and the
 * reduction metrics — so that a client can show the consequences of every answer.
 */
@Service
public class Guidance {

	private final CatalogQueries catalog;
	private final RegistryConnections registries;
	private final ObjectProvider<MeasuredFigures> measured;

	Guidance(CatalogQueries catalog, RegistryConnections registries, ObjectProvider<MeasuredFigures> measured) {
		this.catalog = catalog;
		this.registries = registries;
		this.measured = measured;
	}

	/** Everything the answers decide, for one catalogue version. */
	public record Outcome(Matter matter, Applicability applicability, MergedForm form, MaterialList materials,
			ReductionMetrics metrics, long catalogueVersion) {
	}

	/**
	 * With {@code sources} the material list is resolved for one applicant; with
	 * {@link MaterialSources#AS_CATALOGUED} it shows what the catalogue says the government can obtain.
	 */
	public Outcome guide(String matterCode, Answers answers, Set<String> committed, MaterialSources sources) {
		Catalogue catalogue = catalog.catalogue();
		Matter matter = catalogue.matter(matterCode)
			.orElseThrow(() -> new cn.onego.platform.NotFound("一件事", "Matter", matterCode));
		return guide(catalogue, matter, answers, committed, sources);
	}

	/** The same, as a pure function of one catalogue version. */
	public static Outcome guide(Catalogue catalogue, Matter matter, Answers answers, Set<String> committed,
			MaterialSources sources) {
		Applicability applicability = Applicability.of(matter, answers);
		MergedForm form = MergedForm.derive(catalogue, applicability.items());
		MaterialList materials = MaterialList.derive(catalogue, matter, applicability, committed, sources);
		ReductionMetrics metrics = ReductionMetrics.of(catalogue, matter, applicability, materials, form);
		return new Outcome(matter, applicability, form, materials, metrics, catalogue.version());
	}

	/**
	 * The reduction metrics of one matter for its typical answers, as the catalogue describes it, with what this
	 * deployment's registries remove and what its issued cases in all regions really took.
	 */
	public ReductionMetrics metricsOf(Catalogue catalogue, Matter matter) {
		MeasuredFigures figures = measured.getIfAvailable();
		return metricsOf(catalogue, matter, registries.all(),
				figures == null ? null : figures.of(matter.code(), null).orElse(null));
	}

	/**
	 * The metrics of a guidance outcome with what this deployment's registries remove from its material list — for a
	 * matter being composed, which no case has measured yet.
	 */
	public ReductionMetrics withThisDeploymentsRegistries(Outcome outcome) {
		List<RegistryConnections.Connection> connections = registries.all();
		return outcome.metrics().withRegistries(RegistryReach.of(outcome.materials(), RegistryConnections.connected(connections),
				RegistryConnections.answering(connections)));
	}

	private static ReductionMetrics metricsOf(Catalogue catalogue, Matter matter,
			List<RegistryConnections.Connection> connections, Measured figures) {
		Outcome outcome = guide(catalogue, matter, typicalAnswers(matter), Set.of(), MaterialSources.AS_CATALOGUED);
		RegistryReach reach = RegistryReach.of(outcome.materials(), RegistryConnections.connected(connections),
				RegistryConnections.answering(connections));
		return outcome.metrics().withRegistries(reach).withMeasured(figures);
	}

	/**
	 * The answers a matter is measured with when no one has answered: none (the items marked
	 * {@code included}), except for a "menu" matter whose defaults apply no item at all — then every option
	 * of its multiple-choice questions, i.e. the whole menu.
	 */
	public static Answers typicalAnswers(Matter matter) {
		if (!Applicability.of(matter, Answers.NONE).items().isEmpty()) {
			return Answers.NONE;
		}
		java.util.Map<String, List<String>> all = new java.util.LinkedHashMap<>();
		matter.situations()
			.stream()
			.filter(s -> s.type() == cn.onego.catalog.Enums.SituationType.MULTIPLE && s.askedWhen() == null)
			.forEach(s -> all.put(s.code(), s.options().stream().map(Matter.Option::value).toList()));
		return new Answers(all);
	}

	/** Per-matter metrics and their aggregate over every matter offered in a region. */
	public record RegionReport(RegionCode region, String regionName, ReductionMetrics.Aggregate aggregate,
			List<MatterMetrics> matters, long catalogueVersion) {
	}

	public record MatterMetrics(String code, String name, ReductionMetrics metrics) {
	}

	public RegionReport regionReport(RegionCode region) {
		Catalogue catalogue = catalog.catalogue();
		String name = catalog.region(region).name();
		List<RegistryConnections.Connection> connections = registries.all();
		// the measured figures of every matter in one read, not one per matter offered
		MeasuredFigures figures = measured.getIfAvailable();
		Map<String, Measured> measuredHere = figures == null ? Map.of() : figures.ofEachMatter(region);
		List<MatterMetrics> matters = catalogue.mattersOfferedIn(region)
			.stream()
			.map(m -> new MatterMetrics(m.code(), m.name().zh(), metricsOf(catalogue, m, connections, measuredHere.get(m.code()))))
			.toList();
		return new RegionReport(region, name,
				ReductionMetrics.Aggregate.of(matters.stream().map(MatterMetrics::metrics).toList()), matters,
				catalogue.version());
	}
}
