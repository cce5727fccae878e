package cn.onego.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.onego.catalog.ComposedMatter.Choice;
import cn.onego.catalog.ComposedMatter.Dependency;
import cn.onego.catalog.ComposedMatter.Effect;
import cn.onego.catalog.ComposedMatter.Line;
import cn.onego.catalog.ComposedMatter.Question;
import cn.onego.catalog.ComposedMatter.Words;

/**
 * Writes a composed matter as a matter file in the style of the shipped ones: keys in the order of
 * docs/CATALOGUE.md, one line per item and per dependency, codes plain and every text double-quoted (so that
 * no typed text — a colon, a quote, "NO" — can change the file's structure). Values are written as they are,
 * right or wrong: the catalogue's reader judges them, so the composer has no rules of its own. Missing values
 * are left out, so the reader reports them as missing at their place.
 */
public final class MatterWriter {

	/** A code that YAML reads as the string it is: no boolean, null or number look-alikes. */
	private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]*");
	private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

	private final StringBuilder out = new StringBuilder();

	private MatterWriter() {
	}

	/** The text of the matter file. */
	public static String write(ComposedMatter matter) {
		return new MatterWriter().matter(matter).out.toString();
	}

	private MatterWriter matter(ComposedMatter m) {
		key("", "code", code(m.code()));
		key("", "name", words(m.name()));
		if (!m.aliases().isEmpty()) {
			key("", "aliases", texts(m.aliases()));
		}
		key("", "theme", code(m.theme()));
		key("", "applicantType", code(m.applicantType()));
		key("", "leadDepartmentType", code(m.leadDepartmentType()));
		if (m.national() != null) {
			ComposedMatter.National national = m.national();
			key("", "national", flow(pair("batch", text(national.batch())),
					pair("year", national.year() == null ? null : national.year().toString()),
					pair("leadDepartmentType", code(national.leadDepartmentType())),
					pair("cooperatingDepartmentTypes", national.cooperatingDepartmentTypes() == null ? null
							: "[" + String.join(", ", national.cooperatingDepartmentTypes().stream().map(MatterWriter::code).toList()) + "]"),
					pair("stage", code(national.stage()))));
		}
		if (!m.offeredIn().isEmpty()) {
			key("", "offeredIn", texts(m.offeredIn()));
		}
		key("", "basedOn", code(m.basedOn()));
		key("", "description", words(m.description()));
		if (!m.items().isEmpty()) {
			out.append("items:\n");
			for (Line line : m.items()) {
				out.append("  - ").append(line == null ? "{}" : flow(pair("item", code(line.item())),
						pair("mandatory", bool(line.mandatory())), pair("included", bool(line.included()))))
					.append('\n');
			}
		}
		if (m.dependencies().isEmpty()) {
			out.append("dependencies: []\n");
		}
		else {
			out.append("dependencies:\n");
			for (Dependency d : m.dependencies()) {
				out.append("  - ").append(d == null ? "{}" : flow(pair("item", code(d.item())), pair("needs", codes(d.needs()))))
					.append('\n');
			}
		}
		if (!m.situations().isEmpty()) {
			out.append("situations:\n");
			for (Question q : m.situations()) {
				question(q);
			}
		}
		key("", "assumption", text(m.assumption()));
		return this;
	}

	private void question(Question q) {
		if (q == null) {
			out.append("  - {}\n");
			return;
		}
		String first = "  - ";
		String rest = "    ";
		boolean started = false;
		for (String[] entry : List.of(new String[] { "code", code(q.code()) }, new String[] { "question", words(q.question()) },
				new String[] { "type", code(q.type()) }, new String[] { "askedWhen", q.askedWhen() == null ? null
						: flow(pair("situation", code(q.askedWhen().situation())), pair("anyOf", texts(q.askedWhen().anyOf()))) })) {
			if (entry[1] != null) {
				out.append(started ? rest : first).append(entry[0]).append(": ").append(entry[1]).append('\n');
				started = true;
			}
		}
		if (!q.options().isEmpty()) {
			out.append(started ? rest : first).append("options:\n");
			started = true;
			for (Choice c : q.options()) {
				option(c);
			}
		}
		if (!started) {
			out.append("  - {}\n");
		}
	}

	private void option(Choice c) {
		if (c == null) {
			out.append("      - {}\n");
			return;
		}
		boolean started = false;
		for (String[] entry : List.of(new String[] { "value", text(c.value()) }, new String[] { "label", words(c.label()) },
				new String[] { "include", effect(c.include()) }, new String[] { "exclude", effect(c.exclude()) })) {
			if (entry[1] != null) {
				out.append(started ? "        " : "      - ").append(entry[0]).append(": ").append(entry[1]).append('\n');
				started = true;
			}
		}
		if (!started) {
			out.append("      - {}\n");
		}
	}

	private void key(String indent, String key, String value) {
		if (value != null) {
			out.append(indent).append(key).append(": ").append(value).append('\n');
		}
	}

	private static String effect(Effect effect) {
		if (effect == null || (effect.items().isEmpty() && effect.materials().isEmpty())) {
			return null;
		}
		return flow(effect.items().isEmpty() ? null : pair("items", codes(effect.items())),
				effect.materials().isEmpty() ? null : pair("materials", codes(effect.materials())));
	}

	private static String words(Words words) {
		if (words == null) {
			return null;
		}
		return flow(pair("zh", text(words.zh())), pair("en", text(words.en())));
	}

	private static String pair(String key, String value) {
		return value == null ? null : key + ": " + value;
	}

	private static String flow(String... pairs) {
		StringBuilder flow = new StringBuilder("{");
		for (String pair : pairs) {
			if (pair != null) {
				flow.append(flow.length() > 1 ? ", " : "").append(pair);
			}
		}
		return flow.append('}').toString();
	}

	private static String bool(Boolean value) {
		return value == null ? null : value.toString();
	}

	private static String codes(List<String> codes) {
		return "[" + String.join(", ", codes.stream().map(c -> c == null ? "null" : code(c)).toList()) + "]";
	}

	private static String texts(List<String> texts) {
		return "[" + String.join(", ", texts.stream().map(t -> t == null ? "null" : text(t)).toList()) + "]";
	}

	/** A code plain where YAML reads it back as the same string, otherwise quoted. */
	private static String code(String code) {
		if (code == null) {
			return null;
		}
		return PLAIN.matcher(code).matches() && !YAML_WORDS.contains(code.toLowerCase(Locale.ROOT)) ? code : text(code);
	}

	/** A double-quoted YAML scalar: backslash escapes for quotes, backslashes and every control character. */
	private static String text(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder quoted = new StringBuilder("\"");
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}
}
