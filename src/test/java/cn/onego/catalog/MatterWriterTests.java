package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.ComposedMatter.Dependency;
import cn.onego.catalog.ComposedMatter.Line;
import cn.onego.catalog.ComposedMatter.Words;

/**
 * The composer's matter files: every shipped matter written from its composed form reads back as the same
 * matter, typed text cannot change a file's structure, and what is wrong is found by the catalogue's own reader
 * at the place in the draft where it is.
 */
class MatterWriterTests {

	static Map<String, String> shippedFiles() throws IOException {
		return BundledCatalogueTests.files();
	}

	private static CatalogueReader.Outcome readWith(Map<String, String> files, String path, String text) {
		return CatalogueReader.read(new CatalogueFiles(files).merge(Map.of(path, text), List.of()));
	}

	@Test
	void writesEveryShippedMatterSoThatItReadsBackUnchanged() throws IOException {
		Map<String, String> files = shippedFiles();
		Catalogue shipped = ((CatalogueReader.Read) CatalogueReader.read(new CatalogueFiles(files))).catalogue();
		List<String> matterFiles = files.keySet().stream().filter(p -> p.startsWith("matters/")).toList();
		assertThat(matterFiles).hasSizeGreaterThanOrEqualTo(15);
		for (String path : matterFiles) {
			String code = shipped.matters()
				.stream()
				.filter(m -> files.get(path).contains("code: " + m.code() + "\n"))
				.findFirst()
				.orElseThrow()
				.code();
			Matter original = shipped.matter(code).orElseThrow();
			String written = MatterWriter.write(ComposedMatter.of(original));
			CatalogueReader.Outcome outcome = readWith(files, path, written);
			assertThat(outcome).as(path + "\n" + written).isInstanceOf(CatalogueReader.Read.class);
			assertThat(((CatalogueReader.Read) outcome).catalogue().matter(code)).as(path).contains(original);
		}
	}

	@Test
	void keepsTypedTextAsTextWhateverItHolds() throws IOException {
		Map<String, String> files = shippedFiles();
		Matter catering = ((CatalogueReader.Read) CatalogueReader.read(new CatalogueFiles(files))).catalogue()
			.matter("HN-CATERING")
			.orElseThrow();
		ComposedMatter composed = ComposedMatter.of(catering);
		String tricky = "NO: \"开\"店 # not a comment\n[x], {y} \\ 'z' - yes";
		ComposedMatter renamed = new ComposedMatter("ZZ-TRICKY", new Words(tricky, "null"), List.of("NO", "true", "~"),
				composed.theme(), composed.applicantType(), composed.leadDepartmentType(), null,
				composed.offeredIn(), null, new Words("多行\n说明", null), composed.items(), composed.dependencies(),
				composed.situations(), null);
		CatalogueReader.Outcome outcome = readWith(files, "matters/zz-tricky.yaml", MatterWriter.write(renamed));
		assertThat(outcome).isInstanceOf(CatalogueReader.Read.class);
		Matter read = ((CatalogueReader.Read) outcome).catalogue().matter("ZZ-TRICKY").orElseThrow();
		assertThat(read.name().zh()).isEqualTo(tricky);
		assertThat(read.name().en()).isEqualTo("null");
		assertThat(read.aliases()).containsExactly("NO", "true", "~");
		assertThat(read.description().zh()).isEqualTo("多行\n说明");
		assertThat(read.situations()).isEqualTo(catering.situations());
	}

	@Test
	void leavesTheRulesToTheReaderWhichLocatesEachErrorInTheDraft() throws IOException {
		Map<String, String> files = shippedFiles();
		ComposedMatter broken = new ComposedMatter("ZZ-BROKEN", null, List.of(), "ENTERPRISE_OPENING", "ENTERPRISE", null,
				null, List.of("430000"), null, null,
				List.of(new Line("HN-SCJG-ENT-REG", true, true), new Line("ZZ-NO-SUCH-ITEM", true, true),
						new Line("HN-SCJG-FOOD-LICENCE", null, null)),
				List.of(new Dependency("HN-SCJG-FOOD-LICENCE", List.of("HN-SCJG-ENT-REG")),
						new Dependency("HN-SCJG-ENT-REG", List.of("HN-SCJG-FOOD-LICENCE"))),
				List.of(), null);
		CatalogueReader.Outcome outcome = readWith(files, "matters/zz-broken.yaml", MatterWriter.write(broken));
		assertThat(outcome).isInstanceOf(CatalogueReader.Rejected.class);
		List<CatalogueError> errors = ((CatalogueReader.Rejected) outcome).errors();
		assertThat(errors).extracting(CatalogueError::location).containsExactlyInAnyOrder("name", "items[1].item", "dependencies");
		assertThat(errors).filteredOn(e -> e.location().equals("dependencies"))
			.extracting(e -> e.message().en())
			.containsExactly("the dependencies form a cycle: HN-SCJG-FOOD-LICENCE → HN-SCJG-ENT-REG → HN-SCJG-FOOD-LICENCE");
		assertThat(errors).filteredOn(e -> e.location().equals("items[1].item"))
			.extracting(e -> e.message().zh())
			.containsExactly("事项不存在：ZZ-NO-SUCH-ITEM");
	}
}
