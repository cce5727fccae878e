package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.onego.catalog.AutoApproval.Condition;
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Writes a file of items in the catalogue's canonical form, the form the shipped items/*.yaml files are in: the
 * header comment, a blank line, then one block per item with its keys in a fixed order, names as flow maps, one
 * flow map per material and field line, defaults written out, a blank line between items. Reading what it writes
 * gives the same items, and writing a file read from the canonical form gives the same text: that is what lets a
 * workbook exported from a catalogue import back to the same catalogue version.
 * <p>
 * Where each written item, material, field and 秒批 condition begins is recorded in a {@link Layout}, so that an
 * error the catalogue reader finds in the written text can be pointed back at the workbook cell it came from.
 */
final class ItemWriter {

	private static final Pattern NUMBER_LIKE = Pattern
		.compile("[-+]?([0-9.][0-9a-fA-FxXoObB_.:eE+-]*|\\.(inf|Inf|INF|nan|NaN|NAN))");
	private static final Set<String> RESERVED = Set.of("null", "~", "true", "false", "yes", "no", "on", "off", "y", "n",
			"=", "<<");

	private final StringBuilder out = new StringBuilder();
	private int line = 1;
	private final List<Layout.Entry> entries = new ArrayList<>();

	private ItemWriter() {
	}

	/** Where a part of the written text begins: {@code location} as the reader names it, e.g. {@code [2].materials[0]}. */
	record Layout(List<Entry> entries) {

		record Entry(String location, int line) {
		}
	}

	/** What was written: the text and where each part of it is. */
	record Written(String text, Layout layout) {
	}

	static String write(ItemFile file) {
		return writeWithLayout(file).text();
	}

	static Written writeWithLayout(ItemFile file) {
		ItemWriter writer = new ItemWriter();
		writer.file(file);
		return new Written(writer.out.toString(), new Layout(List.copyOf(writer.entries)));
	}

	private void file(ItemFile file) {
		for (String comment : file.header()) {
			emit(comment.isEmpty() ? "#" : "# " + comment);
		}
		for (int i = 0; i < file.items().size(); i++) {
			if (i > 0 || !file.header().isEmpty()) {
				emit("");
			}
			item("[" + i + "]", file.items().get(i), file.notes().getOrDefault(file.items().get(i).code(), List.of()));
		}
	}

	private void item(String at, Item item, List<String> note) {
		mark(at);
		emit("- code: " + plain(item.code(), false));
		optional("basicCode", item.basicCode());
		optional("implementationCode", item.implementationCode());
		emit("  name: " + label(item.name()));
		emit("  type: " + item.type().name());
		emit("  departmentType: " + plain(item.departmentType(), false));
		emit("  applicantTypes: " + enums(inOrder(item.applicantTypes())));
		emit("  legalBasis: " + plain(item.legalBasis(), false));
		emit("  legalLimit: " + item.legalLimit());
		emit("  promisedLimit: " + item.promisedLimit());
		emit("  instant: " + item.instant());
		emit("  steps: " + enums(item.steps()));
		emit("  levels: " + enums(inOrder(item.levels())));
		emit("  delegatedToParks: " + item.delegatedToParks());
		Item.CrossRegion cross = item.crossRegion();
		emit("  crossRegion: {scope: " + cross.scope().name() + (cross.partners().isEmpty() ? ""
				: ", partners: [" + cross.partners().stream().map(RegionCode::value).map(ItemWriter::quoted)
					.collect(Collectors.joining(", ")) + "]") + "}");
		emit("  fee: {amount: " + amount(item.fee().amount())
				+ (item.fee().basis() == null ? "" : ", basis: " + plain(item.fee().basis(), true)) + "}");
		Item.Result result = item.result();
		emit("  result: {kind: " + result.kind().name()
				+ (result.licenceType() == null ? "" : ", licenceType: " + plain(result.licenceType(), true))
				+ ", name: " + label(result.name()) + "}");
		optional("assumption", item.assumption());
		if (item.autoApproval() != null) {
			note.forEach(comment -> emit(comment.isEmpty() ? "  #" : "  # " + comment));
			mark(at + ".autoApproval");
			emit("  autoApproval:");
			emit("    when:");
			List<Condition> when = item.autoApproval().when();
			for (int c = 0; c < when.size(); c++) {
				mark(at + ".autoApproval.when[" + c + "]");
				emit("      - " + condition(when.get(c)));
			}
		}
		mark(at + ".materials");
		emit(item.materials().isEmpty() ? "  materials: []" : "  materials:");
		for (int m = 0; m < item.materials().size(); m++) {
			mark(at + ".materials[" + m + "]");
			emit("    - " + material(item.materials().get(m)));
		}
		mark(at + ".fields");
		emit(item.fields().isEmpty() ? "  fields: []" : "  fields:");
		for (int f = 0; f < item.fields().size(); f++) {
			mark(at + ".fields[" + f + "]");
			emit("    - " + field(item.fields().get(f)));
		}
	}

