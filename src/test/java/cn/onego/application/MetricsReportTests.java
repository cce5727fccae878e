package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.onego.application.ReductionMetrics.Aggregate;
import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the catalogue-wide reduction metrics of the demo regions as Markdown: to target/METRICS.md,
 * or to the file named by {@code -Dmetrics.out} (docs/METRICS.md is produced that way). It also checks
 * that the aggregate is the sum of the matters. With {@code -Dmetrics.from=<base URL of a running OneGo>} it adds
 * what that deployment knows and the catalogue does not: the materials its registries really remove, and the
 * measured figures of its issued cases — after checking that the deployment computes the same figures from the same
 * catalogue.
 */
class MetricsReportTests {

	private final Catalogue catalogue = BundledCatalogueAccess.bundled();

	@Test
	void writesTheReductionMetricsOfTheDemoRegions() throws IOException, InterruptedException {
		String from = System.getProperty("metrics.from");
		StringBuilder out = new StringBuilder("""
				# Reduction metrics of the demo catalogue

				Computed by OneGo from the catalogue (`src/main/resources/catalog/`), not counted by hand. Produced by:

				```bash
				./mvnw -q test -Dtest=MetricsReportTests -Dmetrics.out=docs/METRICS.md
				```

				which gives every column computed from the catalogue; the columns of a deployment (its registries and its
				measured figures) are taken from a running OneGo with a history of cases, here the demo with its generated
				history (`onego.demo-history.enabled`, eight weeks of cases in the demo halls, on a fresh data directory):

				```bash
				ONEGO_DATA_DIR=/tmp/onego-metrics ./mvnw spring-boot:run \\
				    -Dspring-boot.run.arguments="--server.port=18089 --onego.demo-history.enabled=true" &
				# once it is up, the history written and the measured figures counted from it (the log says "Demo history: …
				# cases … generated", then "Measured figures: snapshot as of … from … issued cases")
				./mvnw -q test -Dtest=MetricsReportTests -Dmetrics.out=docs/METRICS.md -Dmetrics.from=http://localhost:18089
				```

				The same figures are served live by `GET /api/v1/metrics/regions/{region}` (whole region) and
				`GET /api/v1/matters/{code}/metrics`; `POST /api/v1/matters/{code}/guidance` gives the computed ones for any
				set of situation answers. Here each matter is taken with its default answers (the items marked `included`);
				a "menu" matter whose defaults include no item (惠企政策兑现) is taken with every option chosen.

				The columns:

				- **legal before**: the items' legal limits (法定时限) one after another, in working days — what the law
				  allows each department if the applicant went to them one by one.
				- **promised before**: the items' promised limits (承诺时限) one after another — what the departments already
				  commit to after earlier reforms; the smaller, more modest "before". Many promised limits in the demo
				  catalogue are marked as assumptions in its files.
				- **after**: the critical path through the matter's dependency graph on the promised limits, in working
				  days, and the reduction against the legal and against the promised "before".
				- **materials**: before, every applicable item applied for separately — its required materials; after, one
				  merged form and the materials without those exempt by law, replaced by the merged form, produced by an
				  earlier item of the matter, or obtainable as an e-licence or from a shared registry, **assuming every
				  registry is connected**. *This deployment's registries*: the same, with a material counted as removed only
				  when its registry is connected in the deployment the report was taken from (a province's registry
				  configured, or the built-in registry holding records of that kind; e-licences come from OneGo's own licence
				  library) — "—" when the report was made without a deployment.
				- **form fields, steps, trips**: the merged form against every item's own form; one acceptance plus the
				  departments' own steps; one trip, or none when no original must be shown, against one per department.
				- **measured** (issued cases of the last year in the deployment, from its daily snapshot — counted every night, after
				  start-up and after the demo history is written —, "—" when none or without a deployment): how
				  many cases, the median and the mean working days from submission to issue on the region's calendar, the
				  trips to a hall per case (handing in at a counter or kiosk, each day supplies were handed in at a window,
				  collection at the exit window rather than by mail) and the materials uploaded per case (with the
				  application or supplied later; only cases whose application is kept — generated history has none, so "—").
				- Percentages are the reductions the reform reports: 材料精减, 表单字段精简, 环节精减, 跑动次数减少, 时限压缩.

				""");
		if (from != null) {
			out.append("Deployment figures taken from a running OneGo (").append(from.contains("localhost") ? "the demo with its generated history" : from)
				.append(").\n\n");
		}
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
			assertThat(aggregate.workingDaysBefore().legal())
				.isEqualTo(metrics.stream().mapToInt(m -> m.workingDaysBefore().legal()).sum());
			Map<String, JsonNode> deployed = from == null ? Map.of() : deployed(from, region);
			out.append("## ").append(catalogue.region(code).orElseThrow().name()).append(" (").append(region).append(")\n\n");
			out.append("| matter | items | depts | legal before | promised before | after (days) | materials (all registries connected) "
					+ "| materials after, this deployment's registries | form fields | steps | trips "
					+ "| measured: cases | median days | mean days | trips | uploads |\n");
			out.append("|---|---:|---:|---:|---:|---|---|---:|---|---|---|---:|---:|---:|---:|---:|\n");
			int configured = 0;
			boolean anyDeployed = false;
			for (int i = 0; i < matters.size(); i++) {
				ReductionMetrics m = metrics.get(i);
				JsonNode remote = deployed.get(matters.get(i).code());
				if (remote != null) {
					assertThat(remote.path("after").path("materials").asInt()).as("the deployment computes from the same catalogue")
						.isEqualTo(m.after().materials());
					assertThat(remote.path("workingDaysBefore").path("legal").asInt()).isEqualTo(m.workingDaysBefore().legal());
					configured += remote.path("registries").path("configured").asInt();
					anyDeployed = true;
				}
				out.append("| ").append(matters.get(i).name().zh()).append(" | ")
					.append(Applicability.of(matters.get(i), Guidance.typicalAnswers(matters.get(i))).items().size()).append(" | ")
					.append(m.departments()).append(" | ").append(days(m.workingDaysBefore())).append(" | ")
					.append(cell(m.before().materials(), m.after().materials(), m.reduction().materials())).append(" | ")
					.append(remote == null ? "—" : String.valueOf(remote.path("registries").path("configured").asInt())).append(" | ")
					.append(cells(m.before(), m.after(), m.reduction())).append(" | ")
					.append(measured(remote == null ? null : remote.get("measured"))).append(" |\n");
			}
			out.append("| **all ").append(matters.size()).append(" matters** | | | ").append(days(aggregate.workingDaysBefore()))
				.append(" | ").append(cell(aggregate.before().materials(), aggregate.after().materials(), aggregate.reduction().materials()))
				.append(" | ").append(anyDeployed ? String.valueOf(configured) : "—").append(" | ")
				.append(cells(aggregate.before(), aggregate.after(), aggregate.reduction())).append(" | | | | | |\n\n");
		}
		Path target = Path.of(System.getProperty("metrics.out", "target/METRICS.md"));
		Files.createDirectories(target.toAbsolutePath().getParent());
		Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
		assertThat(target).exists();
	}

	/** The per-matter metrics a running deployment serves for the region, by matter code. */
	private static Map<String, JsonNode> deployed(String from, String region) throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(from.replaceAll("/$", "") + "/api/v1/metrics/regions/" + region))
				.timeout(Duration.ofMinutes(2))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, JsonNode> byCode = new HashMap<>();
		JsonMapper.builder().build().readTree(response.body()).path("matters")
			.forEach(m -> byCode.put(m.path("code").asString(), m.path("metrics")));
		return byCode;
	}

	/** Legal before, promised before, and after with its reduction against each. */
	private static String days(ReductionMetrics.WorkingDaysBefore days) {
		return days.legal() + " | " + days.promised() + " | " + days.after() + " (" + signed(days.reductionFromLegal())
				+ " legal, " + signed(days.reductionFromPromised()) + " promised)";
	}

	private static String measured(JsonNode m) {
		if (m == null || m.isNull() || m.isMissingNode()) {
			return "— | — | — | — | —";
		}
		return m.path("cases").asInt() + " | " + m.path("workingDaysMedian").asString() + " | " + m.path("workingDaysMean").asString()
				+ " | " + m.path("tripsMean").asString() + " | "
				+ (m.path("materialsUploadedMean").isMissingNode() || m.path("materialsUploadedMean").isNull() ? "—"
						: m.path("materialsUploadedMean").asString());
	}

	private static String cells(Counts before, Counts after, ReductionMetrics.Reduction reduction) {
		return cell(before.formFields(), after.formFields(), reduction.formFields()) + " | "
				+ cell(before.steps(), after.steps(), reduction.steps()) + " | "
				+ cell(before.trips(), after.trips(), reduction.trips());
	}

	private static String cell(int before, int after, BigDecimal reduction) {
		return before + " → " + after + " (" + signed(reduction) + ")";
	}

	private static String signed(BigDecimal reduction) {
		String sign = reduction.signum() > 0 ? "−" : reduction.signum() < 0 ? "+" : "±";
		return sign + reduction.abs().toPlainString() + " %";
	}
}
