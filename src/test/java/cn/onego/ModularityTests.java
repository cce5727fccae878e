package cn.onego;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

/** The module structure holds: no cycles, no reaching into another module's internals. */
class ModularityTests {

	private static final Path ARCHITECTURE = Path.of("docs/ARCHITECTURE.md");
	private static final String START = "<!-- module-graph:start (ModularityTests writes it) -->";
	private static final String END = "<!-- module-graph:end -->";

	/** Modules every other one may use; drawn as a note instead of an arrow from each. */
	private static final Set<String> OPEN = Set.of("shared", "platform");

	private final ApplicationModules modules = ApplicationModules.of(OneGo.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The module diagrams, under target/spring-modulith-docs. (Module canvases are left out: in Spring Modulith
	 * 2.0.3 their Javadoc reader fails on some nested problem types.)
	 */
	@Test
	void writesTheModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	/**
	 * The graph drawn in docs/ARCHITECTURE.md is the one the code has: a new dependency between modules fails here
	 * until the document shows it. {@code -Donego.docs.regenerate=true} writes the current graph into the document.
	 */
	@Test
	void architectureDrawsTheModulesAsTheyDependOnEachOther() throws IOException {
		String doc = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
		int from = doc.indexOf(START);
		int to = doc.indexOf(END);
		assertThat(from).as("the module graph's markers in " + ARCHITECTURE).isNotNegative().isLessThan(to);
		String drawn = doc.substring(from + START.length(), to);
		String graph = "\n" + mermaid() + "\n";
		if (Boolean.getBoolean("onego.docs.regenerate")) {
			Files.writeString(ARCHITECTURE, doc.substring(0, from + START.length()) + graph + doc.substring(to), StandardCharsets.UTF_8);
			drawn = graph;
		}
		assertThat(drawn).as("the module graph in docs/ARCHITECTURE.md (regenerate: -Donego.docs.regenerate=true)").isEqualTo(graph);
	}

	/**
	 * Each module and the modules it uses: a solid arrow where it calls their API (or uses their types), a dotted one
	 * where it only listens to their events.
	 */
	private String mermaid() {
		List<ApplicationModule> all = modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).toList();
		StringBuilder out = new StringBuilder("```mermaid\nflowchart LR\n");
		for (ApplicationModule module : all) {
			if (OPEN.contains(module.getName())) {
				continue;
			}
			TreeMap<String, TreeSet<DependencyType>> targets = new TreeMap<>();
			module.getDirectDependencies(modules)
				.stream()
				.filter(d -> !OPEN.contains(d.getTargetModule().getName()) && !d.getTargetModule().equals(module))
				.forEach(d -> targets.computeIfAbsent(d.getTargetModule().getName(), n -> new TreeSet<>()).add(type(d)));
			if (targets.isEmpty()) {
				out.append("    ").append(module.getName()).append('\n');
			}
			targets.forEach((target, types) -> out.append("    ")
				.append(module.getName())
				.append(types.equals(Set.of(DependencyType.EVENT_LISTENER)) ? " -. events .-> " : " --> ")
				.append(target)
				.append('\n'));
		}
		out.append("```\n\nEvery module may also use `shared` (value types) and `platform` (database, problems, crypto); those arrows are left out.");
		return out.toString();
	}

	private static DependencyType type(ApplicationModuleDependency dependency) {
		return dependency.getDependencyType();
	}
}
