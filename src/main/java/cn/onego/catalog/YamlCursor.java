package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * A position in a YAML document that knows its file, line and path, and records every problem it
 * meets instead of stopping at the first — so that a rejected catalogue lists all its errors.
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

	/** Records an error for every key that is not one of {@code allowed}: catches typos in key names. */
	YamlCursor allowOnly(String... allowed) {
		if (node == null) {
			return this;
		}
		if (!(node instanceof MappingNode mapping)) {
			error("应为键值对象", "expected a mapping");
			return this;
		}
		Set<String> known = Set.of(allowed);
		Set<String> seen = new LinkedHashSet<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
			YamlCursor at = new YamlCursor(file, path.isEmpty() ? key : path + "." + key, tuple.getKeyNode(), line,
					errors);
			if (!known.contains(key)) {
				at.error("未知的键“" + key + "”，可用的键：" + String.join(", ", allowed),
						"unknown key '" + key + "'; allowed: " + String.join(", ", allowed));
			}
			else if (!seen.add(key)) {
				at.error("键“" + key + "”重复", "duplicate key '" + key + "'");
			}
		}
		return this;
	}

	boolean isMapping() {
		return node instanceof MappingNode;
	}

	List<YamlCursor> list() {
		if (!present()) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			error("应为列表", "expected a list");
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
			error("应为单个取值", "expected a single value");
			return null;
		}
		String value = scalar.getValue().trim();
		return value.isEmpty() ? null : value;
	}

	String requiredText() {
		String value = text();
		if (value == null && !(node != null && !(node instanceof ScalarNode))) {
			error("缺少必填项", "required value is missing");
		}
		return value;
	}

	/** A code: letters, digits, underscore and hyphen, at most 40 characters. */
	String requiredCode() {
		String value = requiredText();
		if (value != null && !value.matches("[A-Za-z0-9_\\-]{1,40}")) {
			error("编码“" + value + "”只能由字母、数字、下划线和连字符组成（至多40位）",
					"code '" + value + "' may contain only letters, digits, '_' and '-' (at most 40)");
		}
		return value;
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
			error("应为整数：" + value, "expected a whole number: " + value);
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
			error("应为数值：" + value, "expected a number: " + value);
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
			default -> {
				error("应为 true 或 false：" + value, "expected true or false: " + value);
				yield fallback;
			}
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
			String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
			error("取值“" + value + "”无效，可用：" + allowed, "invalid value '" + value + "'; allowed: " + allowed);
			return fallback;
		}
	}

	<E extends Enum<E>> E requiredEnum(Class<E> type) {
		if (!present()) {
			error("缺少必填项", "required value is missing");
			return null;
		}
		return enumValue(type, null);
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
		allowOnly("zh", "en");
		String zh = get("zh").requiredText();
		return zh == null ? null : new Label(zh, get("en").text());
	}

	Label requiredLabel() {
		if (!present()) {
			error("缺少必填项", "required value is missing");
			return null;
		}
		return label();
	}

	private static boolean isNull(ScalarNode scalar) {
		return Tag.NULL.equals(scalar.getTag());
	}
}
