package cn.onego.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RegionCodeTests {

	@Test
	void acceptsCountyTownAndVillageShapes() {
		assertThat(RegionCode.isWellFormed("430121")).isTrue();
		assertThat(RegionCode.isWellFormed("430121001")).isTrue();
		assertThat(RegionCode.isWellFormed("430121001001")).isTrue();
		assertThat(RegionCode.of("430121").province()).isEqualTo(RegionCode.of("430000"));
	}

	@Test
	void rejectsOtherShapes() {
		assertThat(RegionCode.isWellFormed("43012")).isFalse();
		assertThat(RegionCode.isWellFormed("4301210")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of("43A121"));
	}

	@Test
	void tellsRegionsOnOneLineFromNeighbours() {
		RegionCode changsha = RegionCode.of("430100");
		assertThat(changsha.contains(RegionCode.of("430102"))).isTrue();
		assertThat(changsha.contains(RegionCode.of("430102001"))).isTrue();
		assertThat(RegionCode.of("430102").contains(changsha)).isFalse();
		assertThat(RegionCode.of("430102").onOneLine(changsha)).isTrue();
		assertThat(RegionCode.of("430000").onOneLine(RegionCode.of("430121001001"))).isTrue();
		assertThat(RegionCode.of("430102").onOneLine(RegionCode.of("430103"))).isFalse();
		assertThat(RegionCode.of("430102").onOneLine(RegionCode.of("430500"))).isFalse();
	}

	@Test
	void comparesPrefectureAndProvince() {
		assertThat(RegionCode.of("430102").samePrefecture(RegionCode.of("430121001"))).isTrue();
		assertThat(RegionCode.of("430102").samePrefecture(RegionCode.of("430521"))).isFalse();
		assertThat(RegionCode.of("430102").sameProvince(RegionCode.of("430521"))).isTrue();
		assertThat(RegionCode.of("430102").sameProvince(RegionCode.of("440203"))).isFalse();
	}
}
