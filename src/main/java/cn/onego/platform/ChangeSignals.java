package cn.onego.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Tells the modules which rows were changed, by any transaction on any node of the database: PostgreSQL's
 * {@code LISTEN}/{@code NOTIFY} on a connection of its own (not the pool's, which an outage closes). A trigger on a
 * table sends the key of a changed row on a channel when its transaction commits; a module that keeps copies of those
 * rows (a cache) forgets that key when it hears it.
 * <p>
 * Notifications sent while the connection is down are lost. So a module may keep copies only while {@link
 * #listening()} is true, and every listener hears {@link Listener#missed()} when the connection breaks and again once
 * it listens anew: what it kept from before may have changed unheard.
 */
public class ChangeSignals implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeSignals.class);
	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
	/** How long a wait for notifications lasts; a silent server is asked whether it is there after a few of them. */
	private static final int WAIT_MILLIS = 500;
	private static final long CHECK_EVERY_MILLIS = 5_000;
	private static final long LONGEST_PAUSE_MILLIS = 5_000;

	/** A module's ear on a channel. */
	public interface Listener {

		/** A transaction that changed the row of this key committed. */
		void changed(String key);

		/** Changes may have gone unheard: forget every copy kept. */
		void missed();
	}

	private final Database database;
	private final Map<String, List<Listener>> listeners = new ConcurrentHashMap<>();
	private volatile boolean listening;
	private volatile boolean running;
	private Thread thread;

	ChangeSignals(Database database) {
		this.database = database;
	}

	/** Listens on the channel for the listener, from the start of the application on. */
	public void listen(String channel, Listener listener) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("not a channel name: " + channel);
		}
		if (running) {
			throw new IllegalStateException("listeners join before the application starts");
		}
		listeners.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/** Whether every change is heard now: only then may a module keep copies. */
	public boolean listening() {
		return listening;
	}

	@Override
	public void start() {
		running = true;
		if (listeners.isEmpty()) {
			return;
		}
		thread = new Thread(this::listenWhileRunning, "onego-change-signals");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		listening = false;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(2_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listenWhileRunning() {
		long pause = 100;
		boolean toldDown = false;
		while (running) {
			try (Connection connection = connect()) {
				try (Statement sql = connection.createStatement()) {
					for (String channel : listeners.keySet()) {
						sql.execute("LISTEN " + channel);
					}
				}
				// what was kept before this connection listened may have changed unheard
				missed();
				listening = true;
				if (toldDown) {
					log.info("Listening for changed rows again on {}", listeners.keySet());
				}
				pause = 100;
				toldDown = false;
				hear(connection);
			}
			catch (SQLException | RuntimeException broken) {
				boolean wasListening = listening;
				listening = false;
				if (wasListening) {
					missed();
				}
				if (!running) {
					return;
				}
				if (!toldDown) {
					log.warn("Not listening for changed rows ({}); the modules keep no copies until it listens again", broken.toString());
					toldDown = true;
				}
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException e) {
					return;
				}
				pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
			}
		}
	}

	/** Hands every notification to its listeners until the connection breaks or the application stops. */
	private void hear(Connection connection) throws SQLException {
		PGConnection pg = connection.unwrap(PGConnection.class);
		long checked = System.nanoTime();
		while (running) {
			PGNotification[] heard = pg.getNotifications(WAIT_MILLIS);
			if (heard != null) {
				for (PGNotification n : heard) {
					for (Listener listener : listeners.getOrDefault(n.getName(), List.of())) {
						tell(() -> listener.changed(n.getParameter()));
					}
				}
			}
			// a server that went away without closing the socket says nothing: ask it now and then
			if (System.nanoTime() - checked > CHECK_EVERY_MILLIS * 1_000_000) {
				if (!connection.isValid(2)) {
					throw new SQLException("the connection for change signals no longer answers", "08006");
				}
				checked = System.nanoTime();
			}
		}
	}

	private void missed() {
		listeners.values().forEach(channel -> channel.forEach(listener -> tell(listener::missed)));
	}

	private static void tell(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException failed) {
			log.error("A listener of change signals failed", failed);
		}
	}

	private Connection connect() throws SQLException {
		return database.connect("onego-change-signals", 0);
	}
}
