package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * A position in a YAML document that knows its file, line and path, for the readers' semantic checks
 * (references, duplicates, limits), which record every problem they meet instead of stopping at the first —
 * so that a rejected catalogue lists all its errors. The structure (keys, types, closed lists) is the
 * schema's ({@link CatalogueSchema}), checked before: where it is broken, the readers here see a value as
 * absent, and say nothing more.
 */
final class YamlCursor {

	private final String file;
	private final String path;
	private final Node node;
	private final int line;
	private final List<CatalogueError> errors;

	YamlCursor(String file, String path, Node node, int fallbackLine, List<CatalogueError> errors) {
		this.file = file;
		this.path = path;
		this.node = node;
		this.line = node != null ? node.getStartMark().getLine() + 1 : fallbackLine;
		this.errors = errors;
	}

	static YamlCursor root(String file, Node node, List<CatalogueError> errors) {
		return new YamlCursor(file, "", node, 1, errors);
	}

	boolean present() {
		return node != null && !(node instanceof ScalarNode s && isNull(s));
	}

	String path() {
		return path;
	}

	String file() {
		return file;
	}

	void error(String zh, String en) {
		errors.add(new CatalogueError(file, line, path, Message.of(zh, en)));
	}

	YamlCursor get(String key) {
		String childPath = path.isEmpty() ? key : path + "." + key;
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
					return new YamlCursor(file, childPath, tuple.getValueNode(), line, errors);
				}
			}
		}
		return new YamlCursor(file, childPath, null, line, errors);
	}

	List<YamlCursor> list() {
		if (!present()) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			return List.of();
		}
		List<YamlCursor> elements = new ArrayList<>();
		List<Node> values = sequence.getValue();
		for (int i = 0; i < values.size(); i++) {
			elements.add(new YamlCursor(file, path + "[" + i + "]", values.get(i), line, errors));
		}
		return elements;
	}

	List<String> strings() {
		return list().stream().map(YamlCursor::text).filter(s -> s != null).toList();
	}

	String text() {
		if (!present()) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar)) {
			return null;
		}
		String value = scalar.getValue().trim();
		return value.isEmpty() ? null : value;
	}

	Integer integer() {
		String value = text();
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	int integer(int fallback) {
		Integer value = integer();
		return value == null ? fallback : value;
	}

	BigDecimal decimal() {
		String value = text();
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	boolean bool(boolean fallback) {
		String value = text();
		if (value == null) {
			return fallback;
		}
		return switch (value) {
			case "true" -> true;
			case "false" -> false;
			default -> fallback;
		};
	}

	<E extends Enum<E>> E enumValue(Class<E> type, E fallback) {
		String value = text();
		if (value == null) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException e) {
			return fallback;
		}
	}

	<E extends Enum<E>> List<E> enums(Class<E> type) {
		return list().stream().map(c -> c.enumValue(type, null)).filter(e -> e != null).toList();
	}

	/** A bilingual label {@code {zh: …, en: …}}; a plain string is taken as Chinese. */
	Label label() {
		if (!present()) {
			return null;
		}
		if (node instanceof ScalarNode) {
			return new Label(text(), null);
		}
		String zh = get("zh").text();
		return zh == null ? null : new Label(zh, get("en").text());
	}

	private static boolean isNull(ScalarNode scalar) {
		return Tag.NULL.equals(scalar.getTag());
	}
}
