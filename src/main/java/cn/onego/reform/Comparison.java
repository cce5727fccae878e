package cn.onego.reform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import cn.onego.application.Guidance;
import cn.onego.application.MaterialSources;
import cn.onego.application.ReductionMetrics;
import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.cases.HandledCases.HandledCase;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogueChange;
import cn.onego.catalog.Item;
import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * A draft compared with the catalogue in force, in the draft's region: per matter affected, the reduction metrics of
 * applying once (材料、表单字段、环节、跑动次数、时限) in force and under the draft; the departments whose items change and
 * the halls that accept the matters affected; and the replay of the region's cases under both ({@link Replay}).
 * A pure function of its inputs.
 */
public record Comparison(Draft draft, Label region, long catalogueVersion, List<MatterFigures> matters, List<Label> departments,
		List<Label> halls, ReplayFigures replay) {

	/** One matter: the applying-once counts in force ({@code before}) and under the draft ({@code after}). */
	public record MatterFigures(String code, Label name, Counts before, Counts after) {
	}

	/**
	 * The replay: the period, the cases replayed, the totals of baseline and draft, the cases whose figures or task
	 * weeks changed, and the tasks per department per week in both.
	 */
	public record ReplayFigures(int months, LocalDate from, LocalDate to, int cases, Totals baseline, Totals draft,
			List<CaseChange> changedCases, List<LoadRow> load) {
	}

	/** Totals over the replayed cases. */
	public record Totals(int workingDays, int trips, int materials) {

		static Totals of(List<Replay.CaseFigures> cases) {
			return new Totals(cases.stream().mapToInt(Replay.CaseFigures::workingDays).sum(),
					cases.stream().mapToInt(Replay.CaseFigures::trips).sum(),
					cases.stream().mapToInt(Replay.CaseFigures::materials).sum());
		}
	}

	/** A case whose replay under the draft differs from its baseline. */
	public record CaseChange(String number, Label matter, LocalDate acceptedOn, boolean closed, int workingDaysBefore,
			int workingDaysAfter, int tripsBefore, int tripsAfter, int materialsBefore, int materialsAfter, Set<String> weeks) {
	}

	/** Tasks of one department in one ISO week, in the baseline and under the draft. */
	public record LoadRow(String department, Label departmentName, String week, int baseline, int draft) {
	}

	/** Everything a comparison is computed from. */
	record Inputs(Draft draft, RegionCode region, Catalogue inForce, Catalogue changed, CatalogueChange change,
			List<HandledCase> cases, WorkingDayCalendar calendar, int months, LocalDate from, LocalDate to, List<HallName> halls) {
	}

	/** A hall of the region and the matters it accepts. */
	record HallName(Label name, Set<String> matters) {
	}

	static Comparison of(Inputs in) {
		MaterialSources baselineSources = baselineSources(in.change());
		List<Matter> offered = in.inForce().mattersOfferedIn(in.region());
		Set<String> touchedItems = touchedItems(in.inForce(), in.change());
		List<MatterFigures> matters = new ArrayList<>();
		for (Matter matter : offered) {
			Optional<Matter> changed = in.changed().matter(matter.code());
			if (changed.isEmpty()) {
				continue;
			}
			Counts before = metrics(in.inForce(), matter, baselineSources).after();
			Counts after = metrics(in.changed(), changed.get(), MaterialSources.AS_CATALOGUED).after();
			boolean touched = matter.items().stream().anyMatch(line -> touchedItems.contains(line.item()));
			if (touched || !before.equals(after)) {
				matters.add(new MatterFigures(matter.code(), matter.name(), before, after));
			}
		}
		Set<Label> departments = new LinkedHashSet<>();
		for (String code : touchedItems) {
			in.inForce().item(code)
				.flatMap(item -> in.inForce().competentDepartment(item, in.region()))
				.ifPresent(d -> departments.add(d.label()));
		}
		Set<String> affected = matters.stream().map(MatterFigures::code).collect(java.util.stream.Collectors.toSet());
		List<Label> halls = in.halls().stream().filter(h -> h.matters().stream().anyMatch(affected::contains)).map(HallName::name).toList();
		List<HandledCase> replayed = in.cases().stream().filter(c -> affected.contains(c.matter())).toList();
		List<Replay.CaseFigures> baseline = Replay.of(replayed, in.inForce(), new Replay.Under(in.inForce(), baselineSources, null),
				in.calendar());
		List<Replay.CaseFigures> draft = Replay.of(replayed, in.inForce(),
				new Replay.Under(in.changed(), MaterialSources.AS_CATALOGUED, in.change()), in.calendar());
		List<CaseChange> changes = new ArrayList<>();
		for (int i = 0; i < baseline.size(); i++) {
			Replay.CaseFigures b = baseline.get(i);
			Replay.CaseFigures d = draft.get(i);
			if (b.workingDays() != d.workingDays() || b.trips() != d.trips() || b.materials() != d.materials() || !b.tasks().equals(d.tasks())) {
				Set<String> weeks = new java.util.TreeSet<>();
				b.tasks().stream().filter(t -> !d.tasks().contains(t)).forEach(t -> weeks.add(t.week()));
				d.tasks().stream().filter(t -> !b.tasks().contains(t)).forEach(t -> weeks.add(t.week()));
				changes.add(new CaseChange(b.number(), in.inForce().matter(b.matter()).map(Matter::name).orElse(Label.of(b.matter(), b.matter())),
						b.acceptedOn(), b.closed(), b.workingDays(), d.workingDays(), b.trips(), d.trips(), b.materials(), d.materials(), weeks));
			}
		}
		Map<String, Map<String, Integer>> loadBefore = Replay.load(baseline);
		Map<String, Map<String, Integer>> loadAfter = Replay.load(draft);
		Map<String, Set<String>> weeks = new TreeMap<>();
		loadBefore.forEach((d, w) -> weeks.computeIfAbsent(d, k -> new java.util.TreeSet<>()).addAll(w.keySet()));
		loadAfter.forEach((d, w) -> weeks.computeIfAbsent(d, k -> new java.util.TreeSet<>()).addAll(w.keySet()));
		List<LoadRow> load = new ArrayList<>();
		weeks.forEach((department, ws) -> {
			Label name = in.inForce().department(department).map(d -> d.label()).orElse(Label.of(department, department));
			for (String w : ws) {
				load.add(new LoadRow(department, name, w, loadBefore.getOrDefault(department, Map.of()).getOrDefault(w, 0),
						loadAfter.getOrDefault(department, Map.of()).getOrDefault(w, 0)));
			}
		});
		ReplayFigures replay = new ReplayFigures(in.months(), in.from(), in.to(), replayed.size(), Totals.of(baseline), Totals.of(draft),
				changes, load);
		Label region = in.inForce().region(in.region()).map(r -> r.label()).orElse(Label.of(in.region().value(), in.region().value()));
		return new Comparison(in.draft(), region, in.inForce().version(), matters, List.copyOf(departments), halls, replay);
	}

	static ReductionMetrics metrics(Catalogue catalogue, Matter matter, MaterialSources sources) {
		return Guidance.guide(catalogue, matter, Guidance.typicalAnswers(matter), Set.of(), sources).metrics();
	}

	/**
	 * What the catalogue in force resolves — except the registries the draft connects: connecting them is the change
	 * asked about, so before it they are not connected.
	 */
	static MaterialSources baselineSources(CatalogueChange change) {
		return material -> material.licenceType() == null && material.registry() != null && change.connects(material.registry())
				? Optional.empty() : MaterialSources.AS_CATALOGUED.find(material);
	}

	/** The items the operations change: named by them, or asking for a material they change or a registry they connect. */
	static Set<String> touchedItems(Catalogue catalogue, CatalogueChange change) {
		Set<String> items = new LinkedHashSet<>();
		Set<String> materials = new LinkedHashSet<>();
		for (CatalogueChange.Operation o : change.operations()) {
			if (o instanceof CatalogueChange.MergeItems m) {
				items.add(m.kept());
				items.add(m.absorbed());
			}
			else if (o instanceof CatalogueChange.ObtainAsELicence e) {
				materials.add(e.material());
			}
			else if (o instanceof CatalogueChange.ObtainFromRegistry r) {
				materials.add(r.material());
			}
			else if (o instanceof CatalogueChange.AllowGap g) {
				items.add(g.item());
			}
			else if (o instanceof CatalogueChange.AllowCommitment c) {
				items.add(c.item());
			}
			else if (o instanceof CatalogueChange.ShortenLimit s) {
				items.add(s.item());
			}
			else if (o instanceof CatalogueChange.AutoApprove a) {
				items.add(a.item());
			}
			else if (o instanceof CatalogueChange.ConnectRegistry r) {
				catalogue.materials()
					.stream()
					.filter(m -> m.registry() == r.registry() && m.licenceType() == null)
					.map(Material::code)
					.forEach(materials::add);
			}
		}
		for (Item item : catalogue.items()) {
			if (item.materials().stream().anyMatch(u -> materials.contains(u.material()))) {
				items.add(item.code());
			}
		}
		return items;
	}
}
