package cn.onego.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Watches the database from the moment the application is ready, so that a database that went away is known
 * at once instead of by every request waiting for a connection: a connection of its own asks {@code SELECT 1}
 * every {@code onego.db.check-interval}, and for the embedded server the postmaster process is looked at too.
 * <ul>
 * <li>When the database stops answering, the application's readiness turns {@code REFUSING_TRAFFIC} (so a load
 * balancer or orchestrator stops routing to it), the pool stops handing out connections, and requests that
 * need the database are answered 503 at once (see {@code OutageGate}).</li>
 * <li>The embedded server is restarted by OneGo on the same directory and port: at once when its postmaster
 * died, after {@code onego.db.restart-after} when it is alive but does not answer. An external server is the
 * operator's to restart; OneGo waits for it.</li>
 * <li>When it answers again, readiness turns {@code ACCEPTING_TRAFFIC}, the pool drops its broken connections,
 * and the event publications an outage interrupted are delivered again (their listeners are idempotent).</li>
 * <li>When the embedded server cannot be brought back within {@code onego.db.give-up-after}, the liveness
 * state turns {@code BROKEN}: restarting the whole process is what is left to try.</li>
 * </ul>
 */
public class DatabaseWatch {

	private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

	private final Database database;
	private final HikariDataSource pool;
	private final DatabaseProperties properties;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<IncompleteEventPublications> publications;
	private final Clock clock = Clock.systemUTC();

	private volatile boolean available = true;
	private volatile Instant downSince;
	private volatile String lastFailure;
	private volatile boolean broken;
	private volatile Thread watcher;
	private volatile boolean closing;
	private Connection connection;
	private volatile Instant lastRestartAttempt;
	private final AtomicBoolean suspecting = new AtomicBoolean();
	private final AtomicLong outages = new AtomicLong();
	private final AtomicLong restarts = new AtomicLong();
	private final List<Runnable> whenDown = new CopyOnWriteArrayList<>();
	private Counter outageCounter;
	private Counter restartCounter;

	DatabaseWatch(Database database, HikariDataSource pool, DatabaseProperties properties, ApplicationEventPublisher events,
			ObjectProvider<IncompleteEventPublications> publications, ObjectProvider<MeterRegistry> meters) {
		this.database = database;
		this.pool = pool;
		this.properties = properties;
		this.events = events;
		this.publications = publications;
		meters.ifAvailable(registry -> {
			Gauge.builder("onego.db.available", this, w -> w.available ? 1 : 0)
				.description("1 while the database answers, 0 during an outage")
				.register(registry);
			outageCounter = Counter.builder("onego.db.outages").description("times the database stopped answering")
				.register(registry);
			restartCounter = Counter.builder("onego.db.restarts").description("restarts of the embedded PostgreSQL by OneGo")
				.register(registry);
		});
	}

	/** Whether the database answered at the last check: while it does not, nothing should wait for it. */
	public boolean available() {
		return available;
	}

	/** Since when the database has not answered, while it does not. */
	public Optional<Instant> downSince() {
		return Optional.ofNullable(downSince);
	}

	/** What the last failed check said, for the health details. */
	public Optional<String> lastFailure() {
		return Optional.ofNullable(lastFailure);
	}

	/** How often OneGo restarted the embedded server since it started. */
	public long restarts() {
		return restarts.get();
	}

	/**
	 * A connection could not be had or broke: checks at once instead of at the next interval, so that the
	 * request which ran into it is already answered as an outage.
	 */
	public void suspect() {
		// one look at a time; whoever comes while it runs does not queue behind it (a hung server answers nobody)
		if (watcher != null && !closing && available && suspecting.compareAndSet(false, true)) {
			try {
				probeAndUpdate();
			}
			finally {
				suspecting.set(false);
			}
		}
	}

	/**
	 * A request failed in a way that may be the database's doing (a commit or rollback on a connection that broke,
	 * with no SQL state to tell): looks now, waiting for a look already under way, and says whether it is away.
	 */
	public boolean awayAfterFailure() {
		if (watcher != null && !closing && available) {
			probeAndUpdate();
		}
		return !available;
	}

	/** Runs the action each time the database is found away, as soon as {@link #available()} says so. */
	void whenDown(Runnable action) {
		whenDown.add(action);
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		Thread thread = new Thread(this::watch, "onego-db-watch");
		thread.setDaemon(true);
		watcher = thread;
		thread.start();
	}

