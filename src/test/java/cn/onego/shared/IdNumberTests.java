package cn.onego.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** GB 11643-1999 examples from reference-facts.md §6.1. */
class IdNumberTests {

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "440524188001010014" })
	void acceptsTheStandardsExamples(String value) {
		assertThat(IdNumber.isValid(value)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "110105194912310020", "11010519491231002x", "440524188001010015", "11010519491231002",
			"1101051949123100200", "11010519491331002X", "A1010519491231002X", "" })
	void rejectsWrongCheckCharactersShapesAndDates(String value) {
		assertThat(IdNumber.isValid(value)).isFalse();
	}

	@Test
	void computesTheCheckCharacterWithMod11_2() {
		assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
		assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
	}

	@Test
	void readsBirthDateAndSexAndMasksForLogs() {
		IdNumber id = new IdNumber("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.male()).isFalse();
		assertThat(new IdNumber("440524188001010014").male()).isTrue();
		assertThat(id.masked()).isEqualTo("1101**********002X").isEqualTo(id.toString());
	}

	@Test
	void refusesToBuildAnInvalidNumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdNumber("110105194912310021"));
	}
}
