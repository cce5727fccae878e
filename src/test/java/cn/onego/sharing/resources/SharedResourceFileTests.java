package cn.onego.sharing.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;

/** The shipped catalogue of shared resources, checked against the shipped service catalogue, and what the check refuses. */
class SharedResourceFileTests {

	static final Path FILE = Path.of("src/main/resources/sharing/shared-resources.yaml");
	static Catalogue catalogue;

	@BeforeAll
	static void theBundledCatalogue() {
		catalogue = BundledCatalogueAccess.bundled();
	}

	@Test
	void coversEveryRegistryWithElementsAndProvidersOfTheCatalogue() throws IOException {
		List<SharedResource> resources;
		try (InputStream in = Files.newInputStream(FILE)) {
			resources = SharedResourceFile.read(in, catalogue);
		}
		assertThat(resources.stream().map(SharedResource::registry).collect(Collectors.toSet())).isEqualTo(EnumSet.allOf(Registry.class));
		assertThat(resources).allSatisfy(r -> {
			assertThat(catalogue.department(r.provider())).as(r.code()).isPresent();
			assertThat(r.elements()).as(r.code()).allSatisfy(e -> assertThat(catalogue.element(e)).as(e).isPresent());
			assertThat(r.assumption()).as("reference-facts names no provider, class or frequency: " + r.code()).isNotBlank();
		});
		assertThat(resources).extracting(SharedResource::sharing).contains(SharingClass.values());
		// every element a data element of the catalogue names a registry for is answered by a resource of that registry
		catalogue.elements().stream().filter(e -> e.registry() != null).forEach(e -> assertThat(resources)
			.as(e.code() + " of " + e.registry()).anyMatch(r -> r.registry() == e.registry() && r.elements().contains(e.code())));
	}

	@Test
	void refusesAFileWithAnUnknownProviderOrElementAndNamesEveryProblem() {
		String yaml = """
				resources:
				  - code: BAD-ONE
				    registry: POPULATION
				    provider: 430000-NO_SUCH
				    name: {zh: 坏, en: Bad}
				    description: {zh: 坏, en: Bad}
				    elements: [NO_SUCH_ELEMENT]
				    frequency: SOMETIMES
				    sharing: CONDITIONAL
				""";
		assertThatThrownBy(() -> SharedResourceFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), catalogue))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("430000-NO_SUCH is no department")
			.hasMessageContaining("NO_SUCH_ELEMENT is no data element")
			.hasMessageContaining("frequency SOMETIMES")
			.hasMessageContaining("states its condition")
			.hasMessageContaining("registries without a shared resource");
	}
}
