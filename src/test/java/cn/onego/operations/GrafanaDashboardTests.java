package cn.onego.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sample dashboard in docs/ stays importable and charts only metrics docs/OPERATIONS.md explains. */
class GrafanaDashboardTests {

	private static final Pattern METRIC = Pattern.compile("onego_[a-z_]+");

	@Test
	void chartsOnlyDocumentedMetricsWithAQueryInEveryPanel() throws IOException {
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(Path.of("docs/grafana-onego.json")));
		String operations = Files.readString(Path.of("docs/OPERATIONS.md"));
		Set<String> undocumented = new TreeSet<>();
		int charts = 0;
		for (JsonNode panel : dashboard.get("panels")) {
			if ("row".equals(panel.get("type").asString())) {
				continue;
			}
			charts++;
			assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
			for (JsonNode target : panel.get("targets")) {
				Matcher m = METRIC.matcher(target.get("expr").asString());
				while (m.find()) {
					String name = m.group().replaceAll("_(bucket|count|sum)$", "");
					if (!operations.contains("`" + name + "`") && !operations.contains("`" + name + "{")) {
						undocumented.add(name);
					}
				}
			}
		}
		assertThat(charts).isGreaterThan(10);
		assertThat(undocumented).as("metrics charted but not explained in docs/OPERATIONS.md").isEmpty();
	}
}
