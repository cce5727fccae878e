package cn.onego;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.onego.shared.RegionCode;

class TestRegionsTests {

	@Test
	void noOwnedRegionLiesInsideAnotherOrInsideTheSharedOne() {
		Map<String, String> owned = TestRegions.owned();
		for (var a : owned.entrySet()) {
			assertThat(contains(a.getKey(), TestRegions.SHARED) || contains(TestRegions.SHARED, a.getKey()))
				.as(a.getValue() + "'s region and the shared district overlap").isFalse();
			for (var b : owned.entrySet()) {
				if (!a.getKey().equals(b.getKey())) {
					assertThat(contains(a.getKey(), b.getKey())).as(a.getValue() + "'s region contains " + b.getValue() + "'s")
						.isFalse();
				}
			}
		}
	}

	@Test
	void eachDistrictLiesInItsOwnersCity() {
		assertThat(contains(TestRegions.DASHBOARD_PAGE_CITY, TestRegions.DASHBOARD_PAGE_DISTRICT)).isTrue();
		assertThat(contains(TestRegions.CALENDAR_CITY, TestRegions.CALENDAR_DISTRICT)).isTrue();
		assertThat(contains(TestRegions.CROSS_REGION_COMPETENT_CITY, TestRegions.CROSS_REGION_COMPETENT_DISTRICT)).isTrue();
		assertThat(contains(TestRegions.CROSS_REGION_ACCEPTING_CITY, TestRegions.CROSS_REGION_ACCEPTING_DISTRICT)).isTrue();
	}

	private static boolean contains(String outer, String inner) {
		return inner.startsWith(RegionCode.of(outer).prefix());
	}
}
