package cn.onego.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Step;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;

/**
 * What applying once saves, computed rather than counted by hand. "Before": each applicable item
 * applied for separately — its own materials, its own form, all its steps, one trip per department,
 * and the items' promised limits one after another. "After": the de-duplicated list without what is
 * exempt, produced by an earlier item or held by the government, one merged form, one acceptance plus
 * the departments' own steps, one trip (none when no original must be shown), and the critical path
 * through the dependency graph. Percentages are those the reform reports: 材料精减, 环节精减, 时限压缩,
 * 跑动次数减少 (and fields of the form).
 * <p>
 * "Before" in working days is given both ways, each labelled ({@link WorkingDaysBefore}): the items' promised limits
 * (承诺时限, already shortened by earlier reforms, and the figure of {@code before.workingDays}) and their legal limits
 * (法定时限) one after another. {@code registries} says which of the materials "after" this deployment's registries
 * really remove ({@link RegistryReach}), {@code measured} what closed cases really took ({@link Measured}); both are
 * null where they are not known (a catalogue read without a running deployment, a matter without closed cases).
 */
public record ReductionMetrics(Counts before, Counts after, Reduction reduction, List<String> criticalPath,
		int departments, WorkingDaysBefore workingDaysBefore, RegistryReach registries, Measured measured) {

	/**
	 * The working days "before" both ways, and the reduction of the critical path against each: {@code legal}, the
	 * items' legal limits (法定时限) one after another — what the law allows; {@code promised}, their promised limits
	 * (承诺时限) one after another — what the departments already commit to, and the smaller reduction.
	 */
	public record WorkingDaysBefore(int legal, int promised, int after, BigDecimal reductionFromLegal,
			BigDecimal reductionFromPromised) {

		static WorkingDaysBefore of(int legal, int promised, int after) {
			return new WorkingDaysBefore(legal, promised, after, Reduction.percent(legal, after),
					Reduction.percent(promised, after));
		}

		WorkingDaysBefore plus(WorkingDaysBefore other) {
			return of(legal + other.legal, promised + other.promised, after + other.after);
		}
	}

	/** The same metrics with what this deployment's registries remove. */
	public ReductionMetrics withRegistries(RegistryReach reach) {
		return new ReductionMetrics(before, after, reduction, criticalPath, departments, workingDaysBefore, reach, measured);
	}

	/** The same metrics with what closed cases really took (null: none closed). */
	public ReductionMetrics withMeasured(Measured figures) {
		return new ReductionMetrics(before, after, reduction, criticalPath, departments, workingDaysBefore, registries, figures);
	}

	public record Counts(int materials, int formFields, int steps, int trips, int workingDays) {

		Counts plus(Counts other) {
			return new Counts(materials + other.materials, formFields + other.formFields, steps + other.steps,
					trips + other.trips, workingDays + other.workingDays);
		}
	}

	/** Reductions in per cent, one decimal, as the reform offices report them. */
	public record Reduction(BigDecimal materials, BigDecimal formFields, BigDecimal steps, BigDecimal trips,
			BigDecimal workingDays) {

		static Reduction between(Counts before, Counts after) {
			return new Reduction(percent(before.materials, after.materials), percent(before.formFields, after.formFields),
					percent(before.steps, after.steps), percent(before.trips, after.trips),
					percent(before.workingDays, after.workingDays));
		}

		static BigDecimal percent(int before, int after) {
			if (before == 0) {
				return BigDecimal.ZERO.setScale(1);
			}
			return BigDecimal.valueOf((long) (before - after) * 100).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
		}
	}

	public static ReductionMetrics of(Catalogue catalogue, Matter matter, Applicability applicability,
			MaterialList materials, MergedForm form) {
		List<Item> items = applicability.items().stream().map(code -> catalogue.item(code).orElseThrow()).toList();
		Set<String> departmentTypes = new LinkedHashSet<>();
		int materialsBefore = 0, fieldsBefore = 0, stepsBefore = 0, daysBefore = 0, legalDaysBefore = 0, stepsAfter = 1;
		for (Item item : items) {
			departmentTypes.add(item.departmentType());
			materialsBefore += (int) item.materials()
				.stream()
				.filter(use -> !applicability.excludedMaterials().contains(use.material()))
				.filter(use -> use.required() || applicability.includedMaterials().contains(use.material()))
				.count();
			fieldsBefore += item.fields().size();
			stepsBefore += item.steps().size();
			stepsAfter += (int) item.steps().stream().filter(step -> step != Step.ACCEPT).count();
			daysBefore += item.promisedLimit();
			legalDaysBefore += item.legalLimit();
		}
		List<MaterialList.RequiredMaterial> handedIn = materials.materials()
			.stream()
			.filter(MaterialList.RequiredMaterial::required)
			.filter(m -> !m.resolution().source().spared())
			.toList();
		boolean originalsToShow = handedIn.stream().anyMatch(m -> m.originals() > 0);
		CriticalPath.Path path = CriticalPath.of(applicability.items(), matter::prerequisitesOf,
				code -> catalogue.item(code).orElseThrow().promisedLimit());
		Counts before = new Counts(materialsBefore, fieldsBefore, stepsBefore, departmentTypes.size(), daysBefore);
		Counts after = items.isEmpty() ? new Counts(0, 0, 0, 0, 0)
				: new Counts(handedIn.size(), form.fields().size(), stepsAfter, originalsToShow ? 1 : 0, path.length());
		return new ReductionMetrics(before, after, Reduction.between(before, after), path.nodes(), departmentTypes.size(),
				WorkingDaysBefore.of(legalDaysBefore, daysBefore, after.workingDays()), null, null);
	}

	/** Totals over several matters, with the reduction of the totals. */
	public record Aggregate(int matters, Counts before, Counts after, Reduction reduction,
			WorkingDaysBefore workingDaysBefore) {

		public static Aggregate of(List<ReductionMetrics> metrics) {
			Counts before = new Counts(0, 0, 0, 0, 0);
			Counts after = new Counts(0, 0, 0, 0, 0);
			WorkingDaysBefore days = WorkingDaysBefore.of(0, 0, 0);
			for (ReductionMetrics m : metrics) {
				before = before.plus(m.before());
				after = after.plus(m.after());
				days = days.plus(m.workingDaysBefore());
			}
			return new Aggregate(metrics.size(), before, after, Reduction.between(before, after), days);
		}
	}
}
