package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.onego.application.ReductionMetrics.Aggregate;
import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;

/**
 * Writes the catalogue-wide reduction metrics of the demo regions as Markdown: to target/METRICS.md,
 * or to the file named by {@code -Dmetrics.out} (docs/METRICS.md is produced that way). It also checks
 * that the aggregate is the sum of the matters.
 */
class MetricsReportTests {

	private final Catalogue catalogue = BundledCatalogueAccess.bundled();

	@Test
	void writesTheReductionMetricsOfTheDemoRegions() throws IOException {
		StringBuilder out = new StringBuilder("""
				# Reduction metrics of the demo catalogue

				Computed by OneGo from the catalogue (`src/main/resources/catalog/`), not counted by hand. Produced by:

				```bash
				./mvnw -q test -Dtest=MetricsReportTests -Dmetrics.out=docs/METRICS.md
				```

				The same figures are served live by `GET /api/v1/metrics/regions/{region}` (whole region) and
				`GET /api/v1/matters/{code}/metrics`; `POST /api/v1/matters/{code}/guidance` gives them for any set of
				situation answers. Here each matter is taken with its default answers (the items marked `included`);
				a "menu" matter whose defaults include no item (惠企政策兑现) is taken with every option chosen.

				- **Before**: every applicable item applied for separately — its required materials, its own form
				  fields, all its steps, one trip per department, and the promised limits one after another.
				- **After**: one merged form; materials without those exempt by law, replaced by the merged form (the
				  items' own application forms), produced by an earlier item of the matter, or obtainable as an
				  e-licence or from a shared registry; one acceptance plus the departments' own steps; one trip, or none
				  when no original must be shown; and the critical path through the dependency graph in working days.
				- Percentages are the reductions the reform reports: 材料精减, 表单字段精简, 环节精减, 跑动次数减少, 时限压缩.
				  Many promised limits in the demo catalogue are marked as assumptions in its files.

				""");
		for (String region : List.of("430000", "430100")) {
			RegionCode code = RegionCode.of(region);
			List<Matter> matters = catalogue.mattersOfferedIn(code);
			List<ReductionMetrics> metrics = matters.stream()
				.map(m -> Guidance.guide(catalogue, m, Guidance.typicalAnswers(m), java.util.Set.of(), MaterialSources.AS_CATALOGUED)
					.metrics())
				.toList();
			Aggregate aggregate = Aggregate.of(metrics);
			assertThat(aggregate.before().materials()).isEqualTo(metrics.stream().mapToInt(m -> m.before().materials()).sum());
			assertThat(aggregate.after().workingDays()).isEqualTo(metrics.stream().mapToInt(m -> m.after().workingDays()).sum());
			out.append("## ").append(catalogue.region(code).orElseThrow().name()).append(" (").append(region).append(")\n\n");
			out.append("| matter | items | depts | materials | form fields | steps | trips | working days |\n");
			out.append("|---|---:|---:|---|---|---|---|---|\n");
			for (int i = 0; i < matters.size(); i++) {
				ReductionMetrics m = metrics.get(i);
				out.append("| ").append(matters.get(i).name().zh()).append(" | ")
					.append(Applicability.of(matters.get(i), Guidance.typicalAnswers(matters.get(i))).items().size()).append(" | ")
					.append(m.departments()).append(" | ").append(cells(m.before(), m.after(), m.reduction())).append('\n');
			}
			out.append("| **all ").append(matters.size()).append(" matters** | | | ")
				.append(cells(aggregate.before(), aggregate.after(), aggregate.reduction())).append("\n\n");
		}
		Path target = Path.of(System.getProperty("metrics.out", "target/METRICS.md"));
		Files.createDirectories(target.toAbsolutePath().getParent());
		Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
		assertThat(target).exists();
	}

	private static String cells(Counts before, Counts after, ReductionMetrics.Reduction reduction) {
		return cell(before.materials(), after.materials(), reduction.materials()) + " | "
				+ cell(before.formFields(), after.formFields(), reduction.formFields()) + " | "
				+ cell(before.steps(), after.steps(), reduction.steps()) + " | "
				+ cell(before.trips(), after.trips(), reduction.trips()) + " | "
				+ cell(before.workingDays(), after.workingDays(), reduction.workingDays()) + " |";
	}

	private static String cell(int before, int after, java.math.BigDecimal reduction) {
		String sign = reduction.signum() > 0 ? "−" : reduction.signum() < 0 ? "+" : "±";
		return before + " → " + after + " (" + sign + reduction.abs().toPlainString() + " %)";
	}
}
