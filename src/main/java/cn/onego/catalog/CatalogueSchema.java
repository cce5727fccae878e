package cn.onego.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.i18n.DefaultMessageSource;
import com.networknt.schema.path.NodePath;

import cn.onego.platform.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structure of the catalogue's YAML files — which keys each definition has, which are required, the
 * types of their values and the closed lists they take — written as JSON Schema (draft 2020-12) under
 * {@code catalog/schema/}, where editors read it too. This checks a file against its schema before the
 * section readers look at it, and turns every violation into a {@link CatalogueError} with the line and the
 * location the readers use ({@code [3].materials[1].material}); what the schema cannot say (references,
 * cycles, limits, duplicate codes) stays with the readers.
 */
final class CatalogueSchema {

	/** The schema of each kind of file, by the name of its schema file. */
	private static final Map<String, Schema> SCHEMAS = load("department-types", "departments", "data-elements",
			"materials", "items", "matters", "national-key-matters");

	private static final String CODE_PATTERN = "^[A-Za-z0-9_\\-]{1,40}$";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private CatalogueSchema() {
	}

	/** The schema a catalogue file follows, by its path; null for files that have none (regions.csv). */
	static String schemaOf(String path) {
		if (path.equals(CatalogueReader.DEPARTMENT_TYPES)) {
			return "department-types";
		}
		if (path.equals(CatalogueReader.DEPARTMENTS)) {
			return "departments";
		}
		if (path.equals(CatalogueReader.ELEMENTS) || CatalogueDocuments.isYamlUnder(path, "data-elements/")) {
			return "data-elements";
		}
		if (path.equals(CatalogueReader.MATERIALS) || CatalogueDocuments.isYamlUnder(path, "materials/")) {
			return "materials";
		}
		if (CatalogueDocuments.isYamlUnder(path, "items/")) {
			return "items";
		}
		if (CatalogueDocuments.isYamlUnder(path, "matters/")) {
			return "matters";
		}
		if (path.equals(CatalogueReader.NATIONAL_KEY_MATTERS)) {
			return "national-key-matters";
		}
		return null;
	}

	/** Checks a composed YAML document against the schema of its file and adds every violation to {@code errors}. */
	static void check(String file, Node document, List<CatalogueError> errors) {
		String name = schemaOf(file);
		if (name == null) {
			return;
		}
		Tree tree = new Tree(file, errors);
		JsonNode instance = tree.convert(document, "");
		for (Error error : SCHEMAS.get(name).validate(instance)) {
			errors.add(tree.located(error));
		}
	}

