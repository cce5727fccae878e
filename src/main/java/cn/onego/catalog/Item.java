package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.HandlingLevel;
import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Enums.Step;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * A service item (政务服务事项) as implemented in the catalogue: who handles it, on what legal basis,
 * within which limits (working days), with which materials and form fields, what it produces, and
 * the 秒批 rule under which the system may approve it instantly (null when it may not).
 */
public record Item(String code, Label name, ItemType type, String departmentType, Set<ApplicantType> applicantTypes,
		String legalBasis, int legalLimit, int promisedLimit, boolean instant, List<Step> steps,
		Set<HandlingLevel> levels, boolean delegatedToParks, CrossRegion crossRegion, Fee fee, Result result,
		List<ItemMaterial> materials, List<ItemField> fields, AutoApproval autoApproval, String assumption) {

	public record CrossRegion(CrossRegionScope scope, List<RegionCode> partners) {
	}

	public record Fee(BigDecimal amount, String basis) {

		public boolean free() {
			return amount.signum() == 0;
		}
	}

	public record Result(ResultKind kind, String licenceType, Label name) {
	}

	/**
	 * A material as this item asks for it. {@code gapAllowed}: 容缺 — may be supplemented after
	 * acceptance; {@code commitmentAllowed}: 告知承诺 — a signed commitment may replace it;
	 * {@code exemptByLaw}: the legal ground on which it need not be provided.
	 */
	public record ItemMaterial(String material, boolean required, boolean gapAllowed, boolean commitmentAllowed,
			String exemptByLaw, int originals, int copies) {
	}

	/** A form field of this item: a data element, possibly with tighter validation. */
	public record ItemField(String element, boolean required, Validation validation) {
	}

	/** Whether commitment-based approval (告知承诺) is allowed for any of the item's materials. */
	public boolean commitmentAllowed() {
		return materials.stream().anyMatch(ItemMaterial::commitmentAllowed);
	}

	/** Whether acceptance with gaps (容缺受理) is allowed for any of the item's materials. */
	public boolean gapsAllowed() {
		return materials.stream().anyMatch(ItemMaterial::gapAllowed);
	}
}
