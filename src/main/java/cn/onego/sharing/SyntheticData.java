package cn.onego.sharing;

import java.util.Comparator;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Region;
import cn.onego.shared.RegionCode;

/**
 * The synthetic population of this installation ({@code onego.sharing.synthetic.people} and {@code .seed}), living
 * in the counties of 湖南省 in the catalogue's regions. A bean, so that tests of any module can pick its people.
 */
@Configuration(proxyBeanMethods = false)
class SyntheticData {

	private static final RegionCode PROVINCE = new RegionCode("430000");

	@Bean
	SyntheticPopulation syntheticPopulation(SharingSettings settings, CatalogQueries catalog) {
		return SyntheticPopulation.generate(settings.synthetic().seed(), settings.synthetic().people(),
				places(catalog.catalogue()));
	}

	/** The counties of 湖南省, by code. */
	static List<SyntheticPopulation.Place> places(Catalogue catalogue) {
		return catalogue.regions().stream()
			.filter(r -> r.level() == RegionLevel.COUNTY && catalogue.isWithin(r.code(), PROVINCE))
			.sorted(Comparator.comparing(r -> r.code().value()))
			.map(r -> new SyntheticPopulation.Place(r.code().value(), fullName(catalogue, r)))
			.toList();
	}

	/** 湖南省长沙市天心区: the names from the province down, leaving out the statistical "市辖区". */
	private static String fullName(Catalogue catalogue, Region county) {
		StringBuilder name = new StringBuilder();
		for (Region region : catalogue.lineage(county.code())) {
			if (!region.name().equals("市辖区")) {
				name.insert(0, region.name());
			}
		}
		return name.toString();
	}
}