	private static Map<String, Schema> load(String... names) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		Map<String, Schema> schemas = new LinkedHashMap<>();
		for (String name : names) {
			String resource = "catalog/schema/" + name + ".schema.json";
			try (InputStream in = CatalogueSchema.class.getClassLoader().getResourceAsStream(resource)) {
				if (in == null) {
					throw new IllegalStateException("the catalogue schema " + resource + " is not on the class path");
				}
				schemas.put(name, registry.getSchema(in));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return Map.copyOf(schemas);
	}

	/**
	 * A YAML document as the JSON tree the validator reads, remembering the line of every location. Scalars take
	 * the type YAML gives them (so {@code offeredIn: [430000]} is a number where a quoted code is expected); a
	 * key whose value is null counts as absent, as it always has for the readers; duplicate keys, which a
	 * JSON tree cannot hold, are reported here.
	 */
	private static final class Tree {

		private final String file;
		private final List<CatalogueError> errors;
		private final Map<String, Integer> lines = new HashMap<>();

		Tree(String file, List<CatalogueError> errors) {
			this.file = file;
			this.errors = errors;
		}

		JsonNode convert(Node node, String path) {
			lines.putIfAbsent(path, node.getStartMark().getLine() + 1);
			if (node instanceof MappingNode mapping) {
				ObjectNode object = NODES.objectNode();
				Set<String> seen = new HashSet<>();
				for (NodeTuple tuple : mapping.getValue()) {
					String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : null;
					int line = tuple.getKeyNode().getStartMark().getLine() + 1;
					if (key == null) {
						errors.add(new CatalogueError(file, line, path, Message.of("键应为单个取值", "a key must be a single value")));
						continue;
					}
					String child = path.isEmpty() ? key : path + "." + key;
					if (!seen.add(key)) {
						errors.add(new CatalogueError(file, line, child, Message.of("键“" + key + "”重复", "duplicate key '" + key + "'")));
						continue;
					}
					lines.put(child, line);
					if (!isNull(tuple.getValueNode())) {
						object.set(key, convert(tuple.getValueNode(), child));
					}
				}
				return object;
			}
			if (node instanceof SequenceNode sequence) {
				ArrayNode array = NODES.arrayNode();
				List<Node> values = sequence.getValue();
				for (int i = 0; i < values.size(); i++) {
					array.add(convert(values.get(i), path + "[" + i + "]"));
				}
				return array;
			}
			return scalar((ScalarNode) node);
		}

		private static boolean isNull(Node node) {
			return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
		}

		/** A scalar as YAML 1.1 resolved it: a plain {@code 12} is a number, {@code true} a boolean, quoted text text. */
		private static JsonNode scalar(ScalarNode scalar) {
			String value = scalar.getValue();
			Tag tag = scalar.getTag();
			try {
				if (Tag.NULL.equals(tag)) {
					return NODES.nullNode();
				}
				if (Tag.BOOL.equals(tag)) {
					return NODES.booleanNode(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("yes")
							|| value.equalsIgnoreCase("on") || value.equalsIgnoreCase("y"));
				}
				if (Tag.INT.equals(tag)) {
					return NODES.numberNode(new BigInteger(value.replace("_", "")));
				}
				if (Tag.FLOAT.equals(tag)) {
					return NODES.numberNode(new BigDecimal(value.replace("_", "")));
				}
			}
			catch (NumberFormatException e) {
				// octal, hexadecimal, sexagesimal or infinite numbers are no catalogue value: leave them as text
			}
			return NODES.stringNode(value);
		}

		CatalogueError located(Error error) {
			String at = location(error.getInstanceLocation());
			String property = error.getProperty();
			String keyword = error.getKeyword();
			if (property != null && ("required".equals(keyword) || "additionalProperties".equals(keyword))) {
				at = at.isEmpty() ? property : at + "." + property;
			}
			Integer line = lines.get(at);
			if (line == null) {
				line = lines.getOrDefault(location(error.getInstanceLocation()), 1);
			}
			return new CatalogueError(file, line, at, message(error));
		}

		private static String location(NodePath path) {
			StringBuilder location = new StringBuilder();
			for (int i = 0; i < path.getNameCount(); i++) {
				Object element = path.getElement(i);
				if (element instanceof Integer index) {
					location.append('[').append(index).append(']');
				}
				else {
					if (!location.isEmpty()) {
						location.append('.');
					}
					location.append(element);
				}
			}
			return location.toString();
		}
	}

	/** The violation in both languages, in the words the catalogue's editors know. */
	private static Message message(Error error) {
		JsonNode value = error.getInstanceNode();
		JsonNode schema = error.getSchemaNode();
		String shown = value == null ? "" : value.isString() ? value.asString() : value.toString();
		return switch (error.getKeyword()) {
			case "required" -> Message.of("缺少必填项", "required value is missing");
			case "additionalProperties" -> {
				String key = error.getProperty();
				String allowed = allowedKeys(error);
				yield allowed == null ? Message.of("未知的键“" + key + "”", "unknown key '" + key + "'")
						: Message.of("未知的键“" + key + "”，可用的键：" + allowed, "unknown key '" + key + "'; allowed: " + allowed);
			}
			case "type" -> {
				boolean scalar = value != null && !value.isContainer();
				// YAML reads an unquoted 430000 or YES as a number or a boolean: the usual slip in a code or an option
				boolean unquoted = scalar && !value.isString() && types(schema, false).contains("text");
				yield Message.of("应为" + types(schema, true) + "，实为" + kind(value, true) + (scalar ? "：" + shown : "") + (unquoted ? "（数字样的编码须加引号）" : ""),
						"expected " + types(schema, false) + ", found " + kind(value, false) + (scalar ? ": " + shown : "")
								+ (unquoted ? " (quote codes that look like numbers)" : ""));
			}
			case "enum" -> {
				String allowed = enumValues(schema);
				yield Message.of("取值“" + shown + "”无效，可用：" + allowed, "invalid value '" + shown + "'; allowed: " + allowed);
			}
			case "pattern" -> CODE_PATTERN.equals(schema == null ? null : schema.asString())
					? Message.of("编码“" + shown + "”只能由字母、数字、下划线和连字符组成（至多40位）",
							"code '" + shown + "' may contain only letters, digits, '_' and '-' (at most 40)")
					: Message.of("取值“" + shown + "”不符合格式 " + schema.asString(), "'" + shown + "' does not match " + schema.asString());
			case "minItems" -> Message.of("至少须有 " + schema.asString() + " 项", "at least " + schema.asString() + " entries are required");
			case "uniqueItems" -> Message.of("列表中有重复的取值", "the list repeats a value");
			case "minimum" -> Message.of("不能小于 " + schema.asString() + "：" + shown, "cannot be less than " + schema.asString() + ": " + shown);
			case "minLength" -> Message.of("不能为空", "cannot be empty");
			default -> Message.of(library(error, Locale.SIMPLIFIED_CHINESE), library(error, Locale.ENGLISH));
		};
	}

	/** The keys the object's schema lists, for an unknown key: the parent of {@code additionalProperties}. */
	private static String allowedKeys(Error error) {
		NodePath fragment = error.getSchemaLocation().getFragment();
		return null == fragment ? null : keysAt(fragment.getParent(), error);
	}

	private static String keysAt(NodePath objectSchema, Error error) {
		String name = error.getSchemaLocation().getAbsoluteIri() == null ? null : error.getSchemaLocation().getAbsoluteIri().toString();
		if (name == null) {
			return null;
		}
		for (Schema schema : SCHEMAS.values()) {
			if (schema.getSchemaLocation().getAbsoluteIri() != null
					&& name.equals(schema.getSchemaLocation().getAbsoluteIri().toString())) {
				JsonNode node = schema.getSchemaNode();
				for (int i = 0; i < objectSchema.getNameCount() && node != null; i++) {
					Object element = objectSchema.getElement(i);
					node = element instanceof Integer index ? node.get(index) : node.get(element.toString());
				}
				if (node == null || !node.has("properties")) {
					return null;
				}
				StringJoiner keys = new StringJoiner(", ");
				node.get("properties").propertyNames().forEach(keys::add);
				return keys.toString();
			}
		}
		return null;
	}

	private static String enumValues(JsonNode schema) {
		StringJoiner values = new StringJoiner(", ");
		if (schema != null) {
			schema.forEach(v -> {
				if (!v.isNull()) {
					values.add(v.asString());
				}
			});
		}
		return values.toString();
	}

	private static String types(JsonNode schema, boolean chinese) {
		List<String> names = new ArrayList<>();
		if (schema != null && schema.isArray()) {
			schema.forEach(t -> names.add(t.asString()));
		}
		else if (schema != null) {
			names.add(schema.asString());
		}
		names.remove("null");
		StringJoiner joined = new StringJoiner(chinese ? "或" : " or ");
		names.forEach(n -> joined.add(typeName(n, chinese)));
		return joined.toString();
	}

	private static String kind(JsonNode value, boolean chinese) {
		if (value == null || value.isNull()) {
			return chinese ? "空值" : "nothing";
		}
		String type = value.isObject() ? "object" : value.isArray() ? "array" : value.isBoolean() ? "boolean"
				: value.isIntegralNumber() ? "integer" : value.isNumber() ? "number" : "string";
		return typeName(type, chinese);
	}

	private static String typeName(String type, boolean chinese) {
		return switch (type) {
			case "object" -> chinese ? "键值对象" : "a mapping";
			case "array" -> chinese ? "列表" : "a list";
			case "string" -> chinese ? "文本" : "text";
			case "integer" -> chinese ? "整数" : "a whole number";
			case "number" -> chinese ? "数值" : "a number";
			case "boolean" -> chinese ? "true 或 false" : "true or false";
			default -> type;
		};
	}

	/** The validator's own sentence, for a keyword the catalogue's schemas do not use today. */
	private static String library(Error error, Locale locale) {
		return DefaultMessageSource.getInstance().getMessage(error.getMessageKey(), locale, error.getArguments());
	}
}
