package cn.onego.reform;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import cn.onego.application.Applicability;
import cn.onego.application.MaterialList;
import cn.onego.application.MaterialSources;
import cn.onego.cases.HandledCases.HandledCase;
import cn.onego.cases.HandledCases.HandledTask;
import cn.onego.cases.TaskState;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogueChange;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.shared.RegionCode;

/**
 * A replay of real cases under a catalogue: what each case would have taken — working days, trips, materials — and
 * when each department would have finished its tasks. The rules (docs/WHATIF.md):
 * <ul>
 * <li><b>Working days of a task</b>: as it really went — from its start to its decision, or to its due day while it
 * is open. Under a draft an item with a new 秒批 rule takes 0; an item whose promised limit is shortened takes at
 * most the new limit; a task of an item merged into another becomes one task of the kept item, taking as long as
 * the longer of the two, in the kept task's department, started on the earlier day. Cancelled tasks and tasks never
 * started take no part.</li>
 * <li><b>Working days of a case</b>: the longest chain of its tasks through their prerequisites (the critical
 * path), each task's days added to the longest of its prerequisites'.</li>
 * <li><b>Materials of a case</b>: the materials its items ask for, de-duplicated, less those exempt, produced by an
 * earlier item, or obtainable electronically from the catalogue's e-licences and the connected registries.</li>
 * <li><b>Trips</b>: one, none when no material left to hand in must be shown as an original.</li>
 * <li><b>Load</b>: each task counts once for its department in the ISO week of the day it ends — its start plus its
 * working days on the region's calendar.</li>
 * </ul>
 * The baseline is the same replay under the catalogue in force with no operation, so that the rules' own
 * simplifications cancel out in the comparison.
 */
final class Replay {

	/** One case as replayed: its figures, and its tasks' departments and weeks. */
	record CaseFigures(String number, String matter, LocalDate acceptedOn, boolean closed, int workingDays, int trips,
			int materials, List<TaskEnd> tasks) {
	}

	/** A task of a replayed case: its (kept) item, department, and the ISO week it ends in. */
	record TaskEnd(String item, String department, String week) {
	}

	/** The inputs a replay needs besides the cases: the catalogue, its sources and the change, if any. */
	record Under(Catalogue catalogue, MaterialSources sources, CatalogueChange change) {
	}

	private Replay() {
	}

	static List<CaseFigures> of(List<HandledCase> cases, Catalogue inForce, Under under, WorkingDayCalendar calendar) {
		Map<String, String> mergedInto = new HashMap<>();
		if (under.change() != null) {
			for (CatalogueChange.Operation o : under.change().operations()) {
				if (o instanceof CatalogueChange.MergeItems m) {
					mergedInto.replaceAll((from, to) -> to.equals(m.absorbed()) ? m.kept() : to);
					mergedInto.put(m.absorbed(), m.kept());
				}
			}
		}
		return cases.stream().map(c -> replay(c, inForce, under, calendar, mergedInto)).toList();
	}

	/** A task as replayed: its item (after merging), department, start, days and prerequisites. */
	private record Projected(String item, String department, LocalDate startedOn, int days, Set<String> prerequisites) {
	}

