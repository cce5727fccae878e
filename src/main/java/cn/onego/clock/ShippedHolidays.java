package cn.onego.clock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.clock.Calendars.OffRange;
import cn.onego.clock.Calendars.WorkDay;
import cn.onego.clock.Calendars.YearDefinition;

/**
 * The State Council's holiday notices shipped with the platform ({@code clock/holidays-cn.yaml}), so
 * that a new installation computes deadlines from its first start without an administrator loading
 * the years.
 */
final class ShippedHolidays {

	private ShippedHolidays() {
	}

	@SuppressWarnings("unchecked")
	static List<YearDefinition> read(ResourceLoader resources) {
		try (InputStream in = resources.getResource("classpath:clock/holidays-cn.yaml").getInputStream()) {
			List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			List<YearDefinition> years = new ArrayList<>();
			for (Map<String, Object> entry : entries) {
				List<OffRange> off = ((List<Map<String, Object>>) entry.get("daysOff")).stream()
					.map(r -> new OffRange(date(r.get("from")), date(r.get("to")), (String) r.get("name")))
					.toList();
				List<WorkDay> work = ((List<Map<String, Object>>) entry.get("workingDays")).stream()
					.map(w -> new WorkDay(date(w.get("day")), (String) w.get("name")))
					.toList();
				years.add(new YearDefinition((Integer) entry.get("year"), (String) entry.get("source"), off, work));
			}
			return years;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static LocalDate date(Object value) {
		// SnakeYAML reads a bare date as midnight UTC; taking it in the JVM's zone could shift it by a day
		return value instanceof Date d ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
				: LocalDate.parse(String.valueOf(value));
	}
}
