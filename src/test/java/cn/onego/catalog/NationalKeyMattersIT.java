package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/** The national key matters over HTTP: public, by batch, with departments by name and what a region offers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class NationalKeyMattersIT {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
	}

	@Test
	void listsTheFiveBatchesAndWhatChangshaOffersWithDepartmentsByName() {
		Response list = api.get("/api/v1/national-key-matters?region=430100");
		assertThat(list.status()).isEqualTo(200);
		assertThat((Integer) list.json("$.published")).isEqualTo(55);
		assertThat((String) list.json("$.region")).isEqualTo("430100");
		assertThat((List<String>) list.json("$.batches[*].batch")).containsExactly("2024-1", "2024-2", "2025-1", "2025-2", "2026-1");
		assertThat((List<Boolean>) list.json("$.batches[*].sizeInferred")).containsExactly(false, true, false, false, true);
		assertThat((String) list.json("$.batches[4].label.zh")).isEqualTo("2026年第一批");
		assertThat((Integer) list.json("$.named")).isEqualTo((Integer) list.json("$.offered"));

		Map<String, Object> credit = ((List<Map<String, Object>>) list.json("$.batches[3].matters[?(@.matter.code == 'HN-CREDIT-REPORT')]")).get(0);
		assertThat(credit).containsEntry("offered", true).containsEntry("covered", false);
		assertThat((Map<String, Object>) credit.get("leadDepartment")).containsEntry("zh", "中国人民银行（征信管理）");
		assertThat((Map<String, Object>) credit.get("stage")).containsEntry("code", "LIVING");
		assertThat(credit.toString()).as("names, never department codes").doesNotContain("PEOPLES_BANK", "GOVERNMENT_SERVICES");

		Map<String, Object> veterans = list.<List<Map<String, Object>>>json("$.batches[1].matters").get(0);
		assertThat(veterans).containsEntry("offered", true).containsEntry("covered", true);
		assertThat((String) veterans.get("note")).contains("军人退役一件事");
	}

	@Test
	void saysAKeyMatterIsNotOfferedInARegionOutsideItsProvince() {
		Response jilin = api.get("/api/v1/national-key-matters?region=220000");
		assertThat(jilin.status()).isEqualTo(200);
		assertThat((Integer) jilin.json("$.offered")).isZero();
		assertThat((List<String>) jilin.json("$.batches[0].matters[*].notOffered.zh")).isNotEmpty().containsOnly("本地区未提供");
		assertThat((Integer) api.get("/api/v1/national-key-matters").json("$.offered")).isGreaterThanOrEqualTo(25);
	}

	@Test
	void refusesAMalformedRegionAndAnswersNotFoundForAnUnknownOne() {
		Response malformed = api.get("/api/v1/national-key-matters?region=43x");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.contentType()).contains("application/problem+json");
		assertThat(api.get("/api/v1/national-key-matters?region=999999").status()).isEqualTo(404);
	}
}
