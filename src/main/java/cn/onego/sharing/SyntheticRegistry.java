package cn.onego.sharing;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Region;
import cn.onego.shared.RegionCode;

/**
 * The synthetic population behind the built-in registry ({@code onego.sharing.synthetic.people} and {@code .seed}),
 * living in the counties of 湖南省 among the catalogue's regions, and its records loaded with the demo data
 * ({@code onego.demo-data.enabled}) once the application is ready — the catalogue is loaded by then — idempotently:
 * when its last person and last company are there, nothing is written. Tests of any module pick its people here.
 */
@Component
public class SyntheticRegistry {

	private static final Logger log = LoggerFactory.getLogger(SyntheticRegistry.class);
	private static final RegionCode PROVINCE = new RegionCode("430000");

	private final SharingSettings settings;
	private final CatalogQueries catalog;
	private final RegistryRecords records;
	private final boolean enabled;
	private volatile SyntheticPopulation population;

	SyntheticRegistry(SharingSettings settings, CatalogQueries catalog, RegistryRecords records,
			@Value("${onego.demo-data.enabled:true}") boolean enabled) {
		this.settings = settings;
		this.catalog = catalog;
		this.records = records;
		this.enabled = enabled;
	}

	/** The same people on every start; its registry records are loaded when the demo data is. */
	public SyntheticPopulation population() {
		SyntheticPopulation drawn = population;
		if (drawn == null) {
			synchronized (this) {
				if (population == null) {
					population = SyntheticPopulation.generate(settings.synthetic().seed(), settings.synthetic().people(),
							places(catalog.catalogue()));
				}
				drawn = population;
			}
		}
		return drawn;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		if (!enabled || settings.synthetic().people() == 0) {
			return;
		}
		long started = System.nanoTime();
		SyntheticPopulation people = population();
		List<SyntheticPopulation.Person> persons = people.people();
		List<SyntheticPopulation.Company> companies = people.companies();
		if (records.holds(Registry.POPULATION, persons.get(persons.size() - 1).idNumber())
				&& records.holds(Registry.ENTERPRISE, companies.get(companies.size() - 1).creditCode())) {
			log.info("Synthetic population: {} people already loaded ({} ms)", persons.size(),
					(System.nanoTime() - started) / 1_000_000);
			return;
		}
		List<SyntheticRecords.Entry> entries = SyntheticRecords.of(people);
		records.putAbsent(entries);
		log.info("Synthetic population: {} people in {} households, {} companies, {} registry records loaded in {} ms",
				persons.size(), people.households().size(), companies.size(), entries.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** The counties of 湖南省, by code. */
	static List<SyntheticPopulation.Place> places(Catalogue catalogue) {
		return catalogue.regions().stream()
			.filter(r -> r.level() == RegionLevel.COUNTY && catalogue.isWithin(r.code(), PROVINCE))
			.sorted(Comparator.comparing(r -> r.code().value()))
			.map(r -> new SyntheticPopulation.Place(r.code().value(), fullName(catalogue, r)))
			.toList();
	}

	/** 湖南省长沙市天心区: the names from the province down, leaving out the statistical "市辖区". */
	private static String fullName(Catalogue catalogue, Region county) {
		StringBuilder name = new StringBuilder();
		for (Region region : catalogue.lineage(county.code())) {
			if (!region.name().equals("市辖区")) {
				name.insert(0, region.name());
			}
		}
		return name.toString();
	}
}
