package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Item.CrossRegion;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/** 通办范围: which hall's region may accept an item for which competent region, scope by scope. */
class CrossRegionTests {

	private static final List<RegionCode> PARTNERS = List.of(RegionCode.of("440200"), RegionCode.of("441200"),
			RegionCode.of("350100"));

	// Furong District (长沙) is the competent region throughout
	private static final String FURONG = "430102";

	static Stream<Arguments> acceptingHalls() {
		return Stream.of(
				// accepting hall's region, why, then whether NONE, CITY, PROVINCE, CROSS_PROVINCE, NATIONWIDE offer it
				Arguments.of(FURONG, "its own hall", true, true, true, true, true),
				Arguments.of("430100", "the city's hall above it", true, true, true, true, true),
				Arguments.of("430000", "the province's hall above it", true, true, true, true, true),
				Arguments.of("430102001", "a town's hall within it", true, true, true, true, true),
				Arguments.of("430103", "another district of the city", false, true, true, true, true),
				Arguments.of("430121001", "a town of another county of the city", false, true, true, true, true),
				Arguments.of("430500", "another city of the province", false, false, true, true, true),
				Arguments.of("430521", "a county of another city", false, false, true, true, true),
				Arguments.of("440200", "a partner city of another province", false, false, false, true, true),
				Arguments.of("440203", "a district within a partner city", false, false, false, true, true),
				Arguments.of("440100", "a city of the partner's province that is no partner", false, false, false, false, true),
				Arguments.of("110101", "a district far away", false, false, false, false, true));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("acceptingHalls")
	void offersAcceptanceWhereTheScopeReaches(String accepting, String why, boolean none, boolean city, boolean province,
			boolean crossProvince, boolean nationwide) {
		Map<CrossRegionScope, Boolean> expected = Map.of(CrossRegionScope.NONE, none, CrossRegionScope.CITY, city,
				CrossRegionScope.PROVINCE, province, CrossRegionScope.CROSS_PROVINCE, crossProvince,
				CrossRegionScope.NATIONWIDE, nationwide);
		for (CrossRegionScope scope : CrossRegionScope.values()) {
			CrossRegion crossRegion = new CrossRegion(scope, scope == CrossRegionScope.CROSS_PROVINCE ? PARTNERS : List.of());
			assertThat(crossRegion.offers(RegionCode.of(accepting), RegionCode.of(FURONG)))
				.as("%s: %s", scope, why)
				.isEqualTo(expected.get(scope));
		}
	}

	@Test
	void offersAcrossProvincesBothWays() {
		CrossRegion withPartners = new CrossRegion(CrossRegionScope.CROSS_PROVINCE, PARTNERS);
		// a home hall accepting for a partner's region, and a partner's hall accepting for a home region
		assertThat(withPartners.offers(RegionCode.of("430500"), RegionCode.of("350102"))).isTrue();
		assertThat(withPartners.offers(RegionCode.of("350102"), RegionCode.of("430500"))).isTrue();
		assertThat(withPartners.offers(RegionCode.of("350200"), RegionCode.of("430500"))).isFalse();
	}

	@Test
	void lineOfTheHierarchyIsTheLocalCaseEvenWithoutScope() {
		CrossRegion none = new CrossRegion(CrossRegionScope.NONE, List.of());
		// a county's own hall accepts for a town of the county, and the other way round
		assertThat(none.offers(RegionCode.of("430121"), RegionCode.of("430121001"))).isTrue();
		assertThat(none.offers(RegionCode.of("430121001"), RegionCode.of("430121"))).isTrue();
	}

	@Test
	void describesEachScopeInBothLanguages() {
		assertThat(sentence(CrossRegionScope.NONE, List.of())).isEqualTo(Label.of("仅限属地办理", "handled only in its own region"));
		assertThat(sentence(CrossRegionScope.CITY, List.of())).isEqualTo(Label.of("全市通办", "handled anywhere in the city"));
		assertThat(sentence(CrossRegionScope.PROVINCE, List.of()))
			.isEqualTo(Label.of("全省通办", "handled anywhere in the province"));
		assertThat(sentence(CrossRegionScope.NATIONWIDE, List.of()))
			.isEqualTo(Label.of("全国通办", "handled anywhere in the country"));
		assertThat(sentence(CrossRegionScope.CROSS_PROVINCE, PARTNERS)).isEqualTo(Label.of("与韶关市、肇庆市、福州市跨省通办",
				"handled across provinces with Shaoguan City, Zhaoqing City and Fuzhou City"));
		assertThat(sentence(CrossRegionScope.CROSS_PROVINCE, List.of(RegionCode.of("350100"))))
			.isEqualTo(Label.of("与福州市跨省通办", "handled across provinces with Fuzhou City"));
	}

	@Test
	void namesPartnersFromTheShippedCatalogue() {
		Catalogue catalogue = BundledCatalogueAccess.bundled();
		Item crossProvince = catalogue.items().stream()
			.filter(i -> i.crossRegion().scope() == CrossRegionScope.CROSS_PROVINCE)
			.findFirst()
			.orElseThrow();
		Label sentence = crossProvince.crossRegion().describe(catalogue);
		assertThat(sentence.zh()).startsWith("与").endsWith("跨省通办").doesNotContainPattern("\\d");
		assertThat(sentence.en()).startsWith("handled across provinces with ").doesNotContainPattern("\\d");
	}

	@Test
	void readsNationwideScopeAndRefusesPartnersWithIt() {
		Map<String, String> files = TestCatalogue.files();
		files.put("items/test.yaml", files.get("items/test.yaml").replace("crossRegion: {scope: PROVINCE}",
				"crossRegion: {scope: NATIONWIDE}"));
		CatalogueReader.Outcome read = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(read).isInstanceOf(CatalogueReader.Read.class);
		assertThat(((CatalogueReader.Read) read).catalogue().item("T-FOOD").orElseThrow().crossRegion().scope())
			.isEqualTo(CrossRegionScope.NATIONWIDE);

		files.put("items/test.yaml", files.get("items/test.yaml").replace("crossRegion: {scope: NATIONWIDE}",
				"crossRegion: {scope: NATIONWIDE, partners: [\"430100\"]}"));
		CatalogueReader.Outcome refused = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(refused).isInstanceOf(Rejected.class);
		assertThat(((Rejected) refused).errors()).anySatisfy(e -> assertThat(e.message().zh()).contains("全国通办不列合作地区"));
	}

	private static Label sentence(CrossRegionScope scope, List<RegionCode> partners) {
		Map<String, String> names = Map.of("440200", "韶关市", "441200", "肇庆市", "350100", "福州市");
		return new CrossRegion(scope, partners)
			.describe(code -> new Region(code, names.get(code.value()), Enums.RegionLevel.PREFECTURE, null).label());
	}
}
