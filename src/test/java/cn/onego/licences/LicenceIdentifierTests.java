package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.onego.Identities;
import cn.onego.shared.CreditCode;

class LicenceIdentifierTests {

	@Test
	void reproducesTheCheckCharactersOfTheLiveIdentifiersOfReferenceFacts() {
		assertThat(LicenceIdentifier.isValid("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F")).isTrue();
		assertThat(LicenceIdentifier.isValid("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U")).isTrue();
		assertThat(LicenceIdentifier.isValid("1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000404.001.U"))
			.as("one digit of the serial changed").isFalse();
	}

	@Test
	void composesAnIdentifierOfTypeCodeIssuerCodeSerialVersionAndCheck() {
		String issuer = SyntheticCreditCodes.of("长沙市芙蓉区市场监督管理局", "430102");
		assertThat(CreditCode.isValid(issuer)).as(issuer).isTrue();
		assertThat(issuer).startsWith("11430102");
		LicenceIdentifier id = LicenceIdentifier.of(LicenceType.of("FOOD_BUSINESS_LICENCE").typeCode(), issuer, 42);
		assertThat(id.value()).startsWith("1.2.156.3005.2.").contains("." + issuer + ".42.001.");
		assertThat(LicenceType.of("FOOD_BUSINESS_LICENCE").typeCode()).endsWith("002").hasSize(21);
		assertThat(SyntheticCreditCodes.of("长沙市芙蓉区市场监督管理局", "430102")).as("the same name, the same code").isEqualTo(issuer);
		assertThat(CreditCode.isValid(Identities.creditCode())).isTrue();
	}
}
