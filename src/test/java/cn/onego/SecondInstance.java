package cn.onego;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.platform.DataDirectoryTemplate;

/**
 * A second OneGo application in the test's JVM — another province's instance for the federation tests — on a random
 * port of loopback, with the {@code test} profile and an embedded database of its own (a copy of
 * {@link DataDirectoryTemplate}, migrated at start like any new installation). The shared test context is the first
 * instance. Start it once per test class ({@code @BeforeAll}) and close it after ({@code @AfterAll}): a start costs
 * the better part of ten seconds.
 * <p>
 * Both instances' clocks start at the test profile's {@code onego.clock.start} when they start, so two contexts
 * started minutes apart disagree by minutes — more than a signed request's timestamp may be off. Pass
 * {@code "onego.clock.start", SecondInstance.sameTimeAs(clock)} with the first instance's clock.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SecondInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Starts OneGo with these properties over the test profile's. */
	public static SecondInstance start(Map<String, String> extraProperties) {
		return start(extraProperties, new Class<?>[0]);
	}

	/**
	 * Starts OneGo with these properties over the test profile's, and these classes as beans besides the application's
	 * own (a test's {@code FederationHandler}, for instance; they need no {@code @Component}, which would put them into
	 * the shared context too).
	 */
	public static SecondInstance start(Map<String, String> extraProperties, Class<?>... beans) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("onego.db.ephemeral", "false");
		properties.put("onego.db.data-dir", DataDirectoryTemplate.copy().toString());
		properties.putAll(extraProperties);
		// command-line arguments, since they outrank application.yml and the test profile (default properties do not)
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		Class<?>[] sources = new Class<?>[beans.length + 1];
		sources[0] = OneGo.class;
		System.arraycopy(beans, 0, sources, 1, beans.length);
		return new SecondInstance(new SpringApplicationBuilder(sources).profiles("test").run(args.toArray(String[]::new)));
	}

	/** The value of {@code onego.clock.start} that makes the second instance's clock show what this clock shows. */
	public static String sameTimeAs(Clock clock) {
		return OffsetDateTime.now(clock).toString();
	}

	/** The port the second instance listens on, on 127.0.0.1. */
	public int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** Where it is reached: {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/** One of its beans. */
	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	/** Stops it; its database goes with the JVM's temporary directories. */
	@Override
	public void close() {
		context.close();
	}
}
