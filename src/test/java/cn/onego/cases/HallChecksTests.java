package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import cn.onego.catalog.Enums.Theme;
import cn.onego.cases.HallAdministration.CategoryDefinition;
import cn.onego.platform.FieldProblem;

/** What a hall's telephone and a window category must be, checked before anything is written. */
class HallChecksTests {

	static final HallDirectory SHIPPED = new HallDirectory(Map.of(), HallDirectoryTests.SHIPPED,
			Map.of(Theme.ENTERPRISE_OPENING, "BUSINESS", Theme.BIRTH, "SOCIAL_AFFAIRS"), 0);

	@ParameterizedTest
	@ValueSource(strings = { "0731-12345", "0731-88886666", "010-12345678", "0731-88886666-801", "13800138000", "400-800-1234",
			"4008001234", "12345" })
	void acceptsATelephoneNumberAsHallsPublishIt(String phone) {
		assertThat(HallChecks.PHONE.matcher(phone).matches()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12-34", "731-12345", "0731 12345", "+86 731 12345", "1380013800", "0731-1234", "tel:12345", "" })
	void refusesWhatIsNoTelephoneNumber(String phone) {
		assertThat(HallChecks.PHONE.matcher(phone).matches()).isFalse();
	}

	@Test
	void aThemeLeavesACategoryOnlyByJoiningAnother() {
		List<FieldProblem> problems = new ArrayList<>();
		HallChecks.category("BUSINESS", new CategoryDefinition(null, "市场准入", null, List.of(), 0), false, SHIPPED, problems);
		assertThat(problems).extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("themes", "theme-left-without-category"));
	}

	@Test
	void aNewCategoryNeedsAFreeCodeAndKnownThemes() {
		List<FieldProblem> problems = new ArrayList<>();
		HallChecks.category("BUSINESS", new CategoryDefinition("BUSINESS", "户籍", null, List.of("BIRTH", "NO_SUCH_THEME"), null), true,
				SHIPPED, problems);
		assertThat(problems).extracting(FieldProblem::field).containsExactly("code", "themes[1]");
	}

	@Test
	void aNewCategoryTakesItsThemesAlong() {
		List<FieldProblem> problems = new ArrayList<>();
		var category = HallChecks.category("HOUSEHOLD", new CategoryDefinition("HOUSEHOLD", "户籍", "Household registration",
				List.of("BIRTH"), null), true, SHIPPED, problems);
		assertThat(problems).isEmpty();
		assertThat(category.themes()).containsExactly(Theme.BIRTH);
	}
}
