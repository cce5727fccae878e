package cn.onego.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.cases.Halls.Hall;
import cn.onego.shared.RegionCode;

/**
 * The shipped halls ({@code cases/halls.yaml}, or {@code onego.halls}) written into an empty database on first
 * start, so that a fresh install routes exactly as before halls were data. Later starts find halls and leave them to
 * the administrators; each node may try at once, one writes.
 */
@Component
class HallSeed {

	private static final Logger log = LoggerFactory.getLogger(HallSeed.class);

	private final HallRows rows;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ResourceLoader resources;
	private final String location;
	private final Clock clock;

	HallSeed(HallRows rows, JdbcClient jdbc, TransactionTemplate transactions, ResourceLoader resources,
			@Value("${onego.halls:classpath:cases/halls.yaml}") String location, Clock clock) {
		this.rows = rows;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.resources = resources;
		this.location = location;
		this.clock = clock;
	}

	void seedIfEmpty() {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(4242048)").query(Object.class).single();
			if (!rows.empty()) {
				return;
			}
			List<Hall> halls = read();
			for (Hall hall : halls) {
				rows.insert(hall, "system", clock.instant());
			}
			rows.logChange("system", "SEED", "halls", halls.size() + " halls from " + location, clock.instant());
			log.info("Wrote the {} shipped halls from {}", halls.size(), location);
		});
	}

	/** A hall without {@code categories} accepts every category, as the YAML always meant. */
	@SuppressWarnings("unchecked")
	private List<Hall> read() {
		try (InputStream in = resources.getResource(location).getInputStream()) {
			List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			return entries.stream().map(entry -> {
				Set<String> categories = new LinkedHashSet<>();
				if (entry.get("categories") instanceof List<?> list) {
					list.forEach(c -> categories.add(c.toString()));
				}
				return new Hall((String) entry.get("code"), (String) entry.get("name"), (String) entry.get("name-en"),
						RegionCode.of(entry.get("region").toString()), (String) entry.get("address"), (String) entry.get("address-en"),
						(String) entry.get("phone"), (String) entry.get("hours"), (String) entry.get("hours-en"), categories.isEmpty(),
						categories, List.of(), null, 0);
			}).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
