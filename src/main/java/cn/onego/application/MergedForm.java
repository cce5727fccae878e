package cn.onego.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.Section;
import cn.onego.catalog.Item;
import cn.onego.catalog.Validation;
import cn.onego.shared.Label;

/**
 * The one form (一表单) of an application, derived — never hand-made — from the applicable items:
 * the union of their data elements, each asked once, grouped into sections; a field is required when
 * any item requires it, with the strictest of the items' validations, and says which items use it.
 * The same derivation serves the API, the web page and the printable form.
 */
public record MergedForm(List<FormSection> sections) {

	public record FormSection(Section section, Label label, List<FormField> fields) {
	}

	public record FormField(String element, Label label, ElementType type, boolean required, Validation validation,
			List<DataElement.Option> options, boolean personal, Registry registry, String example,
			List<String> usedBy) {
	}

	private static final Map<Section, Label> SECTION_LABELS = new EnumMap<>(Map.ofEntries(
			Map.entry(Section.APPLICANT, Label.of("申请人信息", "Applicant")),
			Map.entry(Section.ENTERPRISE, Label.of("企业信息", "Enterprise")),
			Map.entry(Section.AGENT, Label.of("代办人信息", "Agent")),
			Map.entry(Section.PERSON, Label.of("当事人信息", "Person concerned")),
			Map.entry(Section.FAMILY, Label.of("家庭成员信息", "Family")),
			Map.entry(Section.PREMISES, Label.of("经营场所信息", "Premises")),
			Map.entry(Section.BUSINESS, Label.of("经营信息", "Business")),
			Map.entry(Section.PROPERTY, Label.of("不动产信息", "Property")),
			Map.entry(Section.EMPLOYMENT, Label.of("就业与参保信息", "Employment and insurance")),
			Map.entry(Section.BENEFIT, Label.of("待遇与补贴信息", "Benefits")),
			Map.entry(Section.DELIVERY, Label.of("结果领取", "Delivery of results")),
			Map.entry(Section.OTHER, Label.of("其他信息", "Other"))));

	public static MergedForm derive(Catalogue catalogue, List<String> itemCodes) {
		Map<String, List<Item.ItemField>> uses = new LinkedHashMap<>();
		Map<String, List<String>> usedBy = new LinkedHashMap<>();
		for (String code : itemCodes) {
			Item item = catalogue.item(code).orElseThrow();
			for (Item.ItemField field : item.fields()) {
				uses.computeIfAbsent(field.element(), e -> new ArrayList<>()).add(field);
				usedBy.computeIfAbsent(field.element(), e -> new ArrayList<>()).add(code);
			}
		}
		Map<Section, List<FormField>> bySection = new EnumMap<>(Section.class);
		uses.forEach((code, fields) -> {
			DataElement element = catalogue.element(code).orElseThrow();
			Validation validation = element.validation();
			boolean required = false;
			for (Item.ItemField field : fields) {
				validation = validation.strictest(field.validation());
				required |= field.required();
			}
			bySection.computeIfAbsent(element.section(), s -> new ArrayList<>())
				.add(new FormField(code, element.label(), element.type(), required, validation, element.options(),
						element.personal(), element.registry(), element.example(), List.copyOf(usedBy.get(code))));
		});
		List<FormSection> sections = new ArrayList<>();
		bySection.forEach((section, fields) -> sections.add(new FormSection(section, SECTION_LABELS.get(section), List.copyOf(fields))));
		return new MergedForm(List.copyOf(sections));
	}

	public List<FormField> fields() {
		return sections.stream().flatMap(s -> s.fields().stream()).toList();
	}
}
