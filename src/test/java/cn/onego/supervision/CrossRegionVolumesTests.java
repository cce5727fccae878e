package cn.onego.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;
import cn.onego.supervision.CrossRegionVolumes.Flow;
import cn.onego.supervision.CrossRegionVolumes.Partner;

/** How the 跨域 figures of a region are summed, ranked and named. */
class CrossRegionVolumesTests {

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();
	private static final RegionCode CHANGSHA = RegionCode.of("430100");

	@Test
	void totalsCountEveryPartnerWhileTheListKeepsTheBusiestFirst() {
		List<Partner> partners = List.of(partner("430500", 2, 2, 1), partner("430700", 9, 8, 3), partner("431000", 2, 2, 2),
				partner("431200", 2, 2, 1), partner("440200", 1, 0, 0));

		Flow flow = Flow.of(partners, 3);

		assertThat(flow.submitted()).isEqualTo(16);
		assertThat(flow.accepted()).isEqualTo(14);
		assertThat(flow.issued()).isEqualTo(7);
		assertThat(flow.partners()).extracting(Partner::region)
			.as("most submitted first; on a tie more issued first, then the code keeps the order stable")
			.containsExactly("430700", "431000", "430500");
	}

	@Test
	void nothingAcrossRegionsIsZeroWithNoPartner() {
		assertThat(CrossRegionVolumes.NONE.receivedForOthers()).isEqualTo(new Flow(0, 0, 0, List.of()));
		assertThat(CrossRegionVolumes.NONE.receivedElsewhere()).isEqualTo(new Flow(0, 0, 0, List.of()));
	}

	@Test
	void namesAPartnerInTheSupervisorsProvinceFromItsPrefectureDown() {
		assertThat(name("430802", CHANGSHA)).isEqualTo(Label.of("张家界市永定区", "Yongding District, Zhangjiajie City"));
		assertThat(name("430500", CHANGSHA).zh()).isEqualTo("邵阳市");
	}

	@Test
	void namesAPartnerInAnotherProvinceWithItsProvince() {
		assertThat(name("440200", CHANGSHA).zh()).isEqualTo("广东省韶关市");
		assertThat(name("440200", RegionCode.of("440000")).zh()).as("seen from Guangdong").isEqualTo("韶关市");
	}

	@Test
	void namesACodeTheCatalogueDoesNotKnowByTheNearestRegionAboveItAndNeverByTheCode() {
		assertThat(name("430899", CHANGSHA).zh()).as("an unknown county of 张家界市").isEqualTo("张家界市");
		assertThat(CrossRegionVolumes.partnerName(List.of(), CHANGSHA)).isEqualTo(Label.of("其他地区", "Another region"));
		assertThat(CrossRegionVolumes.namedBy("not a code")).isEmpty();
	}

	private static Label name(String code, RegionCode supervisor) {
		return CrossRegionVolumes.partnerName(CATALOGUE, code, supervisor);
	}

	private static Partner partner(String region, long submitted, long accepted, long issued) {
		return new Partner(region, Label.of(region, region), submitted, accepted, issued);
	}
}
