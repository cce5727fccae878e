package cn.onego.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 examples from reference-facts.md §6.2. */
class CreditCodeTests {

	@Test
	void acceptsTheStandardsWorkedExample() {
		assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
		assertThat(new CreditCode("91350100M000100Y43").region()).isEqualTo(RegionCode.of("350100"));
	}

	@Test
	void computesCheckCharacterThreeForTheWorkedExample() {
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
	}

	@Test
	void computesTheEmbeddedOrganisationCodeCheck() {
		assertThat(CreditCode.organisationCheck("M000100Y")).isEqualTo('4');
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"91350100M000100Y4Z", // the annex's input before the check was computed: Z is not in the alphabet
			"91350100M000100Y44", // wrong check character
			"91350100M000100Y53", // wrong organisation-code check at position 17
			"91350100M000100I43", // I is not in the alphabet
			"9135010OM000100Y43", // letter in the region code
			"91350100M000100Y4", // too short
			"" })
	void rejectsWrongCodes(String value) {
		assertThat(CreditCode.isValid(value)).isFalse();
	}
}
