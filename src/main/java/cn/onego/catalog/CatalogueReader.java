package cn.onego.catalog;

import java.util.List;

/**
 * Reads a catalogue's files into a {@link Catalogue}, or lists every error it finds. First every YAML file is
 * checked against its JSON Schema ({@link CatalogueSchema}: malformed files, missing or unknown keys, wrong
 * types, values outside their enumerations, malformed codes); then the section readers make the checks a
 * schema cannot: duplicate codes, unknown references, negative or inverted limits, invalid region codes or
 * check digits, situation rules naming items outside their matter, and dependency cycles. The format is
 * docs/CATALOGUE.md.
 * <p>
 * Each section has its own reader; they run in the order of the references between sections (regions,
 * departments, data elements and materials, items, matters, the national key matters), so a section can look up every code it
 * names in the {@link CatalogueDraft} the earlier ones filled.
 */
final class CatalogueReader {

	static final String REGIONS = "regions.csv";
	static final String DEPARTMENT_TYPES = "department-types.yaml";
	static final String DEPARTMENTS = "departments.yaml";
	static final String ELEMENTS = "data-elements.yaml";
	static final String MATERIALS = "materials.yaml";
	/** Optional: the national key matters, batch by batch, linked to the matters implementing them. */
	static final String NATIONAL_KEY_MATTERS = "national-key-matters.yaml";
	private static final List<String> REQUIRED = List.of(REGIONS, DEPARTMENT_TYPES, DEPARTMENTS);
	private static final List<String> FOLDERS = List.of("data-elements/", "materials/", "items/", "matters/");

	/** What reading gave: a catalogue, or the complete list of errors. */
	sealed interface Outcome {
	}

	record Read(Catalogue catalogue) implements Outcome {
	}

	record Rejected(List<CatalogueError> errors) implements Outcome {
	}

	private CatalogueReader() {
	}

	static Outcome read(CatalogueFiles files) {
		CatalogueDocuments documents = new CatalogueDocuments(files);
		CatalogueDraft draft = new CatalogueDraft();
		checkFileNames(documents);
		documents.checkSchemas();
		new RegionReader(draft).read(documents);
		DepartmentReader departments = new DepartmentReader(draft);
		documents.each(DEPARTMENT_TYPES, departments::readType);
		YamlCursor departmentsFile = documents.document(DEPARTMENTS);
		if (departmentsFile != null) {
			departments.readPlacements(departmentsFile);
		}
		DataElementReader elements = new DataElementReader(draft);
		documents.each(ELEMENTS, elements::read);
		documents.filesUnder("data-elements/").forEach(file -> documents.each(file, elements::read));
		MaterialReader materials = new MaterialReader(draft);
		documents.each(MATERIALS, materials::read);
		documents.filesUnder("materials/").forEach(file -> documents.each(file, materials::read));
		ItemReader items = new ItemReader(draft);
		documents.filesUnder("items/").forEach(file -> documents.each(file, items::read));
		MatterReader matters = new MatterReader(draft);
		for (String file : documents.filesUnder("matters/")) {
			YamlCursor matter = documents.document(file);
			if (matter != null) {
				matters.read(matter);
			}
		}
		matters.checkBasedOn();
		YamlCursor national = documents.document(NATIONAL_KEY_MATTERS);
		if (national != null) {
			draft.nationalKeyMatters = new NationalKeyMattersReader(draft).read(national);
		}
		if (!documents.errors().isEmpty()) {
			return new Rejected(List.copyOf(documents.errors()));
		}
		return new Read(draft.catalogue(files.checksum()));
	}

	private static void checkFileNames(CatalogueDocuments documents) {
		for (String required : REQUIRED) {
			if (!documents.contains(required)) {
				documents.fileError(required, "缺少必需的文件", "required file is missing");
			}
		}
		for (String path : documents.paths()) {
			boolean known = REQUIRED.contains(path) || path.equals(ELEMENTS) || path.equals(MATERIALS)
					|| path.equals(NATIONAL_KEY_MATTERS)
					|| FOLDERS.stream().anyMatch(folder -> CatalogueDocuments.isYamlUnder(path, folder));
			if (!known) {
				documents.fileError(path, "未知的目录文件（应为 docs/CATALOGUE.md 所列文件，或 data-elements/、materials/、items/、matters/ 下的 .yaml 文件）",
						"unknown catalogue file (expected the files of docs/CATALOGUE.md, or .yaml files under data-elements/, materials/, items/ and matters/)");
			}
		}
	}
}
