package cn.onego.sharing.resources;

import java.util.List;

import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/**
 * A shared resource of the catalogue (信息资源目录): what a registry shares, which department provides it, the data
 * elements it answers (codes of the service catalogue's data elements), how fresh it is and how it is shared.
 *
 * @param condition for a conditional resource, the condition a request must meet (null otherwise)
 * @param assumption where a fact of the entry is not from a source: what was assumed (null when none)
 */
public record SharedResource(String code, Registry registry, String provider, Label name, Label description,
		List<String> elements, UpdateFrequency frequency, SharingClass sharing, Label condition, String assumption) {

	public SharedResource {
		elements = List.copyOf(elements);
	}
}
