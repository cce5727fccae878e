package cn.onego.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Citizens.Citizen;
import cn.onego.Identities;

/**
 * Keys rotate while the platform serves: values sealed under an old key and under a new one are all read; a
 * rotation re-seals every value under the new key, after which the old key is removed and nothing needs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KeyRotationIT {

	@LocalServerPort
	int port;

	@Autowired
	DataKeys keys;

	@Autowired
	Resealing resealing;

	@Autowired
	PersonalData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<SealedColumns> sealed;

	/** Whatever a module seals, a rotation must be able to seal again — also in a table kept insert-only otherwise. */
	@Test
	void theApplicationMayResealEverySealedColumn() {
		List<String> columns = sealed.stream().flatMap(s -> s.sealedColumns().stream()).map(SealedColumn::name).toList();
		assertThat(columns).isNotEmpty();
		for (SealedColumn column : sealed.stream().flatMap(s -> s.sealedColumns().stream()).toList()) {
			assertThat(jdbc.sql("SELECT has_column_privilege(current_user, ?, ?, 'UPDATE')")
				.params(column.table(), column.column())
				.query(Boolean.class)
				.single()).as(column.name()).isTrue();
		}
	}

	@Test
	void valuesUnderTheOldAndTheNewKeyAreReadAndAfterTheRotationOnlyTheNewKeyIsLeft() {
		ApiClient api = new ApiClient(port);
		int old = keys.current();
		Citizen before = Citizens.register(api, "岳不群", Identities.idNumber());
		assertThat(keyOf("idp_person", "id_number", before.idNumber())).isEqualTo(old);

		// a new key becomes current before anything is re-sealed: new rows use it, old rows keep theirs
		int added = keys.addCurrent();
		Citizen after = Citizens.register(api, "宁中则", Identities.idNumber());
		assertThat(keyOf("idp_person", "id_number", after.idNumber())).isEqualTo(added);
		assertThat(keyOf("idp_person", "id_number", before.idNumber())).isEqualTo(old);
		for (Citizen citizen : List.of(before, after)) {
			assertThat(Citizens.tryToSignIn(api, citizen.idNumber(), citizen.password()))
				.as("signs in by ID number, found through the blind index").isTrue();
			assertThat((String) api.get("/api/v1/me", citizen.username(), citizen.password()).json("$.idNumber"))
				.isEqualTo(citizen.idNumber().substring(0, 4) + "**********" + citizen.idNumber().substring(14));
		}

		Resealing.Rotation rotation = resealing.rotate();
		int current = rotation.key();
		assertThat(current).isGreaterThan(added);
		assertThat(rotation.stillUsed()).as("no value names an older key").isEmpty();
		assertThat(rotation.removed()).contains(old, added);
		assertThat(keys.ids()).containsExactly(current);
		resealing.usage().forEach((column, perKey) -> assertThat(perKey.keySet()).as(column).allMatch(k -> k != null && k == current));
		for (Citizen citizen : List.of(before, after)) {
			assertThat(keyOf("idp_person", "id_number", citizen.idNumber())).isEqualTo(current);
			assertThat(Citizens.tryToSignIn(api, citizen.idNumber(), citizen.password())).isTrue();
			assertThat((String) api.get("/api/v1/me", citizen.username(), citizen.password()).json("$.idNumber")).endsWith(
					citizen.idNumber().substring(14));
		}
	}

	@Test
	void anAdministratorSeesTheKeysAndRotatesThemWithTheCommandWhileThePlatformRuns() throws Exception {
		ApiClient api = new ApiClient(port);
		Citizens.register(api, "林远图", Identities.idNumber());
		ApiClient.Response status = api.get("/actuator/datakeys", "admin", "onego-admin");
		assertThat(status.status()).as(status.body()).isEqualTo(200);
		int current = status.<Integer>json("$.current");
		Map<String, Object> usage = status.json("$.usage");
		assertThat(usage).containsKeys("account.id_number", "idp_person.id_number", "idp_person.mobile", "sms_outbox.recipient");
		assertThat(status.body()).doesNotContain("\"plain\"");

		// as an operator does it: tools/rotate-keys, the password from the environment
		ProcessBuilder command = new ProcessBuilder("tools/rotate-keys", "admin", "http://127.0.0.1:" + port);
		command.environment().put("ONEGO_ADMIN_PASSWORD", "onego-admin");
		Process process = command.redirectErrorStream(true).start();
		String rotated = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(rotated).isZero();
		int key = com.jayway.jsonpath.JsonPath.<Integer>read(rotated, "$.key");
		assertThat(key).isGreaterThan(current);
		assertThat(com.jayway.jsonpath.JsonPath.<List<Integer>>read(rotated, "$.removed")).contains(current);
		assertThat(api.send("POST", "/actuator/datakeys", "supervisor", "onego-supervisor", null).status()).isEqualTo(403);
		assertThat(api.get("/actuator/datakeys", "admin", "onego-admin").<List<Integer>>json("$.keys")).containsExactly(key);

		assertThat(api.get("/actuator/datakeys", "supervisor", "onego-supervisor").status()).isEqualTo(403);
		assertThat(api.send("POST", "/actuator/datakeys", null, null, null).status()).isEqualTo(401);
	}

	@Autowired
	cn.onego.platform.registry.PopulationRegistry registry;

	@Test
	void rowsWrittenBeforeTheirColumnWasSealedAreSealedAndIndexedAtStartUp() {
		String idNumber = Identities.idNumber();
		// as a database from before V35 holds it: the number and the record in the clear, no index
		jdbc.sql("INSERT INTO registry_record (registry, subject, data) VALUES ('POPULATION', ?, ?)")
			.params(idNumber, "{\"APPLICANT_NAME\":\"风清扬\",\"MOBILE\":\"13912345678\"}")
			.update();
		jdbc.sql("INSERT INTO sealing_pending VALUES ('registry_record', 'subject'), ('registry_record', 'data') ON CONFLICT DO NOTHING")
			.update();

		resealing.sealPending();

		Map<String, Object> row = jdbc.sql("SELECT subject, data, subject_index FROM registry_record WHERE subject_index = ?")
			.param(data.index(idNumber))
			.query()
			.singleRow();
		assertThat(PersonalData.sealed((String) row.get("subject"))).isTrue();
		assertThat((String) row.get("data")).startsWith("k").doesNotContain("风清扬").doesNotContain("13912345678");
		assertThat(registry.personOnRecord(idNumber, "test", "start-up sealing")).get()
			.satisfies(person -> assertThat(person.mobile()).isEqualTo("13912345678"));
		assertThat(jdbc.sql("SELECT count(*) FROM sealing_pending").query(Integer.class).single()).isZero();
	}

	private int keyOf(String table, String column, String idNumber) {
		String stored = jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id_number_index = ?")
			.param(data.index(idNumber))
			.query(String.class)
			.single();
		return PersonalData.keyOf(stored);
	}
}
