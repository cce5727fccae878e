package cn.onego.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.catalog.Enums.Registry;
import cn.onego.licences.ELicences;

/**
 * Loads the demo registry records and e-licences (sharing/demo-data.yaml) and the synthetic population's registry
 * records at start-up, idempotently: a start on a database that has them changes nothing.
 */
@Component
class DemoData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OnceOnly onceOnly;
	private final ELicences licences;
	private final ResourceLoader resources;
	private final SyntheticPopulation population;
	private final RegistryRecords records;
	private final boolean enabled;

	DemoData(OnceOnly onceOnly, ELicences licences, ResourceLoader resources, SyntheticPopulation population,
			RegistryRecords records, @Value("${onego.demo-data.enabled:true}") boolean enabled) {
		this.onceOnly = onceOnly;
		this.population = population;
		this.records = records;
		this.licences = licences;
		this.resources = resources;
		this.enabled = enabled;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterSingletonsInstantiated() {
		if (!enabled) {
			return;
		}
		try (InputStream in = resources.getResource("classpath:sharing/demo-data.yaml").getInputStream()) {
			Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			List<Map<String, Object>> records = (List<Map<String, Object>>) data.get("registries");
			for (Map<String, Object> r : records) {
				onceOnly.putRecord(Registry.valueOf((String) r.get("registry")), String.valueOf(r.get("subject")),
						(Map<String, Object>) r.get("data"));
			}
			List<Map<String, Object>> licenceList = (List<Map<String, Object>>) data.get("licences");
			for (Map<String, Object> l : licenceList) {
				licences.record(String.valueOf(l.get("holder")), (String) l.get("licenceType"), String.valueOf(l.get("number")),
						(String) l.get("name"), (String) l.get("issuer"), null, null);
			}
			log.info("Demo data: {} registry records, {} e-licences", records.size(), licenceList.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		loadSyntheticPopulation();
	}

	/** Skipped when its last person and last company are there: the population is the same on every start. */
	private void loadSyntheticPopulation() {
		if (population.people().isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		List<SyntheticPopulation.Person> people = population.people();
		List<SyntheticPopulation.Company> companies = population.companies();
		if (records.holds(Registry.POPULATION, people.get(people.size() - 1).idNumber())
				&& records.holds(Registry.ENTERPRISE, companies.get(companies.size() - 1).creditCode())) {
			log.info("Synthetic population: {} people already loaded", people.size());
			return;
		}
		List<SyntheticRecords.Entry> entries = SyntheticRecords.of(population);
		records.putAbsent(entries);
		log.info("Synthetic population: {} people in {} households, {} companies, {} registry records loaded in {} ms",
				people.size(), population.households().size(), companies.size(), entries.size(),
				(System.nanoTime() - started) / 1_000_000);
	}
}
