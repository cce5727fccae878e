package cn.onego.catalog;

import static cn.onego.catalog.ItemColumns.FIELDS;
import static cn.onego.catalog.ItemColumns.FIELD_COLUMNS;
import static cn.onego.catalog.ItemColumns.ITEM_COLUMNS;
import static cn.onego.catalog.ItemColumns.MATERIALS;
import static cn.onego.catalog.ItemColumns.MATERIAL_COLUMNS;
import static cn.onego.catalog.ItemColumns.RULES;
import static cn.onego.catalog.ItemColumns.RULE_COLUMNS;

import java.util.Map;
import java.util.Optional;

import cn.onego.catalog.ItemColumns.Column;
import cn.onego.catalog.ItemColumns.Columns;
import cn.onego.catalog.ItemSheetReader.Origin;

/**
 * Points the catalogue's own errors, found in the item files a workbook was turned into, back at the workbook's
 * cells, so that whoever fills in a workbook never has to read YAML locations.
 */
final class CellLocations {

	private CellLocations() {
	}

	/**
	 * The cell a catalogue error points at, when it is in a file the workbook wrote: the row of the item, material,
	 * field or condition, and the column of the key ({@code [2].materials[0].copies} → 事项材料 Item materials!I5).
	 */
	static Optional<CellError> cellOf(CatalogueError error, Map<String, Map<String, Origin>> origins,
			Map<String, ItemWriter.Layout> layouts) {
		Map<String, Origin> origin = origins.get(error.file());
		if (origin == null) {
			return Optional.empty();
		}
		String location = error.location();
		if (location.isEmpty() && layouts.containsKey(error.file())) {
			location = layouts.get(error.file()).entries().stream()
				.filter(e -> e.line() <= error.line())
				.reduce((a, b) -> b)
				.map(ItemWriter.Layout.Entry::location)
				.orElse("");
		}
		String prefix = location;
		while (!prefix.isEmpty() && !origin.containsKey(prefix)) {
			int cut = Math.max(prefix.lastIndexOf('.'), prefix.lastIndexOf('['));
			prefix = cut <= 0 ? "" : prefix.substring(0, cut);
		}
		Origin at = origin.get(prefix);
		if (at == null) {
			return Optional.empty();
		}
		String key = location.substring(prefix.length()).replaceAll("\\[\\d+]", "").replaceFirst("^\\.", "");
		Columns columns = switch (at.sheet()) {
			case MATERIALS -> MATERIAL_COLUMNS;
			case FIELDS -> FIELD_COLUMNS;
			case RULES -> RULE_COLUMNS;
			default -> ITEM_COLUMNS;
		};
		return Optional.of(new CellError(at.sheet(), at.row(), column(columns, key), error.message()));
	}

	private static final Map<String, String> KEY_ALIASES = Map.of("name", "name.zh", "crossRegion", "crossRegion.scope",
			"fee", "fee.amount", "result", "result.kind", "result.name", "result.name.zh", "value", "values",
			"validation", "validation.pattern");

	private static Column column(Columns columns, String key) {
		for (String k = key; !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
			Optional<Column> found = columns.byKey(k);
			if (found.isPresent()) {
				return found.get();
			}
			String alias = KEY_ALIASES.get(k);
			if (alias != null && columns.byKey(alias).isPresent()) {
				return columns.byKey(alias).get();
			}
		}
		return null;
	}
}