	/** Stops watching before the pool and the server are closed: a closing database is not an outage. */
	@EventListener(ContextClosedEvent.class)
	void stop() {
		closing = true;
		Thread thread = watcher;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this) {
			closeConnection();
		}
	}

	private void watch() {
		while (!closing) {
			probeAndUpdate();
			if (!available && !closing) {
				bringBack();
			}
			try {
				Thread.sleep(properties.checkInterval().toMillis());
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	/** One check, and what it changes: down, or up again. */
	private synchronized void probeAndUpdate() {
		if (closing) {
			return;
		}
		Optional<String> failure = probe();
		if (failure.isEmpty()) {
			if (!available) {
				recovered();
			}
			return;
		}
		lastFailure = failure.get();
		if (available) {
			wentDown(failure.get());
		}
	}

	/** Only the watcher: restarts the embedded server when it is due, and gives up in the end. */
	private void bringBack() {
		EmbeddedPostgresServer server = database.embedded();
		Instant since = downSince;
		if (server == null || since == null) {
			return;
		}
		boolean dead = server.postmaster().isEmpty();
		Instant now = clock.instant();
		boolean due = dead || Duration.between(since, now).compareTo(properties.restartAfter()) >= 0;
		boolean notTooOften = lastRestartAttempt == null || Duration.between(lastRestartAttempt, now).toMillis() >= 1000;
		if (due && notTooOften) {
			restart(server, dead);
		}
		if (!available && !broken && Duration.between(since, clock.instant()).compareTo(properties.giveUpAfter()) >= 0) {
			broken = true;
			log.error("The embedded PostgreSQL could not be brought back within {}: liveness BROKEN, the process should be "
					+ "restarted", properties.giveUpAfter());
			AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
		}
	}

	/** Empty when the database answered, otherwise what went wrong. */
	private Optional<String> probe() {
		EmbeddedPostgresServer server = database.embedded();
		if (server != null && server.postmaster().isEmpty()) {
			closeConnection();
			return Optional.of("the embedded PostgreSQL's postmaster is not running");
		}
		try {
			if (connection == null || connection.isClosed()) {
				connection = connect();
			}
			try (Statement sql = connection.createStatement()) {
				sql.setQueryTimeout(3);
				sql.execute("SELECT 1");
			}
			return Optional.empty();
		}
		catch (SQLException e) {
			closeConnection();
			if ("53300".equals(e.getSQLState())) {
				return Optional.empty(); // too many connections: the server is there and answers
			}
			return Optional.of(e.getSQLState() + " " + e.getMessage());
		}
	}

	private Connection connect() throws SQLException {
		return database.connect("onego-db-watch", 5);
	}

	private void closeConnection() {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ignored) {
				// it is broken: that is why it is closed
			}
			connection = null;
		}
	}

	private void wentDown(String why) {
		available = false;
		whenDown.forEach(Runnable::run);
		downSince = clock.instant();
		outages.incrementAndGet();
		if (outageCounter != null) {
			outageCounter.increment();
		}
		log.error("The database stopped answering ({}): readiness REFUSING_TRAFFIC, requests that need it are answered 503",
				why);
		AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
	}

	private void restart(EmbeddedPostgresServer server, boolean dead) {
		lastRestartAttempt = clock.instant();
		log.warn("Restarting the embedded PostgreSQL ({})", dead ? "its postmaster died" : "it did not answer for "
				+ properties.restartAfter());
		try {
			server.restart();
			restarts.incrementAndGet();
			if (restartCounter != null) {
				restartCounter.increment();
			}
		}
		catch (IOException | RuntimeException e) {
			log.error("Could not restart the embedded PostgreSQL; trying again", e);
			return;
		}
		probeAndUpdate();
	}

	private void recovered() {
		Duration outage = Duration.between(downSince, clock.instant());
		Instant before = clock.instant();
		// the pool's idle connections went down with the server: new ones, not broken ones, for the next requests
		if (pool.getHikariPoolMXBean() != null) {
			pool.getHikariPoolMXBean().softEvictConnections();
		}
		available = true;
		downSince = null;
		lastFailure = null;
		log.warn("The database answers again after {} ms: readiness ACCEPTING_TRAFFIC", outage.toMillis());
		AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
		if (broken) {
			broken = false;
			AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
		}
		redeliverInterrupted(before);
	}

	/**
	 * Event publications whose listeners ran into the outage are still incomplete, and nothing would deliver them
	 * before the next start. They are delivered again now, in the background: every publication of before the
	 * recovery (none can have been made during the outage itself).
	 */
	private void redeliverInterrupted(Instant before) {
		IncompleteEventPublications incomplete = publications.getIfAvailable();
		if (incomplete == null) {
			return;
		}
		Thread redelivery = new Thread(() -> {
			try {
				incomplete.resubmitIncompletePublications(p -> p.getPublicationDate().isBefore(before));
			}
			catch (RuntimeException e) {
				log.warn("Could not deliver the interrupted event publications again; they are delivered at the next start", e);
			}
		}, "onego-db-redelivery");
		redelivery.setDaemon(true);
		redelivery.start();
	}
}
