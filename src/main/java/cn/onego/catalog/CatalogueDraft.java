package cn.onego.catalog;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import cn.onego.shared.RegionCode;

/**
 * What the catalogue's files have defined so far, by code. Sections refer to earlier ones (a department
 * to its region, an item to its materials and data elements, a matter to its items), so each reader
 * looks the codes it meets up here, and the draft becomes the {@link Catalogue} once no file had an
 * error.
 */
final class CatalogueDraft {

	final Map<RegionCode, Region> regions = new LinkedHashMap<>();
	final Map<String, DepartmentType> departmentTypes = new LinkedHashMap<>();
	final Map<String, Department> departments = new LinkedHashMap<>();
	final Map<String, Park> parks = new LinkedHashMap<>();
	final Map<String, DataElement> elements = new LinkedHashMap<>();
	final Map<String, Material> materials = new LinkedHashMap<>();
	final Map<String, Item> items = new LinkedHashMap<>();
	final Map<String, Matter> matters = new LinkedHashMap<>();
	NationalKeyMatters nationalKeyMatters = NationalKeyMatters.NONE;

	/** Codes declared in a file even when their definition had errors: no second "unknown" error for them. */
	private final Set<String> declaredWithErrors = new HashSet<>();

	void declaredWithErrors(String code) {
		declaredWithErrors.add(code);
	}

	boolean wasDeclaredWithErrors(String code) {
		return declaredWithErrors.contains(code);
	}

	/** Adds a definition under its code, or records the duplicate at the definition's {@code code} key. */
	<T> void register(Map<String, T> registry, String code, T value, YamlCursor at, String whatZh, String whatEn) {
		if (code == null || value == null) {
			return;
		}
		if (registry.containsKey(code)) {
			at.get("code").error(whatZh + "编码重复：" + code, "duplicate " + whatEn + " code: " + code);
			return;
		}
		registry.put(code, value);
	}

	/** A region code that must exist in regions.csv. */
	RegionCode regionRef(YamlCursor at) {
		String value = at.text();
		if (value == null) {
			return null;
		}
		if (!RegionCode.isWellFormed(value)) {
			at.error("行政区划代码格式无效：" + value + "（应为6、9或12位数字）",
					"malformed region code: " + value + " (6, 9 or 12 digits expected)");
			return null;
		}
		RegionCode code = RegionCode.of(value);
		if (!regions.containsKey(code)) {
			at.error("行政区划代码不存在：" + value, "unknown region code: " + value);
			return null;
		}
		return code;
	}

	/** A department type that must exist in department-types.yaml. */
	String departmentTypeRef(YamlCursor at) {
		String code = at.text();
		if (code != null && !departmentTypes.containsKey(code)) {
			at.error("部门类型不存在：" + code, "unknown department type: " + code);
			return null;
		}
		return code;
	}

	Catalogue catalogue(String checksum) {
		return new Catalogue(0, Instant.EPOCH, checksum, regions.values(), departmentTypes.values(),
				departments.values(), parks.values(), elements.values(), materials.values(), items.values(),
				matters.values(), nationalKeyMatters);
	}
}
