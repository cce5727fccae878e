package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.onego.Identities;
import cn.onego.platform.FieldProblem;

class LicenceTypeTests {

	@Test
	void aBusinessLicenceNumberIsAUnifiedSocialCreditCode() {
		LicenceType business = LicenceType.of("BUSINESS_LICENCE");
		String code = Identities.creditCode();
		assertThat(business.numberProblem(code)).isEmpty();
		String wrongCheck = code.substring(0, 17) + (code.charAt(17) == 'A' ? 'B' : 'A');
		assertThat(business.numberProblem(wrongCheck)).get().extracting(FieldProblem::field, FieldProblem::code)
			.containsExactly("number", "credit-code");
		assertThat(business.numberProblem("JY14301020000001")).isPresent();
	}

	@Test
	void anIdentityCardNumberIsACitizenIdNumber() {
		LicenceType card = LicenceType.of("RESIDENT_ID_CARD");
		String id = Identities.idNumber();
		assertThat(card.numberProblem(id)).isEmpty();
		assertThat(card.numberProblem(id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'))).get()
			.extracting(FieldProblem::code).isEqualTo("id-number");
	}

	@Test
	void otherNumbersNeedASaneShape() {
		LicenceType food = LicenceType.of("FOOD_BUSINESS_LICENCE");
		assertThat(food.numberProblem("JY14301020000001")).isEmpty();
		assertThat(food.numberProblem("湘(2026)长沙市不动产权第0000001号")).isEmpty();
		assertThat(food.numberProblem("CS-PS-0000000123")).isEmpty();
		for (String bad : new String[] { "", "123", "no digits here", "JY1 0000", "JY1\u0000", "JY1;DROP", "N".repeat(64) + "1" }) {
			assertThat(food.numberProblem(bad)).as(bad).isPresent();
		}
		assertThat(LicenceType.of("SOMETHING_NEW").numberProblem("X-0001")).as("a type OneGo does not list").isEmpty();
	}

	@Test
	void aFoodBusinessLicenceIsValidForFiveYearsAndABusinessLicenceWithoutEnd() {
		LocalDate issued = LocalDate.of(2026, 3, 2);
		assertThat(LicenceType.of("FOOD_BUSINESS_LICENCE").validUntil(issued)).isEqualTo(LocalDate.of(2031, 3, 1));
		assertThat(LicenceType.of("BUSINESS_LICENCE").validUntil(issued)).isNull();
	}
}