	private static String material(ItemMaterial m) {
		return "{material: " + plain(m.material(), true) + ", required: " + m.required() + ", gapAllowed: "
				+ m.gapAllowed() + ", commitmentAllowed: " + m.commitmentAllowed() + ", exemptByLaw: "
				+ (m.exemptByLaw() == null ? "null" : plain(m.exemptByLaw(), true)) + ", originals: " + m.originals()
				+ ", copies: " + m.copies() + "}";
	}

	private static String field(ItemField f) {
		StringBuilder s = new StringBuilder("{element: " + plain(f.element(), true) + ", required: " + f.required());
		Validation v = f.validation();
		if (v != null && !v.equals(Validation.NONE)) {
			List<String> limits = new ArrayList<>();
			if (v.minLength() != null) {
				limits.add("minLength: " + v.minLength());
			}
			if (v.maxLength() != null) {
				limits.add("maxLength: " + v.maxLength());
			}
			if (v.min() != null) {
				limits.add("min: " + amount(v.min()));
			}
			if (v.max() != null) {
				limits.add("max: " + amount(v.max()));
			}
			if (v.pattern() != null) {
				limits.add("pattern: " + quoted(v.pattern()));
			}
			s.append(", validation: {").append(String.join(", ", limits)).append('}');
		}
		return s.append('}').toString();
	}

	/** One condition: {@code value} for a single value (except for IN, which lists), {@code values} otherwise. */
	private static String condition(Condition c) {
		String values = c.values().isEmpty() ? ""
				: c.values().size() == 1 && c.op() != AutoApproval.Operator.IN ? ", value: " + plain(c.values().get(0), true)
						: ", values: [" + c.values().stream().map(v -> plain(v, true)).collect(Collectors.joining(", ")) + "]";
		return "{fact: " + plain(c.fact(), true) + ", op: " + c.op().name() + values + "}";
	}

	private void optional(String key, String value) {
		if (value != null) {
			emit("  " + key + ": " + plain(value, false));
		}
	}

	private void mark(String location) {
		entries.add(new Layout.Entry(location, line));
	}

	private void emit(String text) {
		out.append(text).append('\n');
		line++;
	}

	/** A name: Chinese plain where it can be, English always quoted, as the shipped files have it. */
	private static String label(Label label) {
		return "{zh: " + plain(label.zh(), true) + (label.en() == null ? "" : ", en: " + quoted(label.en())) + "}";
	}

	private static String enums(Collection<? extends Enum<?>> values) {
		return "[" + values.stream().map(Enum::name).collect(Collectors.joining(", ")) + "]";
	}

	/** A set in the order of its enumeration, as the reader gives it back: a set has no order of its own. */
	private static <E extends Enum<E>> List<E> inOrder(Set<E> values) {
		return values.stream().sorted(java.util.Comparator.comparingInt(Enum::ordinal)).toList();
	}

	private static String amount(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

	/**
	 * The value as a plain scalar when YAML reads it back as the same string, double-quoted otherwise: whatever could
	 * read as a number, a date, a boolean or null (YAML 1.1, as SnakeYAML resolves it) is quoted.
	 */
	static String plain(String value, boolean inFlow) {
		return isPlainSafe(value, inFlow) ? value : quoted(value);
	}

	private static boolean isPlainSafe(String value, boolean inFlow) {
		if (value.isEmpty() || !value.strip().equals(value) || RESERVED.contains(value.toLowerCase(Locale.ROOT))
				|| NUMBER_LIKE.matcher(value).matches() || "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0
				|| value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < ' ' || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
					|| (inFlow && ",[]{}".indexOf(c) >= 0)) {
				return false;
			}
		}
		return true;
	}

	static String quoted(String value) {
		StringBuilder s = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> s.append("\\\"");
				case '\\' -> s.append("\\\\");
				case '\n' -> s.append("\\n");
				case '\t' -> s.append("\\t");
				case '\r' -> s.append("\\r");
				default -> {
					if (c < ' ' || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
						s.append(String.format("\\u%04x", (int) c));
					}
					else {
						s.append(c);
					}
				}
			}
		}
		return s.append('"').toString();
	}
}
