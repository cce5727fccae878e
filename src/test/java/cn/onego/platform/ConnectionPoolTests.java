package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.MeterRegistry;

class ConnectionPoolTests {

	/**
	 * A request that asked for a connection just before the database went away waits in Hikari for a new one (the
	 * idle ones went down with the server). Once the watch finds the database away it is answered as an outage at
	 * once — not after the restart (a 200 long after everyone else got 503) or the pool's timeout.
	 */
	@Test
	void aRequestWaitingInThePoolIsLetGoOnceTheWatchFindsTheDatabaseAway() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort(); // closed again: nothing answers there
		}
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/onego";
		DatabaseProperties properties = new DatabaseProperties(url, "onego", "unused", null, null, null, false, null, 2,
				Duration.ofSeconds(20), Duration.ofMillis(100), null, null, null, null, null);
		StaticListableBeanFactory none = new StaticListableBeanFactory();
		ExecutorService requests = Executors.newSingleThreadExecutor();
		try (HikariDataSource hikari = new HikariDataSource()) {
			hikari.setJdbcUrl(url);
			hikari.setUsername("onego");
			hikari.setPassword("unused");
			hikari.setConnectionTimeout(properties.connectionTimeout().toMillis());
			hikari.setInitializationFailTimeout(-1);
			DatabaseWatch watch = new DatabaseWatch(new Database(url, properties.application(), properties.migration(), null),
					hikari, properties, event -> {
					}, none.getBeanProvider(IncompleteEventPublications.class), none.getBeanProvider(MeterRegistry.class));
			ConnectionPool pool = new ConnectionPool(hikari, watch);

			CompletableFuture<SQLException> asked = CompletableFuture.supplyAsync(() -> {
				try (Connection connection = pool.getConnection()) {
					return null;
				}
				catch (SQLException e) {
					return e;
				}
			}, requests);
			Thread.sleep(500);
			assertThat(asked).as("waiting in Hikari: the watch has not looked yet").isNotDone();

			watch.start(); // its first look finds nobody there
			try {
				SQLException refused = asked.get(5, TimeUnit.SECONDS);
				assertThat(watch.available()).isFalse();
				assertThat((Throwable) refused).isInstanceOf(SQLTransientConnectionException.class);
				assertThat(refused.getSQLState()).isEqualTo("08001");
				assertThat(DatabaseUnavailable.isCause(refused)).isTrue();
				boolean interrupted = requests.submit(() -> Thread.currentThread().isInterrupted()).get();
				assertThat(interrupted)
					.as("the thread goes on without the interrupt that let it go")
					.isFalse();
			}
			finally {
				watch.stop();
			}
		}
		finally {
			requests.shutdownNow();
		}
	}
}
