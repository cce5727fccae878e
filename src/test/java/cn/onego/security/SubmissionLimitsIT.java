package cn.onego.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Citizens;
import cn.onego.Identities;

/**
 * Submissions are limited per account (and per address): one applicant flooding the platform is answered
 * 429 with Retry-After before anything is validated or stored, and nobody else is held back. A context of
 * its own with a small limit, so that the limit is reached in a few requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onego.rate-limits.submissions-per-account.capacity=3", "onego.rate-limits.submissions-per-account.period=10m" })
@ActiveProfiles("test")
class SubmissionLimitsIT {

	@LocalServerPort
	int port;

	@Test
	void anApplicantSubmittingTooOftenIsAnswered429WithRetryAfterAndOthersAreNot() {
		ApiClient api = new ApiClient(port);
		String flooder = Citizens.register(api, "刘频繁", Identities.idNumber()).username();
		String other = Citizens.register(api, "周正常", Identities.idNumber()).username();
		for (int i = 0; i < 3; i++) {
			assertThat(submit(api, flooder).status()).as("an incomplete application is refused on its merits").isEqualTo(400);
		}
		Response limited = submit(api, flooder);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat((String) limited.json("$.code")).isEqualTo("too-many-requests");
		assertThat(Long.parseLong(limited.entity().getHeaders().getFirst("Retry-After"))).isBetween(1L, 600L);
		assertThat(submit(api, other).status()).as("another applicant is not held back").isEqualTo(400);
	}

	private static Response submit(ApiClient api, String user) {
		return api.send("POST", "/api/v1/applications", user, null, Map.of("matter", "HN-RETIREMENT"), "Idempotency-Key",
				UUID.randomUUID().toString());
	}
}
