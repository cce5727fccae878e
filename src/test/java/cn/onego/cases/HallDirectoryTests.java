package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.Enums.Theme;
import cn.onego.cases.Halls.Hall;
import cn.onego.cases.Halls.WindowCategory;
import cn.onego.shared.RegionCode;

/** Where a matter's case goes: the nearest open hall up the applicant's lineage whose windows accept its category. */
class HallDirectoryTests {

	static final RegionCode DISTRICT = RegionCode.of("430602");
	static final RegionCode CITY = RegionCode.of("430600");
	static final RegionCode PROVINCE = RegionCode.of("430000");
	static final List<RegionCode> LINEAGE = List.of(DISTRICT, CITY, PROVINCE);

	static final List<WindowCategory> SHIPPED = List.of(category("BUSINESS"), category("SOCIAL_AFFAIRS"),
			category("CONSTRUCTION"), category("REAL_ESTATE"));

	@Test
	void sendsAMatterToTheNearestHallUpTheLineage() {
		HallDirectory d = directory(Map.of(), hall("CITY-HALL", CITY, true), hall("PROVINCE-HALL", PROVINCE, true));
		assertThat(d.competent(LINEAGE, "BUSINESS")).map(Hall::code).hasValue("CITY-HALL");
	}

	@Test
	void passesOverAHallWhoseWindowsDoNotAcceptTheCategory() {
		HallDirectory d = directory(Map.of(), hall("DISTRICT-SOCIAL", DISTRICT, false, "SOCIAL_AFFAIRS"), hall("CITY-HALL", CITY, true));
		assertThat(d.competent(LINEAGE, "BUSINESS")).map(Hall::code).hasValue("CITY-HALL");
		assertThat(d.competent(LINEAGE, "SOCIAL_AFFAIRS")).map(Hall::code).hasValue("DISTRICT-SOCIAL");
	}

	@Test
	void passesOverAClosedHallWhichKeepsOnlyTheCasesItHas() {
		Hall closed = closed(hall("DISTRICT-HALL", DISTRICT, true));
		HallDirectory d = directory(Map.of(), closed, hall("CITY-HALL", CITY, true));
		assertThat(d.competent(LINEAGE, "BUSINESS")).map(Hall::code).hasValue("CITY-HALL");
		assertThat(d.halls()).containsKey("DISTRICT-HALL");
	}

	@Test
	void findsNoHallWhenNoneUpTheLineageAcceptsTheCategory() {
		HallDirectory d = directory(Map.of(), hall("DISTRICT-SOCIAL", DISTRICT, false, "SOCIAL_AFFAIRS"));
		assertThat(d.competent(LINEAGE, "CONSTRUCTION")).isEmpty();
	}

	@Test
	void mapsAThemeToTheCategoryTheDataNames() {
		HallDirectory d = directory(Map.of(Theme.BIRTH, "HOUSEHOLD"));
		assertThat(d.categoryOf(Theme.BIRTH)).isEqualTo("HOUSEHOLD");
	}

	@Test
	void mapsAThemeTheDataDoesNotNameAsTheShippedCategoriesDid() {
		HallDirectory d = directory(Map.of());
		assertThat(d.categoryOf(Theme.ENTERPRISE_OPENING)).isEqualTo("BUSINESS");
		assertThat(d.categoryOf(Theme.DEATH)).isEqualTo("SOCIAL_AFFAIRS");
	}

	@Test
	void aHallOfEveryCategoryAcceptsACategoryAddedLater() {
		assertThat(hall("CITY-HALL", CITY, true).accepts("HOUSEHOLD")).isTrue();
		assertThat(hall("CITY-SOCIAL", CITY, false, "SOCIAL_AFFAIRS").accepts("HOUSEHOLD")).isFalse();
	}

	static HallDirectory directory(Map<Theme, String> themes, Hall... halls) {
		Map<String, Hall> byCode = new LinkedHashMap<>();
		for (Hall h : halls) {
			byCode.put(h.code(), h);
		}
		return new HallDirectory(byCode, SHIPPED, themes, 0);
	}

	static Hall hall(String code, RegionCode region, boolean everyCategory, String... categories) {
		return new Hall(code, code, null, region, "地址", null, "0731-12345", "周一至周五", null, everyCategory, Set.of(categories),
				List.of(), null, 0);
	}

	static Hall closed(Hall h) {
		return new Hall(h.code(), h.name(), h.nameEn(), h.region(), h.address(), h.addressEn(), h.phone(), h.hours(), h.hoursEn(),
				h.everyCategory(), h.categories(), h.windows(), Instant.parse("2026-03-02T02:00:00Z"), h.version() + 1);
	}

	static WindowCategory category(String code) {
		return new WindowCategory(code, code, null, List.of(), 0);
	}
}
