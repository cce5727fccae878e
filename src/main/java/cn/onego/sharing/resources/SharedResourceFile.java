package cn.onego.sharing.resources;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/**
 * Reads the catalogue of shared resources ({@code sharing/shared-resources.yaml}) and checks it against the service
 * catalogue: every provider a department of it, every element one of its data elements, every registry kind
 * covered, a condition for every conditional resource. A file with any problem is refused whole, listing them all.
 */
final class SharedResourceFile {

	private SharedResourceFile() {
	}

	@SuppressWarnings("unchecked")
	static List<SharedResource> read(InputStream in, Catalogue catalogue) {
		Map<String, Object> file = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		List<String> problems = new ArrayList<>();
		List<SharedResource> resources = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		Set<Registry> covered = EnumSet.noneOf(Registry.class);
		for (Map<String, Object> entry : (List<Map<String, Object>>) file.get("resources")) {
			String code = String.valueOf(entry.get("code"));
			int before = problems.size();
			if (!code.matches("[A-Z][A-Z0-9-]{1,63}") || !codes.add(code)) {
				problems.add(code + ": a code is unique, upper case, digits and hyphens");
			}
			Registry registry = value(Registry.class, entry.get("registry"), code, "registry", problems);
			UpdateFrequency frequency = value(UpdateFrequency.class, entry.get("frequency"), code, "frequency", problems);
			SharingClass sharing = value(SharingClass.class, entry.get("sharing"), code, "sharing", problems);
			String provider = String.valueOf(entry.get("provider"));
			if (catalogue.department(provider).isEmpty()) {
				problems.add(code + ": provider " + provider + " is no department of the catalogue");
			}
			List<String> elements = (List<String>) entry.getOrDefault("elements", List.of());
			if (elements.isEmpty()) {
				problems.add(code + ": a resource answers at least one data element");
			}
			elements.stream().filter(e -> catalogue.element(e).isEmpty())
				.forEach(e -> problems.add(code + ": " + e + " is no data element of the catalogue"));
			Label name = label(entry.get("name"), code, "name", problems);
			Label description = label(entry.get("description"), code, "description", problems);
			Label condition = entry.get("condition") == null ? null : label(entry.get("condition"), code, "condition", problems);
			if (sharing == SharingClass.CONDITIONAL && condition == null) {
				problems.add(code + ": a conditional resource states its condition");
			}
			if (problems.size() == before) {
				covered.add(registry);
				resources.add(new SharedResource(code, registry, provider, name, description, elements, frequency, sharing,
						condition, entry.get("assumption") == null ? null : String.valueOf(entry.get("assumption"))));
			}
		}
		EnumSet<Registry> missing = EnumSet.allOf(Registry.class);
		missing.removeAll(covered);
		if (!missing.isEmpty()) {
			problems.add("registries without a shared resource: " + missing);
		}
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("sharing/shared-resources.yaml: " + String.join("; ", problems));
		}
		return resources;
	}

	private static <E extends Enum<E>> E value(Class<E> type, Object value, String code, String key, List<String> problems) {
		try {
			return Enum.valueOf(type, String.valueOf(value));
		}
		catch (IllegalArgumentException e) {
			problems.add(code + ": " + key + " " + value + " is none of " + EnumSet.allOf(type));
			return null;
		}
	}

	private static Label label(Object value, String code, String key, List<String> problems) {
		if (value instanceof Map<?, ?> map && map.get("zh") instanceof String zh && map.get("en") instanceof String en
				&& !zh.isBlank() && !en.isBlank()) {
			return new Label(zh, en);
		}
		problems.add(code + ": " + key + " has zh and en");
		return null;
	}
}
