package cn.onego.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onego.shared.RegionCode;

/**
 * One validated, immutable version of the whole catalogue. Replaced as a whole on import, never
 * changed in place, so readers always see one consistent version.
 */
public final class Catalogue {

	private final long version;
	private final Instant loadedAt;
	private final String checksum;
	private final Map<RegionCode, Region> regions;
	private final Map<RegionCode, List<Region>> children;
	private final Map<String, DepartmentType> departmentTypes;
	private final Map<String, Department> departments;
	private final Map<String, Park> parks;
	private final Map<String, DataElement> elements;
	private final Map<String, Material> materials;
	private final Map<String, Item> items;
	private final Map<String, Matter> matters;
	private final NationalKeyMatters nationalKeyMatters;

	Catalogue(long version, Instant loadedAt, String checksum, Collection<Region> regions,
			Collection<DepartmentType> departmentTypes, Collection<Department> departments, Collection<Park> parks,
			Collection<DataElement> elements, Collection<Material> materials, Collection<Item> items,
			Collection<Matter> matters, NationalKeyMatters nationalKeyMatters) {
		this.version = version;
		this.loadedAt = loadedAt;
		this.checksum = checksum;
		this.regions = index(regions, Region::code);
		Map<RegionCode, List<Region>> kids = new LinkedHashMap<>();
		for (Region region : regions) {
			if (region.parent() != null) {
				kids.computeIfAbsent(region.parent(), k -> new ArrayList<>()).add(region);
			}
		}
		kids.replaceAll((k, v) -> List.copyOf(v));
		this.children = Collections.unmodifiableMap(kids);
		this.departmentTypes = index(departmentTypes, DepartmentType::code);
		this.departments = index(departments, Department::code);
		this.parks = index(parks, Park::code);
		this.elements = index(elements, DataElement::code);
		this.materials = index(materials, Material::code);
		this.items = index(items, Item::code);
		this.matters = index(matters, Matter::code);
		this.nationalKeyMatters = nationalKeyMatters;
	}

	private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
		return Collections.unmodifiableMap(
				values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> a, LinkedHashMap::new)));
	}

	/**
	 * Reads a catalogue from its files (path → text, as in docs/CATALOGUE.md) outside the running platform,
	 * e.g. to check files before importing them or to benchmark.
	 *
	 * @throws CatalogueRejected with every error when the files do not make a valid catalogue
	 */
	public static Catalogue fromFiles(java.util.Map<String, String> files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		if (outcome instanceof CatalogueReader.Rejected rejected) {
			throw new CatalogueRejected(rejected.errors());
		}
		return ((CatalogueReader.Read) outcome).catalogue();
	}

	Catalogue withVersion(long version, Instant loadedAt) {
		return new Catalogue(version, loadedAt, checksum, regions.values(), departmentTypes.values(),
				departments.values(), parks.values(), elements.values(), materials.values(), items.values(),
				matters.values(), nationalKeyMatters);
	}

	public long version() {
		return version;
	}

	public Instant loadedAt() {
		return loadedAt;
	}

	public String checksum() {
		return checksum;
	}

	public Optional<Region> region(RegionCode code) {
		return Optional.ofNullable(regions.get(code));
	}

	public Collection<Region> regions() {
		return regions.values();
	}

	public List<Region> childrenOf(RegionCode code) {
		return children.getOrDefault(code, List.of());
	}

	/** The region and its ancestors, from the region itself up to its province. */
	public List<Region> lineage(RegionCode code) {
		List<Region> lineage = new ArrayList<>();
		Region current = regions.get(code);
		while (current != null) {
			lineage.add(current);
			current = current.parent() == null ? null : regions.get(current.parent());
		}
		return lineage;
	}

	/** Whether {@code region} is {@code ancestor} or lies below it. */
	public boolean isWithin(RegionCode region, RegionCode ancestor) {
		return lineage(region).stream().anyMatch(r -> r.code().equals(ancestor));
	}

	public Optional<DepartmentType> departmentType(String code) {
		return Optional.ofNullable(departmentTypes.get(code));
	}

	public Collection<DepartmentType> departmentTypes() {
		return departmentTypes.values();
	}

	public Optional<Department> department(String code) {
		return Optional.ofNullable(departments.get(code));
	}

	public Collection<Department> departments() {
		return departments.values();
	}

	public Optional<Park> park(String code) {
		return Optional.ofNullable(parks.get(code));
	}

	public Collection<Park> parks() {
		return parks.values();
	}

	public Optional<DataElement> element(String code) {
		return Optional.ofNullable(elements.get(code));
	}

	public Collection<DataElement> elements() {
		return elements.values();
	}

	public Optional<Material> material(String code) {
		return Optional.ofNullable(materials.get(code));
	}

	public Collection<Material> materials() {
		return materials.values();
	}

	public Optional<Item> item(String code) {
		return Optional.ofNullable(items.get(code));
	}

	public Collection<Item> items() {
		return items.values();
	}

	public Optional<Matter> matter(String code) {
		return Optional.ofNullable(matters.get(code));
	}

	public Collection<Matter> matters() {
		return matters.values();
	}

	/** The national key matters by batch, linked to the matters implementing them; empty without the list. */
	public NationalKeyMatters nationalKeyMatters() {
		return nationalKeyMatters;
	}

	/**
	 * The matters offered in a region: those offered in it or in any region above it, where a local
	 * variant ({@code basedOn}) offered there replaces the standard matter it is based on.
	 */
	public List<Matter> mattersOfferedIn(RegionCode region) {
		List<RegionCode> lineage = lineage(region).stream().map(Region::code).toList();
		List<Matter> offered = matters.values()
			.stream()
			.filter(m -> m.offeredIn().stream().anyMatch(lineage::contains))
			.toList();
		var replaced = offered.stream().map(Matter::basedOn).filter(b -> b != null).collect(Collectors.toSet());
		return offered.stream().filter(m -> !replaced.contains(m.code())).toList();
	}

	/**
	 * The department competent for an item for an applicant of a region: going up from the applicant's
	 * region, the first region at one of the item's handling levels that has a department of the item's
	 * type. Empty when the catalogue places no such department.
	 */
	public Optional<Department> competentDepartment(Item item, RegionCode applicantRegion) {
		for (Region region : lineage(applicantRegion)) {
			if (item.levels().contains(handlingLevelOf(region.level()))) {
				Optional<Department> department = departmentOf(item.departmentType(), region.code());
				if (department.isPresent()) {
					return department;
				}
			}
		}
		return Optional.empty();
	}

	/** The handling level (行使层级) at which a region's government acts. */
	public static Enums.HandlingLevel handlingLevelOf(Enums.RegionLevel level) {
		return switch (level) {
			case PROVINCE -> Enums.HandlingLevel.PROVINCE;
			case PREFECTURE -> Enums.HandlingLevel.CITY;
			case COUNTY -> Enums.HandlingLevel.COUNTY;
			case TOWN -> Enums.HandlingLevel.TOWN;
			case VILLAGE -> Enums.HandlingLevel.VILLAGE;
		};
	}

	/** The department of a type in a region, if the catalogue places one there. */
	public Optional<Department> departmentOf(String type, RegionCode region) {
		return department(region.value() + "-" + type);
	}
}
