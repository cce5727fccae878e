package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.ModuleAlone;
import cn.onego.catalog.CatalogueAdministration.ImportMode;

/**
 * The catalogue alone (with the open modules {@code shared} and {@code platform}), on its own embedded
 * PostgreSQL: an accepted import puts a new version in force and announces it with {@link CatalogueReplaced}.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleAlone.class)
@DirtiesContext
class CatalogModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private final CatalogueAdministration administration;
	private final CatalogQueries queries;

	CatalogModuleTests(CatalogueAdministration administration, CatalogQueries queries) {
		this.administration = administration;
		this.queries = queries;
	}

	@Test
	void announcesAnAcceptedImportAsTheCatalogueInForce(Scenario scenario) {
		scenario.stimulate(transactions -> administration.importFiles(TestCatalogue.additions("MT"), List.of(), ImportMode.MERGE,
				"admin", "module test"))
			.andWaitForEventOfType(CatalogueReplaced.class)
			.matching(replaced -> replaced.origin().equals("IMPORTED"))
			.toArriveAndVerify((replaced, imported) -> {
				assertThat(imported.changed()).isTrue();
				assertThat(replaced.version()).isEqualTo(imported.version().version());
				assertThat(queries.catalogue().version()).isEqualTo(replaced.version());
				assertThat(queries.matter("MTT-SHOP").code()).isEqualTo("MTT-SHOP");
			});
	}
}
