package cn.onego;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import cn.onego.platform.DataDirectoryTemplate;

/**
 * What a module test ({@code @ApplicationModuleTest}) adds so that one module starts without the others, on a
 * fresh embedded database of its own ({@link #ownDatabase}).
 * <p>
 * The migrations are the whole application's, and V35 lists the columns it sealed in {@code sealing_pending}, so
 * that {@code platform.crypto.Resealing} seals the rows written before; Resealing refuses to start while a pending
 * column is declared by no {@code SealedColumns} bean — and with one module, most are not. On a fresh database
 * no row was written before its column was sealed, so after migrating, the pending entries of empty tables are
 * dropped: nothing to seal, and no other module's declaration needed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ModuleAlone {

	/**
	 * The module test's own database: a copy of a data directory made once per JVM (see
	 * {@link DataDirectoryTemplate}), started as an existing one, kept by nobody else. Call from the test class's
	 * {@code @DynamicPropertySource}.
	 */
	public static void ownDatabase(DynamicPropertyRegistry registry) {
		String directory = DataDirectoryTemplate.copy().toString();
		registry.add("onego.db.ephemeral", () -> "false");
		registry.add("onego.db.data-dir", () -> directory);
	}

	@Bean
	FlywayMigrationStrategy migrateWithNothingLeftToSeal() {
		return flyway -> {
			flyway.migrate();
			// one statement on one connection: the owner's data source opens a connection (and a SCRAM handshake)
			// per statement, seconds for one per table
			new JdbcTemplate(flyway.getConfiguration().getDataSource()).execute("""
					DO $$
					DECLARE pending text;
					BEGIN
					    FOR pending IN SELECT DISTINCT table_name FROM sealing_pending LOOP
					        EXECUTE format('DELETE FROM sealing_pending WHERE table_name = %L AND NOT EXISTS (SELECT FROM %I)',
					                       pending, pending);
					    END LOOP;
					END $$""");
		};
	}
}
