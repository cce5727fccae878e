package cn.onego.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.i18n.DefaultMessageSource;
import com.networknt.schema.path.NodePath;

import cn.onego.platform.Message;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema validator's violations said again in the words the catalogue's editors know, in Chinese and
 * English: the validator's own sentences name JSON types and schema paths, which someone editing YAML cannot act
 * on. Kept apart from {@link CatalogueSchema}, which finds the violations and their lines.
 */
final class SchemaMessages {

	private static final String CODE_PATTERN = "^[A-Za-z0-9_\\-]{1,40}$";

	private SchemaMessages() {
	}

	/** The violation in both languages, in the words the catalogue's editors know. */
	static Message message(Error error) {
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
		for (Schema schema : CatalogueSchema.SCHEMAS.values()) {
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
