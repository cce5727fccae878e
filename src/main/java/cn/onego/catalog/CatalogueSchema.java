package cn.onego.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
	static final Map<String, Schema> SCHEMAS = load("department-types", "departments", "data-elements",
			"materials", "items", "matters", "national-key-matters");

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
			return new CatalogueError(file, line, at, SchemaMessages.message(error));
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
}
