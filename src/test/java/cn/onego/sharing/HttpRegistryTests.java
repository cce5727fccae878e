package cn.onego.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.onego.Identities;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.sharing.RegistryAnswer.Failed;
import cn.onego.sharing.RegistryAnswer.Failure;
import cn.onego.sharing.SharingSettings.Endpoint;
import cn.onego.sharing.StubRegistry.Behaviour;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP+JSON registry connector against a registry on loopback: it uses a working registry's answer and sends
 * the credentials; a slow, failing or garbage-answering registry becomes a failed answer of the right kind, retried
 * only when another attempt may help; after repeated failures the circuit breaker opens and reads fail fast.
 */
class HttpRegistryTests {

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	private final StubRegistry stub = new StubRegistry();

	@AfterEach
	void stop() {
		stub.close();
	}

	private HttpRegistry connector(Registry registry, URI baseUrl, String token, int maxAttempts, int failureWindow) {
		Endpoint endpoint = new Endpoint(baseUrl, token, null, null, Duration.ofMillis(500), Duration.ofMillis(300),
				maxAttempts, Duration.ofMillis(10), failureWindow, 50, Duration.ofMinutes(5));
		return new HttpRegistry(RegistryKind.of(registry), endpoint, new RegistryAnswers(JsonMapper.builder().build()),
				() -> CATALOGUE, CLOCK);
	}

	@Test
	void usesAWorkingRegistrysCheckedAnswerAndSendsItsCredentials() {
		String person = Identities.idNumber();
		stub.hold(person, Map.of("APPLICANT_NAME", "王晓雯", "APPLICANT_ID_NUMBER", person, "HOUSEHOLD_ADDRESS",
				"湖南省长沙市天心区湘江大道1号", "MOBILE", "13900001234", "SALARY", "not a population element"));
		HttpRegistry population = connector(Registry.POPULATION, stub.baseUrl(), "token-of-onego", 3, 10);

		RegistryAnswer answer = population.read(person);

		assertThat(answer).isEqualTo(new RegistryAnswer.Found(Map.of("APPLICANT_NAME", "王晓雯", "APPLICANT_ID_NUMBER", person,
				"HOUSEHOLD_ADDRESS", "湖南省长沙市天心区湘江大道1号", "MOBILE", "13900001234")));
		assertThat(stub.lastAuthorization()).isEqualTo("Bearer token-of-onego");
		assertThat(population.read(Identities.idNumber())).as("404: not held").isInstanceOf(RegistryAnswer.NotHeld.class);
		assertThat(stub.requests()).isEqualTo(2);
	}

	@Test
	void sendsBasicCredentialsWhenGivenAUsernameAndPassword() {
		Endpoint endpoint = new Endpoint(stub.baseUrl(), null, "onego", "s3cret", null, null, null, null, null, null, null);
		new HttpRegistry(RegistryKind.of(Registry.ENTERPRISE), endpoint, new RegistryAnswers(JsonMapper.builder().build()),
				() -> CATALOGUE, CLOCK).read(Identities.creditCode());
		assertThat(stub.lastAuthorization()).isEqualTo("Basic b25lZ286czNjcmV0");
	}

	@Test
	void givesUpOnASlowRegistryAfterTheReadTimeoutOfEachAttempt() {
		stub.behave(Behaviour.SLOW);
		long started = System.nanoTime();
		RegistryAnswer answer = connector(Registry.SOCIAL_SECURITY, stub.baseUrl(), null, 2, 10).read(Identities.idNumber());
		assertThat(answer).isEqualTo(new Failed(Failure.TIMEOUT));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
		assertThat(stub.requests()).as("retried once").isEqualTo(2);
	}

	@Test
	void retriesARegistryAnswering500AndThenReportsAServerError() {
		stub.behave(Behaviour.FAILS_500);
		assertThat(connector(Registry.SOCIAL_SECURITY, stub.baseUrl(), null, 3, 10).read(Identities.idNumber()))
			.isEqualTo(new Failed(Failure.SERVER_ERROR));
		assertThat(stub.requests()).isEqualTo(3);
	}

	@Test
	void takesNothingFromAGarbageAnswerAndDoesNotAskAgain() {
		for (Behaviour garbage : new Behaviour[] { Behaviour.NOT_JSON, Behaviour.WRONG_SHAPE, Behaviour.INVALID_VALUE }) {
			stub.behave(garbage);
			for (Registry registry : new Registry[] { Registry.POPULATION, Registry.SOCIAL_SECURITY }) {
				int before = stub.requests();
				assertThat(connector(registry, stub.baseUrl(), null, 3, 10).read(Identities.idNumber())).as(garbage + " " + registry)
					.isEqualTo(new Failed(Failure.GARBAGE));
				assertThat(stub.requests() - before).as("garbage stays garbage: not retried").isOne();
			}
		}
	}

	@Test
	void reportsARefusedConnection() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(connector(Registry.PROPERTY, URI.create("http://127.0.0.1:" + closedPort + "/"), null, 2, 10)
			.read(Identities.idNumber())).isEqualTo(new Failed(Failure.CONNECTION));
	}

	@Test
	void opensTheCircuitAfterRepeatedFailuresSoThatLaterReadsFailFastWithoutAsking() {
		stub.behave(Behaviour.FAILS_500);
		HttpRegistry registry = connector(Registry.ENTERPRISE, stub.baseUrl(), null, 1, 4);
		for (int i = 0; i < 4; i++) {
			assertThat(registry.read(Identities.creditCode())).isEqualTo(new Failed(Failure.SERVER_ERROR));
		}
		assertThat(registry.state()).isEqualTo(CircuitBreaker.State.OPEN);
		int asked = stub.requests();

		stub.behave(Behaviour.SLOW);
		long started = System.nanoTime();
		for (int i = 0; i < 20; i++) {
			assertThat(registry.read(Identities.creditCode())).isEqualTo(new Failed(Failure.CIRCUIT_OPEN));
		}
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no read waits for the registry").isLessThan(Duration.ofMillis(250));
		assertThat(stub.requests()).as("the registry is not asked while the circuit is open").isEqualTo(asked);
	}
}
