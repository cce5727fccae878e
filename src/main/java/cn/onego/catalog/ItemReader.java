package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.HandlingLevel;
import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Enums.Step;
import cn.onego.catalog.Item.CrossRegion;
import cn.onego.catalog.Item.Fee;
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.catalog.Item.Result;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Reads items/: the service items with their department type, limits, steps, materials, form fields
 * and 秒批 rule. Materials and data elements must already be read, because an item only refers to them.
 */
final class ItemReader {

	/** The longest 基本编码 and 实施编码 accepted; the codes themselves are opaque (reference-facts §3.2). */
	static final int BASIC_CODE_LENGTH = 12;
	static final int IMPLEMENTATION_CODE_LENGTH = 36;

	private final CatalogueDraft draft;

	ItemReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	void read(YamlCursor at) {
		String code = at.get("code").text();
		// 基本编码 and 实施编码 are opaque: their form (letters and digits, 12 and 36 at most) is the schema's
		String basicCode = at.get("basicCode").text();
		String implementationCode = at.get("implementationCode").text();
		Label name = at.get("name").label();
		ItemType type = at.get("type").enumValue(ItemType.class, null);
		String departmentType = at.get("departmentType").present() ? draft.departmentTypeRef(at.get("departmentType")) : null;
		Set<ApplicantType> applicantTypes = enumSet(ApplicantType.class, at.get("applicantTypes"));
		String legalBasis = at.get("legalBasis").text();
		Integer legalLimit = at.get("legalLimit").integer();
		Integer promisedLimit = at.get("promisedLimit").integer();
		if (legalLimit != null && legalLimit < 0) {
			at.get("legalLimit").error("法定时限不能为负数：" + legalLimit, "the legal limit cannot be negative: " + legalLimit);
		}
		if (promisedLimit != null && promisedLimit < 0) {
			at.get("promisedLimit").error("承诺时限不能为负数：" + promisedLimit,
					"the promised limit cannot be negative: " + promisedLimit);
		}
		else if (promisedLimit != null && legalLimit != null && legalLimit >= 0 && promisedLimit > legalLimit) {
			at.get("promisedLimit").error("承诺时限（" + promisedLimit + "）超过法定时限（" + legalLimit + "）",
					"the promised limit (" + promisedLimit + ") exceeds the legal limit (" + legalLimit + ")");
		}
		boolean instant = at.get("instant").bool(false);
		if (instant && promisedLimit != null && promisedLimit > 0) {
			at.get("instant").error("即办件的承诺时限应为0", "an on-the-spot item has a promised limit of 0");
		}
		List<Step> steps = at.get("steps").enums(Step.class);
		Set<HandlingLevel> levels = enumSet(HandlingLevel.class, at.get("levels"));
		CrossRegion crossRegion = crossRegion(at.get("crossRegion"));
		Fee fee = fee(at.get("fee"));
		Result result = result(at.get("result"));
		List<ItemMaterial> itemMaterials = materials(at.get("materials"));
		Set<String> seenFields = new HashSet<>();
		List<ItemField> fields = fields(at.get("fields"), seenFields);
		AutoApproval autoApproval = AutoApprovalReader.read(at.get("autoApproval"), code, seenFields);
		boolean complete = name != null && type != null && departmentType != null && legalBasis != null
				&& legalLimit != null && promisedLimit != null && crossRegion != null && fee != null && result != null;
		if (code != null && !complete) {
			draft.declaredWithErrors(code);
		}
		if (code != null && complete) {
			draft.register(draft.items, code, new Item(code, name, type, departmentType, applicantTypes, legalBasis,
					legalLimit, promisedLimit, instant, steps, levels, at.get("delegatedToParks").bool(false), crossRegion,
					fee, result, List.copyOf(itemMaterials), List.copyOf(fields), autoApproval, at.get("assumption").text(),
					basicCode, implementationCode),
					at, "事项", "item");
		}
	}

