package cn.onego.sharing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.catalog.Enums.Registry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Which shared registries this deployment really reaches, for the reduction metrics' materials "after": a kind is
 * <em>connected</em> when a province's registry is configured for it ({@code onego.sharing.registries.<kind>.base-url})
 * or when the built-in registry holds records of that kind (demo data, the synthetic population, admin feeds) — a
 * built-in registry without a single record removes nothing; it is <em>answering</em> when connected and, over HTTP,
 * its circuit breaker is not open (docs/REGISTRIES.md). A material whose registry is not answering is one the
 * applicant uploads, as {@link OnceOnly} asks them to.
 */
@Service
public class RegistryConnections {

	/** How a kind of registry is reached here. */
	public enum Via {
		/** A province's registry over HTTP+JSON. */
		PROVINCE,
		/** OneGo's built-in registry, which holds records of this kind. */
		BUILT_IN,
		/** Nothing: the built-in registry holds no record of this kind and no province's registry is configured. */
		NONE
	}

	/** One kind of registry: how it is reached and whether it answers now. */
	public record Connection(Registry registry, Via via, boolean answering) {
	}

	private final RegistryConnectors connectors;
	private final JdbcClient jdbc;

	RegistryConnections(RegistryConnectors connectors, JdbcClient jdbc) {
		this.connectors = connectors;
		this.jdbc = jdbc;
	}

	/** Every kind of registry, in the catalogue's order. */
	public List<Connection> all() {
		Set<String> held = Set.copyOf(jdbc.sql("SELECT DISTINCT registry FROM registry_record").query(String.class).list());
		return java.util.Arrays.stream(Registry.values()).map(registry -> {
			RegistryConnector connector = connectors.of(registry);
			if (connector instanceof HttpRegistry http) {
				return new Connection(registry, Via.PROVINCE, http.state() != CircuitBreaker.State.OPEN
						&& http.state() != CircuitBreaker.State.FORCED_OPEN);
			}
			boolean holds = held.contains(registry.name());
			return new Connection(registry, holds ? Via.BUILT_IN : Via.NONE, holds);
		}).toList();
	}

	/** The kinds connected and answering now. */
	public static Set<Registry> answering(List<Connection> connections) {
		Set<Registry> answering = EnumSet.noneOf(Registry.class);
		connections.stream().filter(Connection::answering).forEach(c -> answering.add(c.registry()));
		return answering;
	}

	/** The kinds connected, of a list of connections. */
	public static Set<Registry> connected(List<Connection> connections) {
		Set<Registry> connected = EnumSet.noneOf(Registry.class);
		connections.stream().filter(c -> c.via() != Via.NONE).forEach(c -> connected.add(c.registry()));
		return connected;
	}
}
