package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishPlaceNamesTests {

	@ParameterizedTest(name = "{0} is written {1} in English")
	@CsvSource({ "湖南省, Hunan Province", "长沙市, Changsha City", "芙蓉区, Furong District", "长沙县, Changsha County",
			"浏阳市, Liuyang City", "西安市, Xi'an City", "湘西土家族苗族自治州, Xiangxi Tujia and Miao Autonomous Prefecture",
			"通道侗族自治县, Tongdao Dong Autonomous County", "重庆市, Chongqing City", "广西壮族自治区, Guangxi Zhuang Autonomous Region" })
	void aRegionIsItsNameInPinyinAndItsKindInEnglish(String chinese, String english) {
		assertThat(EnglishPlaceNames.of(chinese)).isEqualTo(english);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "430102, Furong District", "430000, Hunan Province" })
	void everyRegionOfTheCatalogueHasAnEnglishNameWithoutChinese(String code, String english) {
		var catalogue = BundledCatalogueAccess.bundled();
		assertThat(catalogue.region(cn.onego.shared.RegionCode.of(code)).orElseThrow().nameEn()).isEqualTo(english);
		assertThat(catalogue.regions()).allSatisfy(r -> assertThat(r.nameEn()).as(r.name()).doesNotContainPattern("\\p{IsHan}"));
		assertThat(catalogue.departments()).allSatisfy(d -> assertThat(d.nameEn()).as(d.name()).isNotBlank().doesNotContainPattern("\\p{IsHan}"));
	}
}