	private static CaseFigures replay(HandledCase c, Catalogue inForce, Under under, WorkingDayCalendar calendar,
			Map<String, String> mergedInto) {
		Map<String, Projected> tasks = new LinkedHashMap<>();
		List<HandledTask> counted = c.tasks()
			.stream()
			.filter(t -> t.state() != TaskState.CANCELLED && t.startedOn() != null)
			.toList();
		for (HandledTask t : counted) {
			String item = mergedInto.getOrDefault(t.item(), t.item());
			int days = projectedDays(t, item, inForce, under.catalogue(), calendar);
			Set<String> prerequisites = new LinkedHashSet<>();
			t.prerequisites().stream().map(p -> mergedInto.getOrDefault(p, p)).filter(p -> !p.equals(item)).forEach(prerequisites::add);
			Projected own = new Projected(item, t.item().equals(item) ? t.department() : null, t.startedOn(), days, prerequisites);
			tasks.merge(item, own, Replay::together);
		}
		Map<String, Integer> finish = new HashMap<>();
		int caseDays = 0;
		for (String item : tasks.keySet()) {
			caseDays = Math.max(caseDays, finish(item, tasks, finish));
		}
		List<TaskEnd> ends = new ArrayList<>();
		for (Projected p : tasks.values()) {
			String department = p.department() != null ? p.department()
					: under.catalogue().item(p.item())
						.flatMap(i -> under.catalogue().competentDepartment(i, RegionCode.of(c.region())))
						.map(d -> d.code())
						.orElseGet(() -> counted.stream().filter(t -> mergedInto.getOrDefault(t.item(), t.item()).equals(p.item()))
							.findFirst().orElseThrow().department());
			ends.add(new TaskEnd(p.item(), department, week(calendar.plusWorkingDays(p.startedOn(), p.days()))));
		}
		List<String> items = c.tasks()
			.stream()
			.filter(t -> t.state() != TaskState.CANCELLED)
			.map(t -> mergedInto.getOrDefault(t.item(), t.item()))
			.distinct()
			.filter(i -> under.catalogue().item(i).isPresent())
			.toList();
		Optional<Matter> matter = under.catalogue().matter(c.matter());
		int materials = 0;
		int trips = 0;
		if (matter.isPresent() && !items.isEmpty()) {
			Applicability applicability = new Applicability(List.of(), List.of(), items, Set.of(), Set.of(), List.of());
			List<MaterialList.RequiredMaterial> handedIn = MaterialList
				.derive(under.catalogue(), matter.get(), applicability, Set.of(), under.sources())
				.materials()
				.stream()
				.filter(MaterialList.RequiredMaterial::required)
				.filter(m -> !m.resolution().source().spared())
				.toList();
			materials = handedIn.size();
			trips = handedIn.stream().anyMatch(m -> m.originals() > 0) ? 1 : 0;
		}
		return new CaseFigures(c.number(), c.matter(), c.acceptedOn(), c.closed(), caseDays, trips, materials, List.copyOf(ends));
	}

	/**
	 * The task's working days as they went — start to decision, or to the due day while open — capped under the
	 * draft: 0 for an item newly approved by a 秒批 rule, at most the new limit of an item whose limit was shortened.
	 */
	static int projectedDays(HandledTask t, String item, Catalogue inForce, Catalogue draft, WorkingDayCalendar calendar) {
		LocalDate end = t.decidedOn() != null ? t.decidedOn() : t.dueOn();
		int days = end == null ? Optional.ofNullable(t.limitDays()).orElse(0) : Math.max(0, calendar.workingDaysBetween(t.startedOn(), end));
		Optional<Item> before = inForce.item(item);
		Optional<Item> after = draft.item(item);
		if (after.isEmpty()) {
			return days;
		}
		boolean newlyAutomatic = after.get().autoApproval() != null && before.map(i -> i.autoApproval() == null).orElse(true);
		if (newlyAutomatic) {
			return 0;
		}
		if (before.isPresent() && t.item().equals(item) && after.get().promisedLimit() < before.get().promisedLimit()) {
			return Math.min(days, after.get().promisedLimit());
		}
		return days;
	}

	/** Two tasks of one case that a merge makes one: the longer, started on the earlier day, in the kept item's department. */
	private static Projected together(Projected a, Projected b) {
		Set<String> prerequisites = new LinkedHashSet<>(a.prerequisites());
		prerequisites.addAll(b.prerequisites());
		return new Projected(a.item(), a.department() != null ? a.department() : b.department(),
				a.startedOn().isBefore(b.startedOn()) ? a.startedOn() : b.startedOn(), Math.max(a.days(), b.days()), prerequisites);
	}

	private static int finish(String item, Map<String, Projected> tasks, Map<String, Integer> finish) {
		Integer known = finish.get(item);
		if (known != null) {
			return known;
		}
		finish.put(item, 0); // a cycle in stored data ends here rather than looping
		Projected p = tasks.get(item);
		int before = p.prerequisites().stream().filter(tasks::containsKey).mapToInt(q -> finish(q, tasks, finish)).max().orElse(0);
		finish.put(item, before + p.days());
		return before + p.days();
	}

	/** The ISO week of a day, e.g. 2026-W23. */
	static String week(LocalDate day) {
		return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	/** Tasks per department per week, departments and weeks in order. */
	static Map<String, Map<String, Integer>> load(List<CaseFigures> cases) {
		Map<String, Map<String, Integer>> load = new TreeMap<>();
		for (CaseFigures c : cases) {
			for (TaskEnd t : c.tasks()) {
				load.computeIfAbsent(t.department(), d -> new TreeMap<>()).merge(t.week(), 1, Integer::sum);
			}
		}
		return load;
	}
}
