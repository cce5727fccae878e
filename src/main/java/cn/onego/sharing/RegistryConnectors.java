package cn.onego.sharing;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Enums.Registry;
import cn.onego.sharing.RegistryAnswer.Failure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector serving each kind of registry: {@link HttpRegistry} where {@code onego.sharing.registries.<kind>.base-url}
 * is set, the built-in registry otherwise. Every read goes through {@link #read}, which turns anything a
 * connector throws into a failed answer, and logs and counts each failure by registry and kind of failure —
 * never with the subject, whose ID number must not reach a log.
 */
@Component
class RegistryConnectors {

	private static final Logger log = LoggerFactory.getLogger(RegistryConnectors.class);

	private final Map<Registry, RegistryConnector> connectors = new EnumMap<>(Registry.class);
	private final RegistryReads reads;

	RegistryConnectors(SharingSettings settings, RegistryRecords records, CatalogQueries catalog, JsonMapper json,
			Clock clock, RegistryReads reads) {
		this.reads = reads;
		RegistryAnswers answers = new RegistryAnswers(json);
		for (Registry registry : Registry.values()) {
			SharingSettings.Endpoint endpoint = settings.registries().get(registry);
			RegistryKind kind = RegistryKind.of(registry);
			if (endpoint != null && endpoint.baseUrl() != null) {
				connectors.put(registry, new HttpRegistry(kind, endpoint, answers, catalog::catalogue, clock));
				log.info("registry {}: HTTP at {}", registry, endpoint.baseUrl());
			}
			else {
				connectors.put(registry, new BuiltInRegistry(kind, records));
			}
		}
	}

	/** The connector serving the registry. */
	RegistryConnector of(Registry registry) {
		return connectors.get(registry);
	}

	/** What the registry holds about the subject; a failure is logged and counted here, once. */
	RegistryAnswer read(Registry registry, String subject) {
		RegistryAnswer answer;
		try {
			answer = of(registry).read(subject);
		}
		catch (RuntimeException e) {
			log.error("registry {}: the read failed unexpectedly ({})", registry, e.getClass().getSimpleName());
			answer = new RegistryAnswer.Failed(Failure.UNEXPECTED);
		}
		if (answer instanceof RegistryAnswer.Failed failed) {
			log.warn("registry {} unavailable ({}): the applicant is asked to upload instead", registry,
					failed.failure().tag());
			reads.failed(registry.name(), failed.failure());
		}
		return answer;
	}
}
