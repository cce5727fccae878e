package cn.onego.sharing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.FieldValues;
import cn.onego.catalog.Validation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a registry's JSON answer per the contract of docs/REGISTRIES.md — {@code {"found": true, "data":
 * {element: value}}} or {@code {"found": false}} — and checks it as strictly as an applicant's input: each
 * value of a data element must pass that element's type and validation in the catalogue in force (check digits
 * included), each record key its type. Keys the registry's kind does not declare are dropped: a registry answers
 * what it is asked, nothing else lands in an application. Anything off makes the whole answer garbage, since a
 * registry that sends one invalid value cannot be trusted for the others.
 */
final class RegistryAnswers {

	/** Longer text than any form field takes; a value past it is not a registry's record. */
	private static final int MAX_TEXT = 2000;

	private final JsonMapper json;

	RegistryAnswers(JsonMapper json) {
		this.json = json;
	}

	/** A registry's answer that is not the contract's. Its message never holds a value of the answer. */
	static final class Garbage extends RuntimeException {

		Garbage(String why) {
			super(why, null, false, false);
		}
	}

	RegistryAnswer read(byte[] body, RegistryKind kind, Catalogue catalogue, LocalDate today) {
		JsonNode answer;
		try {
			answer = json.readTree(body);
		}
		catch (JacksonException e) {
			throw new Garbage("not JSON");
		}
		if (answer == null || !answer.isObject() || answer.get("found") == null || !answer.get("found").isBoolean()) {
			throw new Garbage("no boolean 'found'");
		}
		if (!answer.get("found").booleanValue()) {
			return new RegistryAnswer.NotHeld();
		}
		JsonNode data = answer.get("data");
		if (data == null || !data.isObject()) {
			throw new Garbage("found without a 'data' object");
		}
		Map<String, Object> record = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : data.properties()) {
			String key = entry.getKey();
			JsonNode value = entry.getValue();
			if (!kind.answers(key) || value.isNull()) {
				continue;
			}
			if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
				throw new Garbage("a value that is not a string, number or boolean: " + safe(key));
			}
			String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
			if (problem(kind, key, text, catalogue, today)) {
				throw new Garbage("a value that fails its validation: " + key);
			}
			record.put(key, text);
		}
		return new RegistryAnswer.Found(record);
	}

	private static boolean problem(RegistryKind kind, String key, String text, Catalogue catalogue, LocalDate today) {
		if (text.isBlank() || text.length() > MAX_TEXT || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
			return true;
		}
		Optional<DataElement> element = catalogue.element(key);
		if (element.isPresent() && kind.elements().contains(key)) {
			DataElement e = element.get();
			return FieldValues.problem(key, e.type(), e.validation(), e.options(), text, today).isPresent();
		}
		return kind.recordKeys().containsKey(key)
				&& FieldValues.problem(kind.recordKeys().get(key), Validation.NONE, List.of(), text).isPresent();
	}

	/** A key as it may appear in a log: only the characters of our own element codes. */
	private static String safe(String key) {
		return key.replaceAll("[^A-Z0-9_]", "?");
	}
}