	/** A national code: optional, letters and digits only, at most {@code length} characters. */
	private List<ItemMaterial> materials(YamlCursor list) {
		List<ItemMaterial> itemMaterials = new ArrayList<>();
		Set<String> seenMaterials = new HashSet<>();
		for (YamlCursor line : list.list()) {
			String material = line.get("material").text();
			if (material != null && !draft.materials.containsKey(material)) {
				if (draft.wasDeclaredWithErrors(material)) {
					continue;
				}
				line.get("material").error("材料不存在：" + material, "unknown material: " + material);
				continue;
			}
			if (material != null && !seenMaterials.add(material)) {
				line.get("material").error("同一事项重复列出材料：" + material, "material listed twice for the item: " + material);
				continue;
			}
			int originals = line.get("originals").integer(0);
			int copies = line.get("copies").integer(0);
			if (material != null) {
				itemMaterials.add(new ItemMaterial(material, line.get("required").bool(true),
						line.get("gapAllowed").bool(false), line.get("commitmentAllowed").bool(false),
						line.get("exemptByLaw").text(), originals, copies));
			}
		}
		return itemMaterials;
	}

	/** The item's form fields; {@code seenFields} collects their elements, which its 秒批 rule may test. */
	private List<ItemField> fields(YamlCursor list, Set<String> seenFields) {
		List<ItemField> fields = new ArrayList<>();
		for (YamlCursor line : list.list()) {
			String element = line.get("element").text();
			if (element != null && !draft.elements.containsKey(element)) {
				if (draft.wasDeclaredWithErrors(element)) {
					continue;
				}
				line.get("element").error("数据元不存在：" + element, "unknown data element: " + element);
				continue;
			}
			if (element != null && !seenFields.add(element)) {
				line.get("element").error("同一事项重复列出数据元：" + element, "data element listed twice for the item: " + element);
				continue;
			}
			if (element != null) {
				fields.add(new ItemField(element, line.get("required").bool(true),
						DataElementReader.validation(line.get("validation"))));
			}
		}
		return fields;
	}

	private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, YamlCursor at) {
		List<E> values = at.enums(type);
		return values.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(values));
	}

	private CrossRegion crossRegion(YamlCursor at) {
		if (!at.present()) {
			return new CrossRegion(CrossRegionScope.NONE, List.of());
		}
		CrossRegionScope scope = at.get("scope").enumValue(CrossRegionScope.class, CrossRegionScope.NONE);
		List<RegionCode> partners = at.get("partners").list().stream().map(draft::regionRef).filter(r -> r != null).toList();
		if (scope == CrossRegionScope.CROSS_PROVINCE && partners.isEmpty() && !at.get("partners").present()) {
			at.get("partners").error("跨省通办须列出合作地区", "cross-province handling names its partner regions");
		}
		if (scope == CrossRegionScope.NATIONWIDE && at.get("partners").present()) {
			at.get("partners").error("全国通办不列合作地区", "nationwide handling names no partner regions");
		}
		return new CrossRegion(scope, partners);
	}

	private static Fee fee(YamlCursor at) {
		if (!at.present()) {
			return new Fee(BigDecimal.ZERO, null);
		}
		BigDecimal amount = at.get("amount").decimal();
		if (amount == null) {
			amount = BigDecimal.ZERO;
		}
		String basis = at.get("basis").text();
		if (amount.signum() > 0 && basis == null) {
			at.get("basis").error("收费须写明依据", "a fee names its legal basis");
		}
		return new Fee(amount, basis);
	}

	private static Result result(YamlCursor at) {
		if (!at.present()) {
			return null;
		}
		ResultKind kind = at.get("kind").enumValue(ResultKind.class, null);
		String licenceType = at.get("licenceType").text();
		if (kind == ResultKind.LICENCE && licenceType == null) {
			at.get("licenceType").error("证照类结果须给出证照类型", "a licence result names its licence type");
		}
		Label name = at.get("name").label();
		return kind == null || name == null ? null : new Result(kind, licenceType, name);
	}
}
