package cn.onego.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

import cn.onego.application.Answers;
import cn.onego.application.Applicability;
import cn.onego.application.CriticalPath;
import cn.onego.application.Guidance;
import cn.onego.application.MaterialList;
import cn.onego.application.MaterialSources;
import cn.onego.application.MergedForm;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.clock.WorkingDayCalendar;

/**
 * The hot pure functions of applying once and of the clock, on the shipped catalogue: the seed's
 * restaurant matter with the answers that involve six departments, and the official 2025–2026 calendar.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PureFunctionsBenchmark {

	Catalogue catalogue;
	Matter restaurant;
	Answers answers;
	Applicability applicability;
	WorkingDayCalendar calendar;

	@Setup
	public void load() throws IOException {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		String base = resolver.getResource("classpath:catalog/").getURL().toString();
		Map<String, String> files = new TreeMap<>();
		for (Resource r : resolver.getResources("classpath:catalog/**/*")) {
			String url = r.getURL().toString();
			if (!url.endsWith("/") && r.isReadable() && !url.endsWith(".md")) {
				files.put(url.substring(base.length()), r.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catalogue = Catalogue.fromFiles(files);
		restaurant = catalogue.matter("HN-CATERING").orElseThrow();
		answers = Answers.of("HAS_BUSINESS_LICENCE", "NO", "ENTITY_FORM", "INDIVIDUAL_BUSINESS", "PUBLIC_GATHERING_PLACE", "YES",
				"OUTDOOR_SIGNBOARD", "YES", "SELLS_TOBACCO", "YES");
		applicability = Applicability.of(restaurant, answers);
		calendar = officialCalendar();
	}

	@SuppressWarnings("unchecked")
	static WorkingDayCalendar officialCalendar() throws IOException {
		Map<LocalDate, WorkingDayCalendar.Kind> days = new HashMap<>();
		Set<Integer> years = new java.util.HashSet<>();
		try (InputStream in = new PathMatchingResourcePatternResolver().getResource("classpath:clock/holidays-cn.yaml").getInputStream()) {
			for (Map<String, Object> year : (List<Map<String, Object>>) new Yaml().load(in)) {
				years.add((Integer) year.get("year"));
				for (Map<String, Object> off : (List<Map<String, Object>>) year.get("daysOff")) {
					for (LocalDate d = date(off.get("from")); !d.isAfter(date(off.get("to"))); d = d.plusDays(1)) {
						days.put(d, WorkingDayCalendar.Kind.OFF);
					}
				}
				for (Map<String, Object> work : (List<Map<String, Object>>) year.get("workingDays")) {
					days.put(date(work.get("day")), WorkingDayCalendar.Kind.WORK);
				}
			}
		}
		return new WorkingDayCalendar(years, days);
	}

	private static LocalDate date(Object value) {
		return value instanceof Date d ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.parse(value.toString());
	}

	@Benchmark
	public Applicability situationRules() {
		return Applicability.of(restaurant, answers);
	}

	@Benchmark
	public MergedForm mergedFormDerivation() {
		return MergedForm.derive(catalogue, applicability.items());
	}

	@Benchmark
	public MaterialList materialResolution() {
		return MaterialList.derive(catalogue, restaurant, applicability, Set.of(), MaterialSources.AS_CATALOGUED);
	}

	@Benchmark
	public Guidance.Outcome wholeGuidanceWithMetrics() {
		return Guidance.guide(catalogue, restaurant, answers, Set.of(), MaterialSources.AS_CATALOGUED);
	}

	@Benchmark
	public CriticalPath.Path criticalPath() {
		return CriticalPath.of(applicability.items(), restaurant::prerequisitesOf,
				code -> catalogue.item(code).orElseThrow().promisedLimit());
	}

	@Benchmark
	public LocalDate twentyWorkingDaysAcrossNationalDay() {
		return calendar.plusWorkingDays(LocalDate.of(2026, 9, 20), 20);
	}

	@Benchmark
	public int workingDaysInAYear() {
		return calendar.workingDaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
	}
}
