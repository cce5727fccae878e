package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.CatalogueReader.Read;
import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.shared.RegionCode;

/** The demo catalogue shipped in the repository validates and has what the README promises. */
class BundledCatalogueTests {

	/** The shipped catalogue's files, by path, as the source tree has them. */
	static Map<String, String> files() throws IOException {
		Path root = Path.of("src/main/resources/catalog");
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				String name = root.relativize(path).toString().replace('\\', '/');
				if (CatalogueFiles.isData(name)) {
					files.put(name, Files.readString(path, StandardCharsets.UTF_8));
				}
			}
		}
		return files;
	}

	static Catalogue bundled() throws IOException {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files()));
		if (outcome instanceof Rejected rejected) {
			StringBuilder all = new StringBuilder();
			rejected.errors().forEach(e -> all.append(e.where()).append(" — ").append(e.message().en()).append('\n'));
			throw new AssertionError(rejected.errors().size() + " catalogue errors:\n" + all);
		}
		return ((Read) outcome).catalogue();
	}

	@Test
	void validatesWithoutErrors() throws IOException {
		Catalogue catalogue = bundled();
		assertThat(catalogue.matters()).hasSizeGreaterThanOrEqualTo(12);
	}

	@Test
	void coversEveryProvincePrefectureAndCountyAndHunansTowns() throws IOException {
		Catalogue catalogue = bundled();
		assertThat(catalogue.regions().stream().filter(r -> r.level() == RegionLevel.PROVINCE)).hasSize(31);
		assertThat(catalogue.childrenOf(RegionCode.of("430000"))).hasSize(14);
		assertThat(catalogue.regions().stream().filter(r -> r.level() == RegionLevel.COUNTY)).hasSizeGreaterThan(2800);
		assertThat(catalogue.childrenOf(RegionCode.of("431021"))).isNotEmpty()
			.allSatisfy(town -> assertThat(town.level()).isEqualTo(RegionLevel.TOWN));
		assertThat(catalogue.department("430000-PUBLIC_SECURITY").orElseThrow().name()).isEqualTo("湖南省公安厅");
		assertThat(catalogue.department("430100-PUBLIC_SECURITY").orElseThrow().name()).isEqualTo("长沙市公安局");
		assertThat(catalogue.department("431021-FIRE_RESCUE").orElseThrow().name()).isEqualTo("桂阳县消防救援大队");
		assertThat(catalogue.department("430000-FIRE_RESCUE").orElseThrow().name()).isEqualTo("湖南省消防救援总队");
		for (String partner : new String[] { "431200", "220000", "440200", "441200", "350100" }) {
			assertThat(catalogue.departments().stream().filter(d -> d.region().value().equals(partner))).as(partner).isNotEmpty();
		}
	}
}
