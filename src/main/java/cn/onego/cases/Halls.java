package cn.onego.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.shared.RegionCode;

/** The halls and the category of window that accepts each matter. */
@Component
public class Halls {

	/** The kinds of comprehensive window (综合窗口). */
	public enum WindowCategory {
		BUSINESS, SOCIAL_AFFAIRS, CONSTRUCTION, REAL_ESTATE
	}

	/**
	 * A hall as the public meets it: its name, where it is, how to call it and when it is open, in Chinese and
	 * English.
	 */
	public record Hall(String code, String name, String nameEn, RegionCode region, String address, String addressEn,
			String phone, String hours, String hoursEn, Set<WindowCategory> categories) {

		public String name(boolean english) {
			return english && nameEn != null ? nameEn : name;
		}

		public String address(boolean english) {
			return english && addressEn != null ? addressEn : address;
		}

		public String hours(boolean english) {
			return english && hoursEn != null ? hoursEn : hours;
		}
	}

	private final Map<String, Hall> halls = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	Halls(ResourceLoader resources, @Value("${onego.halls:classpath:cases/halls.yaml}") String location) {
		try (InputStream in = resources.getResource(location).getInputStream()) {
			List<Map<String, Object>> entries = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			for (Map<String, Object> entry : entries) {
				Set<WindowCategory> categories = EnumSet.allOf(WindowCategory.class);
				if (entry.get("categories") instanceof List<?> list) {
					categories = EnumSet.noneOf(WindowCategory.class);
					for (Object c : list) {
						categories.add(WindowCategory.valueOf(c.toString()));
					}
				}
				Hall hall = new Hall((String) entry.get("code"), (String) entry.get("name"), (String) entry.get("name-en"),
						RegionCode.of(entry.get("region").toString()), (String) entry.get("address"),
						(String) entry.get("address-en"), (String) entry.get("phone"), (String) entry.get("hours"),
						(String) entry.get("hours-en"), categories);
				halls.put(hall.code(), hall);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The window category of a matter, from its life-cycle theme. */
	public static WindowCategory categoryOf(Matter matter) {
		if (matter.theme() == Theme.INVESTMENT_CONSTRUCTION) {
			return WindowCategory.CONSTRUCTION;
		}
		if (matter.theme() == Theme.HOUSING) {
			return WindowCategory.REAL_ESTATE;
		}
		return matter.theme().enterprise ? WindowCategory.BUSINESS : WindowCategory.SOCIAL_AFFAIRS;
	}

	/**
	 * The competent hall: the nearest hall up the applicant's region whose comprehensive window accepts
	 * the matter's category; the provincial hall ({@code <province>-HALL}) when none is configured.
	 */
	public HallCode competentHall(Catalogue catalogue, Matter matter, RegionCode region) {
		WindowCategory category = categoryOf(matter);
		for (Region r : catalogue.lineage(region)) {
			Optional<Hall> hall = halls.values()
				.stream()
				.filter(h -> h.region().equals(r.code()) && h.categories().contains(category))
				.findFirst();
			if (hall.isPresent()) {
				return HallCode.of(hall.get().code());
			}
		}
		return HallCode.of(region.province().value() + "-HALL");
	}

	public Optional<Hall> hall(String code) {
		return Optional.ofNullable(halls.get(code));
	}

	public List<Hall> all() {
		return new ArrayList<>(halls.values());
	}
}
