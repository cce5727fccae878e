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
}
