package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/** Where an application may be handed in: the competent hall first, then the nearest halls every item allows. */
class HallChoicesTests {

	static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();
	static final RegionCode FURONG = RegionCode.of("430102");

	/** Halls of 芙蓉区 (competent), 长沙市, 邵阳市, a closed one in 常德市, and one in 广东省韶关市. */
	static final Map<String, AcceptingHall> HALLS = Map.of(
			"430102-HALL", hall("430102-HALL", "芙蓉区政务服务中心", "430102", true),
			"430100-HALL", hall("430100-HALL", "长沙市政务服务中心", "430100", true),
			"430500-HALL", hall("430500-HALL", "邵阳市政务服务中心", "430500", true),
			"430700-HALL", hall("430700-HALL", "常德市政务服务中心", "430700", false),
			"440200-HALL", hall("440200-HALL", "韶关市政务服务中心", "440200", true));

	final HallChoices choices = new HallChoices(new AcceptingHalls() {

		@Override
		public Optional<AcceptingHall> hall(String code, Matter matter) {
			return Optional.ofNullable(HALLS.get(code));
		}

		@Override
		public List<AcceptingHall> open(Matter matter) {
			return HALLS.values().stream().filter(AcceptingHall::open).sorted((a, b) -> b.code().compareTo(a.code())).toList();
		}

		@Override
		public AcceptingHall competent(Catalogue catalogue, Matter matter, RegionCode region) {
			return HALLS.get("430102-HALL");
		}
	});

	@Test
	void listsTheCompetentHallFirstThenTheNearestEveryItemAllows() {
		Matter change = CATALOGUE.matter("HN-ENTERPRISE-CHANGE").orElseThrow();
		// the change registration and the tax record: both 全省通办
		List<HallOption> possible = choices.possible(CATALOGUE, change, List.of("HN-SCJG-ENT-CHANGE", "HN-SW-TAX-INFO-CHANGE"), FURONG);
		assertThat(possible).extracting(HallOption::code).containsExactly("430102-HALL", "430100-HALL", "430500-HALL");
		assertThat(possible).extracting(HallOption::local).containsExactly(true, false, false);
	}

	@Test
	void leavesOnlyTheLineOfTheCompetentRegionForAnItemHandledOnlyLocally() {
		Matter catering = CATALOGUE.matter("HN-CATERING").orElseThrow();
		List<HallOption> possible = choices.possible(CATALOGUE, catering, List.of("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE"), FURONG);
		assertThat(possible).extracting(HallOption::code).containsExactly("430102-HALL", "430100-HALL");
	}

	@Test
	void refusesAHallOutsideTheScopeNamingTheItemItsScopeAndTheHallsThatCan() {
		Matter catering = CATALOGUE.matter("HN-CATERING").orElseThrow();
		HallChoices.Refusal refusal = choices
			.check(CATALOGUE, catering, List.of("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE"), FURONG, "430500-HALL")
			.orElseThrow();
		assertThat(refusal.problem().field()).isEqualTo("acceptingHall");
		assertThat(refusal.problem().code()).isEqualTo("not-offered-across-regions");
		assertThat(refusal.problem().message().zh()).startsWith("邵阳市政务服务中心不能异地受理")
			.contains("食品经营许可（新办）（仅限属地办理）")
			.doesNotContain("设立登记")
			.endsWith("可以在以下大厅递交和领取：芙蓉区政务服务中心、长沙市政务服务中心。");
		assertThat(refusal.problem().message().en()).contains("(handled only in its own region)");
		assertThat(refusal.halls()).extracting(HallOption::code).containsExactly("430102-HALL", "430100-HALL");
	}

	@Test
	void refusesAnUnknownOrClosedHallWithoutAList() {
		Matter catering = CATALOGUE.matter("HN-CATERING").orElseThrow();
		List<String> items = List.of("HN-SCJG-ENT-REG");
		assertThat(choices.check(CATALOGUE, catering, items, FURONG, "nowhere").orElseThrow().problem().code()).isEqualTo("unknown");
		HallChoices.Refusal closed = choices.check(CATALOGUE, catering, items, FURONG, "430700-HALL").orElseThrow();
		assertThat(closed.problem().code()).isEqualTo("closed");
		assertThat(closed.halls()).isEmpty();
		assertThat(choices.check(CATALOGUE, catering, items, FURONG, "430100-HALL")).as("the city's hall is on the line").isEmpty();
		assertThat(choices.check(CATALOGUE, catering, items, FURONG, "430500-HALL")).as("全省通办").isEmpty();
	}

	@Test
	void offersAPartnerProvincesHallForACrossProvinceItem() {
		Matter retirement = CATALOGUE.matter("HN-RETIREMENT").orElseThrow();
		// the pension claim alone is 跨省通办 with 韶关市; the retiree's medical insurance (全市通办) is not
		assertThat(choices.check(CATALOGUE, retirement, List.of("HN-RS-PENSION-CLAIM"), FURONG, "440200-HALL")).isEmpty();
		assertThat(choices.check(CATALOGUE, retirement, List.of("HN-RS-PENSION-CLAIM", "HN-YB-RETIREE-BENEFIT"), FURONG,
				"440200-HALL")).isPresent();
	}

	private static AcceptingHall hall(String code, String name, String region, boolean open) {
		return new AcceptingHall(code, Label.of(name, null), null, "0731-12345", null, RegionCode.of(region), open);
	}
}
