package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * Password guessing is stopped twice: the account locks after wrong passwords in a row, whoever tries and
 * from wherever, and the address that guesses is throttled whatever usernames it tries. Each test guesses
 * from an address of its own (TEST-NET-3, passed as X-Forwarded-For through the loopback proxy), so that
 * the rest of the suite, which signs in from 127.0.0.1, is never held back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInLimitsIT {

	static final String PASSWORD = "limits-test-123";

	@LocalServerPort
	int port;

	@Test
	void fiftyWrongPasswordsLockTheAccountEvenForTheRightPasswordFromElsewhere() {
		ApiClient api = new ApiClient(port);
		String username = staff(api);
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			answers.add(api.get("/api/v1/me", username, "wrong-" + i, "X-Forwarded-For", "203.0.113.10").status());
		}
		assertThat(answers).as("refused, then throttled").containsOnly(401, 429);

		Response right = api.get("/api/v1/me", username, PASSWORD, "X-Forwarded-For", "203.0.113.11");
		assertThat(right.status()).as(right.body()).isEqualTo(401);
		assertThat((String) right.json("$.code")).isEqualTo("locked");
		assertThat((String) right.json("$.message.zh")).contains("账号已锁定");
		assertThat(Long.parseLong(right.entity().getHeaders().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
		assertThat(right.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anAddressThatKeepsGuessingIsAnswered429WithRetryAfterWhateverUsernamesItTries() {
		ApiClient api = new ApiClient(port);
		String address = "203.0.113.20";
		Response last = null;
		int tries = 0;
		while (tries < 100) {
			last = api.get("/api/v1/me", "nobody-" + tries, "wrong-password", "X-Forwarded-For", address);
			tries++;
			if (last.status() == 429) {
				break;
			}
			assertThat(last.status()).isEqualTo(401);
		}
		assertThat(last.status()).as("throttled after %d tries", tries).isEqualTo(429);
		assertThat(tries).as("the default allows 30 failures per address in 15 minutes").isEqualTo(31);
		assertThat(last.contentType()).startsWith("application/problem+json");
		assertThat((String) last.json("$.code")).isEqualTo("too-many-requests");
		assertThat(Long.parseLong(last.entity().getHeaders().getFirst("Retry-After"))).isPositive();
		assertThat(api.get("/api/v1/me", "supervisor", "onego-supervisor", "X-Forwarded-For", address).status())
			.as("even the right password waits while the address is throttled").isEqualTo(429);

		assertThat(api.get("/api/v1/me", "supervisor", "onego-supervisor", "X-Forwarded-For", "203.0.113.21").status())
			.as("another address is not affected").isEqualTo(200);
		assertThat(api.get("/api/v1/matters", null, null, "X-Forwarded-For", address).status())
			.as("reading without credentials is never held back").isEqualTo(200);
	}

	@Test
	void aLockedAccountIsNotUnlockedByItsOwnRightPasswordButAnotherAccountIsUntouched() {
		ApiClient api = new ApiClient(port);
		String locked = staff(api);
		String other = staff(api);
		for (int i = 0; i < 10; i++) {
			api.get("/api/v1/me", locked, "wrong-" + i, "X-Forwarded-For", "203.0.113.30");
		}
		assertThat((String) api.get("/api/v1/me", locked, PASSWORD, "X-Forwarded-For", "203.0.113.31").json("$.code"))
			.isEqualTo("locked");
		assertThat(api.get("/api/v1/me", other, PASSWORD, "X-Forwarded-For", "203.0.113.32").status()).isEqualTo(200);
	}

	/** A reviewer created for the test, so that locking them locks nobody else. */
	private static String staff(ApiClient api) {
		String username = "lock-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username,
				"password", PASSWORD, "name", "锁定测试审批员", "roles", List.of("REVIEWER"), "region", "430100", "department",
				"430100-MARKET_REGULATION"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}
}
