package cn.onego.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.platform.ChangeSignals;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A node keeps the staff accounts it looked up (StaffCache) and forgets one as soon as it hears of a change to it from
 * the database, whoever made it: the changed account is read again before its next request. What the node kept while
 * it could not hear is never used again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffCacheIT {

	private static final String PASSWORD = "cache-test-123";

	@LocalServerPort
	int port;

	@Autowired
	StaffDirectory directory;

	@Autowired
	ChangeSignals signals;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void anAccountChangedByAnotherNodeIsReadAgainBeforeItsNextRequest() {
		ApiClient api = new ApiClient(port);
		String username = account(api);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		assertThat(api.get("/api/v1/me", username, PASSWORD).status()).isEqualTo(200);
		double hits = hits();
		assertThat(directory.active(username)).isPresent();
		assertThat(directory.active(username)).isPresent();
		assertThat(hits() - hits).as("looked up again without reading it").isGreaterThanOrEqualTo(2);

		// as another node, or an operator's SQL, would: not through this node's administration
		jdbc.sql("UPDATE staff_account SET disabled_at = now() WHERE username = ?").param(username).update();

		Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> directory.active(username).isEmpty());
		assertThat(api.get("/api/v1/me", username, PASSWORD).status()).as("the disabled account's next request").isEqualTo(401);
	}

	@Test
	void anAccountChangedThroughThisNodeIsReadAgainAtOnce() {
		ApiClient api = new ApiClient(port);
		String username = account(api);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		assertThat(directory.active(username)).isPresent();
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + username + "/disabled", "admin", "onego-admin", Map.of("disabled", true))
			.status()).isEqualTo(204);
		assertThat(directory.active(username)).as("forgotten at the commit, before its signal comes back").isEmpty();
	}

	@Test
	void aTransactionThatChangesAnAccountSeesItsChangeAndLeavesNoCopyOfIt() {
		String username = account(new ApiClient(port));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		assertThat(directory.active(username)).isPresent();

		transactions.executeWithoutResult(status -> {
			accounts.disable(username, java.time.Instant.now());
			assertThat(directory.active(username)).as("its own change, not the copy").isEmpty();
			assertThat(java.util.concurrent.CompletableFuture.supplyAsync(() -> directory.active(username)).join())
				.as("another request meanwhile: the account as committed, not this transaction's change").isPresent();
			status.setRollbackOnly();
		});
		assertThat(directory.active(username)).as("rolled back: no copy of what was never committed").isPresent();
	}

	@Test
	void whatWasKeptWhileChangesWentUnheardIsNotUsedAgain() {
		ApiClient api = new ApiClient(port);
		String username = account(api);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		assertThat(directory.find(username)).map(StaffUser::displayName).contains("缓存测试员");

		signals.stop();
		try {
			assertThat(signals.listening()).isFalse();
			// nobody hears this change: the node must not answer with what it kept
			jdbc.sql("UPDATE staff_account SET display_name = '缓存测试员（改）' WHERE username = ?").param(username).update();
			assertThat(directory.find(username)).map(StaffUser::displayName).as("not listening: read, not kept").contains("缓存测试员（改）");
		}
		finally {
			signals.start();
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		assertThat(directory.find(username)).map(StaffUser::displayName).as("listening again: what was kept before is gone")
			.contains("缓存测试员（改）");

		// the connection the signals come on is cut: the node listens again on a new one, and hears changes there
		jdbc.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'onego-change-signals'").query().listOfRows();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(signals::listening);
		assertThat(directory.find(username)).isPresent();
		jdbc.sql("UPDATE staff_account SET display_name = '缓存测试员（再改）' WHERE username = ?").param(username).update();
		Awaitility.await().atMost(Duration.ofSeconds(5))
			.until(() -> directory.find(username).map(StaffUser::displayName).orElse("").equals("缓存测试员（再改）"));
	}

	private String account(ApiClient api) {
		String username = "cache-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password", PASSWORD,
				"name", "缓存测试员", "roles", List.of("SUPERVISOR"), "region", "430100")).status()).isEqualTo(201);
		return username;
	}

	private double hits() {
		return meters.get("cache.gets").tag("cache", "staff-accounts").tag("result", "hit").functionCounter().count();
	}
}
