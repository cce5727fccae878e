package cn.onego.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import cn.onego.application.FieldValue.Origin;
import cn.onego.application.MergedForm.FormField;
import cn.onego.catalog.Enums.Registry;

/**
 * What the government already knows, laid into the merged form — a pure function of the form, the parties
 * and the records read. For each field not typed by the applicant, in this order:
 * <ol>
 * <li>the verified identity, where the field's data element means a person who is the signed-in one
 * ({@link Parties});</li>
 * <li>a shared registry's record about the applicant — the element's own registry first, then the applicant's
 * home registry (人口库 for a person, 法人库 for an enterprise), under the element's code or one of its kin
 * ({@link #KIN});</li>
 * <li>an answer of the questionnaire whose situation has the element's code and one of its options.</li>
 * </ol>
 * An earlier prefilled value that nothing confirms any more (a consent withdrawn) is taken out: the form never
 * shows a value the platform may no longer read.
 */
final class Prefill {

	/**
	 * Other keys under which a registry's record may hold an element. A registry's record names what it holds
	 * about its own subject with the catalogue's data elements; these are the few that registries spell
	 * otherwise (the enterprise registry's {@code LEGAL_REP_ID}, an enterprise's registered address). The
	 * mobile on record is not taken for the contact mobile: which number to call is the applicant's choice for
	 * each application, not a fact to correct with a reason.
	 */
	static final Map<String, List<String>> KIN = Map.of(
			"LEGAL_REP_ID_NUMBER", List.of("LEGAL_REP_ID"),
			"SHOP_ADDRESS", List.of("REGISTERED_ADDRESS", "ADDRESS"),
			"SHOP_REGION", List.of("REGISTERED_REGION", "REGION"));

	private Prefill() {
	}

	/** A value found for a field, and where from. */
	record Found(String value, Origin origin, Registry registry) {
	}

	/**
	 * The form with what is known filled in.
	 *
	 * @param records the record a registry holds about the applicant, read (and logged) on first use; empty when
	 *        refused or not held
	 * @param home the registry that holds the applicant themself: 人口库 for a person, 法人库 for an enterprise
	 */
	static Map<String, FieldValue> fill(List<FormField> fields, Map<String, FieldValue> form, Parties parties,
			Registry home, Function<Registry, Optional<Map<String, Object>>> records, Map<String, List<String>> answers,
			UUID consentId) {
		Map<String, FieldValue> filled = new LinkedHashMap<>(form);
		for (FormField field : fields) {
			FieldValue existing = filled.get(field.element());
			if (existing != null && existing.source() != FieldValue.Source.PREFILLED) {
				continue; // typed or corrected by the applicant: theirs
			}
			Optional<Found> found = parties.identity(field.element())
				.map(value -> new Found(value, Origin.IDENTITY, null))
				.or(() -> fromRegistries(field, home, records, parties))
				.or(() -> fromAnswers(field, answers));
			if (found.isPresent()) {
				Found f = found.get();
				filled.put(field.element(), FieldValue.prefilled(f.value(), f.origin(),
						f.registry() == null ? null : f.registry().name(), f.origin() == Origin.REGISTRY ? consentId : null));
			}
			else if (existing != null) {
				filled.remove(field.element());
			}
		}
		return filled;
	}

	private static Optional<Found> fromRegistries(FormField field, Registry home,
			Function<Registry, Optional<Map<String, Object>>> records, Parties parties) {
		List<Registry> order = new ArrayList<>();
		if (field.registry() != null) {
			order.add(field.registry());
		}
		if ((field.registry() != null || KIN.containsKey(field.element())) && !order.contains(home)) {
			order.add(home);
		}
		for (Registry registry : order) {
			Optional<Map<String, Object>> record = records.apply(registry);
			if (record.isEmpty()) {
				continue;
			}
			Optional<String> value = valueOf(record.get(), field.element());
			if (value.isEmpty() && registry == Registry.ENTERPRISE && "CREDIT_CODE".equals(field.element())
					&& parties.enterprise()) {
				value = Optional.of(parties.applicantId()); // the record is the enterprise's own: held under its code
			}
			if (value.isPresent()) {
				return Optional.of(new Found(value.get(), Origin.REGISTRY, registry));
			}
		}
		return Optional.empty();
	}

	static Optional<String> valueOf(Map<String, Object> record, String element) {
		List<String> keys = new ArrayList<>();
		keys.add(element);
		keys.addAll(KIN.getOrDefault(element, List.of()));
		for (String key : keys) {
			Object value = record.get(key);
			if (value != null && !value.toString().isBlank()) {
				return Optional.of(value.toString().trim());
			}
		}
		return Optional.empty();
	}

	/** A single answer to the situation of the element's code, when it is one of the element's options. */
	private static Optional<Found> fromAnswers(FormField field, Map<String, List<String>> answers) {
		List<String> answer = answers == null ? null : answers.get(field.element());
		if (answer == null || answer.size() != 1 || field.options() == null
				|| field.options().stream().noneMatch(o -> o.value().equals(answer.get(0)))) {
			return Optional.empty();
		}
		return Optional.of(new Found(answer.get(0), Origin.QUESTIONNAIRE, null));
	}
}
