package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What OneGo believes of an identity provider's claims, and what it refuses to. */
class VerifiedPersonTests {

	static final OidcSettings DEFAULTS = new OidcSettings("", null, null, null, null, null, null);

	static final Map<String, Object> REAL_NAME = Map.of("sub", "u-1", "name", "张三", "id_number", "11010519491231002x",
			"phone_number", "+8613800000001", "preferred_username", "zhang", "acr", "urn:onego:loa:real-name");

	@Test
	void takesTheNameTheIdNumberAndTheMobileAtTheRealNameLevel() {
		VerifiedPerson person = VerifiedPerson.of("iss", REAL_NAME, DEFAULTS, new StringBuilder()).orElseThrow();
		assertThat(person.name()).isEqualTo("张三");
		assertThat(person.idNumber()).as("the check character upper-cased").isEqualTo("11010519491231002X");
		assertThat(person.mobile()).as("E.164 of mainland China as 11 digits").isEqualTo("13800000001");
		assertThat(person.subject()).isEqualTo("u-1");
	}

	@Test
	void refusesALowerLevelOfAssuranceAndSaysWhy() {
		Map<String, Object> weak = new java.util.HashMap<>(REAL_NAME);
		weak.put("acr", "urn:example:loa:password-only");
		StringBuilder why = new StringBuilder();
		assertThat(VerifiedPerson.of("iss", weak, DEFAULTS, why)).isEmpty();
		assertThat(why).contains("urn:example:loa:password-only").contains("urn:onego:loa:real-name");
		Map<String, Object> none = new java.util.HashMap<>(REAL_NAME);
		none.remove("acr");
		assertThat(VerifiedPerson.of("iss", none, DEFAULTS, new StringBuilder())).isEmpty();
	}

	@Test
	void refusesAnIdNumberThatIsNotOneAndClaimsWithoutAName() {
		for (Object bad : List.of("110105194912310021", "not a number", "")) {
			Map<String, Object> claims = new java.util.HashMap<>(REAL_NAME);
			claims.put("id_number", bad);
			assertThat(VerifiedPerson.of("iss", claims, DEFAULTS, new StringBuilder())).as(bad.toString()).isEmpty();
		}
		Map<String, Object> nameless = new java.util.HashMap<>(REAL_NAME);
		nameless.remove("name");
		assertThat(VerifiedPerson.of("iss", nameless, DEFAULTS, new StringBuilder())).isEmpty();
	}

	@Test
	void readsAProvincesOwnClaimNamesAndLevel() {
		OidcSettings province = new OidcSettings("https://tyrz.example.gov.cn", "onego", "secret", null,
				new OidcSettings.Claims("realName", "certNo", "mobile", "loginName", "loa"), "3", null);
		Map<String, Object> claims = Map.of("sub", "p-9", "realName", "李四", "certNo", "11010519491231002X", "mobile",
				"13900000002", "loginName", "lisi", "loa", "3");
		Optional<VerifiedPerson> person = VerifiedPerson.of("https://tyrz.example.gov.cn", claims, province, new StringBuilder());
		assertThat(person).get().satisfies(p -> {
			assertThat(p.name()).isEqualTo("李四");
			assertThat(p.mobile()).isEqualTo("13900000002");
			assertThat(p.preferredUsername()).isEqualTo("lisi");
		});
	}
}
