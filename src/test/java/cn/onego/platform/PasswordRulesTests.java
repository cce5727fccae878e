package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.onego.platform.FieldProblem;

class PasswordRulesTests {

	private final PasswordRules rules = PasswordRules.standard();

	private List<String> codes(String password) {
		return rules.problems(password, "zhangsan", "11010519491231002X").stream().map(FieldProblem::code).toList();
	}

	@Test
	void acceptsAPasswordOfTwoKindsThatNobodyUses() {
		assertThat(codes("Lotus-pond-42")).isEmpty();
		assertThat(codes("荷塘月色2024")).isEmpty();
	}

	@Test
	void shipsAFewHundredCommonPasswords() {
		assertThat(rules.commonCount()).isGreaterThan(300);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345678", "password", "88888888", "qwerty123", "woaini1314", "PassWord", "Woaini1314" })
	void refusesTheCommonPasswordsWhateverTheirCase(String password) {
		assertThat(codes(password)).contains("common");
	}

	@Test
	void refusesFewerThanEightAndMoreThanSixtyFourCharacters() {
		assertThat(codes("Ab-1234")).containsExactly("length");
		assertThat(codes("Ab-1" + "x".repeat(61))).containsExactly("length");
		assertThat(codes("Ab-1" + "x".repeat(60))).isEmpty();
	}

	@Test
	void refusesWhatBcryptWouldCutAfterSeventyTwoBytesAsAFieldError() {
		// 25 Chinese characters are 75 bytes in UTF-8: BCrypt would silently ignore the end
		String longChinese = "一件事一次办".repeat(4) + "一二三四5";
		assertThat(longChinese.codePointCount(0, longChinese.length())).isLessThanOrEqualTo(64);
		assertThat(codes(longChinese)).containsExactly("bytes");
		assertThat(codes("一件事一次办".repeat(3) + "12")).isEmpty();
		assertThat(codes("一件事一次办".repeat(4) + "12")).containsExactly("bytes");
	}

	@Test
	void refusesOneKindOfCharacterOnly() {
		assertThat(codes("lotuspondmoon")).containsExactly("kinds");
		assertThat(codes("20240607193")).containsExactly("kinds");
		assertThat(codes("荷塘月色荷塘月色")).containsExactly("kinds");
	}

	@Test
	void refusesTheUsernameAndTheIdNumber() {
		assertThat(rules.problems("Zhang.San1", "zhang.san1", "11010519491231002X")).extracting(FieldProblem::code)
			.containsExactly("personal");
		assertThat(codes("id11010519491231002x")).containsExactly("personal");
	}

	@Test
	void asksForAPasswordWhenThereIsNone() {
		assertThat(codes(null)).containsExactly("required");
		assertThat(codes("")).containsExactly("required");
	}
}
