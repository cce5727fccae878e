package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * Importing a catalogue over HTTP: a catalogue with any error is rejected as a whole with every error
 * listed, and the catalogue in force does not change; a valid one becomes a new version at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogueImportIT {

	private static final String IMPORTS = "/api/v1/admin/catalog/imports";

	@LocalServerPort
	int port;

	@Autowired
	CatalogQueries queries;

	@Autowired
	CatalogueAdministration administration;

	ApiClient api;
	long versionBefore;
	int mattersBefore;

	@BeforeEach
	void rememberTheCatalogueInForce() {
		api = new ApiClient(port);
		versionBefore = queries.catalogue().version();
		mattersBefore = queries.catalogue().matters().size();
	}

	/** What a test imported leaves the catalogue again, so that other tests see the catalogue as shipped. */
	@AfterEach
	void removeWhatWasImported() {
		java.util.Set<String> added = new java.util.HashSet<>();
		for (String prefix : List.of("XX", "YY", "ZZ")) {
			added.addAll(TestCatalogue.additions(prefix).keySet());
		}
		added.retainAll(administration.filesOf(queries.catalogue().version()).keySet());
		if (!added.isEmpty()) {
			administration.importFiles(Map.of(), added, CatalogueAdministration.ImportMode.MERGE, "admin", "test clean-up");
		}
	}

	@Test
	void rejectsAnUnknownReferenceAndKeepsTheCatalogue() {
		Response response = importWith("items/zz.yaml",
				items -> items.replace("- {material: ZZBUSINESS_LICENCE, gapAllowed: true}", "- {material: ZZ_NOPE}"));
		assertRejectedWith(response, "items/zz.yaml:31 [1].materials[1].material", "unknown material: ZZ_NOPE", "材料不存在：ZZ_NOPE");
	}

	@Test
	void rejectsADependencyCycleAndKeepsTheCatalogue() {
		Response response = importWith("matters/zz-shop.yaml", matter -> matter.replace(
				"  - item: ZZT-FOOD\n    needs: [ZZT-REG]\n",
				"  - item: ZZT-FOOD\n    needs: [ZZT-REG]\n  - item: ZZT-REG\n    needs: [ZZT-FOOD]\n"));
		assertRejectedWith(response, "matters/zz-shop.yaml:13 dependencies",
				"the dependencies form a cycle: ZZT-FOOD → ZZT-REG → ZZT-FOOD", "依赖关系存在循环：ZZT-FOOD → ZZT-REG → ZZT-FOOD");
	}

	@Test
	void rejectsADuplicateCodeAndKeepsTheCatalogue() {
		Map<String, String> files = TestCatalogue.additions("ZZ");
		files.put("matters/zz-shop-copy.yaml", files.get("matters/zz-shop.yaml"));
		Response response = api.postFiles(IMPORTS, "admin", "onego-admin", files, Map.of());
		assertRejectedWith(response, "matters/zz-shop.yaml:1 code", "duplicate matter code: ZZT-SHOP", "一件事编码重复：ZZT-SHOP");
	}

	@Test
	void rejectsANegativeLimitAndKeepsTheCatalogue() {
		Response response = importWith("items/zz.yaml", items -> items.replace("promisedLimit: 7", "promisedLimit: -7"));
		assertRejectedWith(response, "items/zz.yaml:42 [2].promisedLimit", "the promised limit cannot be negative: -7",
				"承诺时限不能为负数：-7");
	}

	@Test
	void rejectsAnInvalidRegionCodeAndKeepsTheCatalogue() {
		Response response = importWith("matters/zz-shop.yaml",
				matter -> matter.replace("offeredIn: [\"430000\"]", "offeredIn: [\"439999\"]"));
		assertRejectedWith(response, "matters/zz-shop.yaml:7 offeredIn[0]", "unknown region code: 439999",
				"行政区划代码不存在：439999");
	}

	@Test
	void rejectsAnInvalidCheckDigitAndKeepsTheCatalogue() {
		Response response = importWith("data-elements/zz.yaml",
				elements -> elements.replace("\"11010519491231002X\"", "\"110105194912310021\""));
		assertRejectedWith(response, "data-elements/zz.yaml:12 [1].example",
				"invalid example: not a valid citizen ID number (GB 11643 check digit): 110105194912310021",
				"示例值无效：公民身份号码无效（GB 11643 校验码不符）：110105194912310021");
	}

	@Test
	void rejectsASituationRuleNamingAnItemOutsideTheMatterAndKeepsTheCatalogue() {
		Response response = importWith("matters/zz-shop.yaml",
				matter -> matter.replace("exclude: {items: [ZZT-REG]}", "exclude: {items: [ZZT-TAX]}"));
		assertRejectedWith(response, "matters/zz-shop.yaml:21 situations[0].options[0].exclude.items[0]",
				"situation rule names an item that is not in the matter: ZZT-TAX",
				"情形规则引用了不属于本一件事的事项：ZZT-TAX");
	}

	@Test
	void answersInEnglishWhenAskedAndListsEveryError() {
		Map<String, String> files = TestCatalogue.additions("ZZ");
		files.computeIfPresent("items/zz.yaml", (k, v) -> v.replace("legalLimit: 3", "legalLimit: -3"));
		files.computeIfPresent("matters/zz-shop.yaml", (k, v) -> v.replace("offeredIn: [\"430000\"]", "offeredIn: [\"439999\"]"));
		Response response = api.postFiles(IMPORTS + "?lang=en", "admin", "onego-admin", files, Map.of());
		assertThat(response.status()).isEqualTo(422);
		assertThat((String) response.json("$.title")).isEqualTo("Catalogue rejected");
		List<String> fields = response.json("$.errors[*].field");
		assertThat(fields).contains("items/zz.yaml:7 [0].legalLimit", "matters/zz-shop.yaml:7 offeredIn[0]");
		assertUnchanged();
	}

	@Test
	void refusesImportsFromAnyoneButAnAdministrator() {
		Response anonymous = api.postFiles(IMPORTS, null, null, TestCatalogue.additions("ZZ"), Map.of());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat((String) anonymous.json("$.message.zh")).isEqualTo("请使用有效的账号登录后再试。");
		Response reviewer = api.postFiles(IMPORTS, "reviewer.scjg.cs", "onego-reviewer", TestCatalogue.additions("ZZ"),
				Map.of());
		assertThat(reviewer.status()).isEqualTo(403);
		Response wrongPassword = api.postFiles(IMPORTS, "admin", "guess", TestCatalogue.additions("ZZ"), Map.of());
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertUnchanged();
	}

	@Test
	void putsAValidImportInForceAtOnceAndTreatsTheSameFilesAgainAsNoChange() {
		Response first = api.postFiles(IMPORTS, "admin", "onego-admin", TestCatalogue.additions("YY"),
				Map.of("note", "test shop"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat((Integer) first.json("$.version.version")).isEqualTo((int) versionBefore + 1);
		assertThat((String) first.json("$.version.importedBy")).isEqualTo("admin");
		assertThat(queries.catalogue().matter("YYT-SHOP")).isPresent();
		assertThat(api.get("/api/v1/matters?q=我要开测试店").body()).contains("YYT-SHOP");

		Response again = api.postFiles(IMPORTS, "admin", "onego-admin", TestCatalogue.additions("YY"), Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat((Boolean) again.json("$.changed")).isFalse();
		assertThat(queries.catalogue().version()).isEqualTo(versionBefore + 1);

		Response removal = api.postFiles(IMPORTS, "admin", "onego-admin", Map.of(),
				Map.of("delete", "matters/yy-shop.yaml"));
		assertThat(removal.status()).as(removal.body()).isEqualTo(201);
		assertThat(queries.catalogue().matter("YYT-SHOP")).isEmpty();
	}

	@Test
	void picksUpAVersionAnotherNodeImported(@Autowired CatalogueVersions versions) {
		CatalogueFiles current = versions.files(versionBefore);
		CatalogueFiles elsewhere = current.merge(TestCatalogue.additions("XX"), java.util.List.of());
		versions.insert(elsewhere, "IMPORTED", "admin@node-2", "imported on another node");
		assertThat(queries.catalogue().matter("XXT-SHOP")).isEmpty();
		administration.refreshFromOtherNodes();
		assertThat(queries.catalogue().matter("XXT-SHOP")).isPresent();
		assertThat(queries.catalogue().version()).isEqualTo(versionBefore + 1);
	}

	private Response importWith(String file, UnaryOperator<String> change) {
		Map<String, String> files = TestCatalogue.additions("ZZ");
		String before = files.get(file);
		files.put(file, change.apply(before));
		assertThat(files.get(file)).as("the change applies to the fixture").isNotEqualTo(before);
		return api.postFiles(IMPORTS, "admin", "onego-admin", files, Map.of());
	}

	private void assertRejectedWith(Response response, String where, String english, String chinese) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat((String) response.json("$.code")).isEqualTo("catalogue-rejected");
		assertThat((String) response.json("$.title")).isEqualTo("目录未通过校验");
		List<Map<String, Object>> errors = response.json("$.errors");
		assertThat(errors).as(response.body()).anySatisfy(error -> {
			assertThat(error.get("field")).isEqualTo(where);
			@SuppressWarnings("unchecked")
			Map<String, String> message = (Map<String, String>) error.get("message");
			assertThat(message.get("en")).isEqualTo(english);
			assertThat(message.get("zh")).isEqualTo(chinese);
		});
		assertUnchanged();
	}

	private void assertUnchanged() {
		assertThat(queries.catalogue().version()).isEqualTo(versionBefore);
		assertThat(queries.catalogue().matters()).hasSize(mattersBefore);
		assertThat(queries.catalogue().matter("ZZT-SHOP")).isEmpty();
		assertThat(api.get("/api/v1/matters/ZZT-SHOP").status()).isEqualTo(404);
		assertThat((Integer) api.get("/api/v1/admin/catalog/versions", "admin", "onego-admin").json("$[0].version"))
			.isEqualTo((int) versionBefore);
	}
}
