package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * <p>
 * {@code basicCode} (基本编码) and {@code implementationCode} (实施编码) are the item's national coding from the
 * provincial item-management system (GB/T 39046); OneGo keeps them as opaque, validated strings and never derives
 * them, so both are null for items whose coding is not known.
 */
public record Item(String code, Label name, ItemType type, String departmentType, Set<ApplicantType> applicantTypes,
		String legalBasis, int legalLimit, int promisedLimit, boolean instant, List<Step> steps,
		Set<HandlingLevel> levels, boolean delegatedToParks, CrossRegion crossRegion, Fee fee, Result result,
		List<ItemMaterial> materials, List<ItemField> fields, AutoApproval autoApproval, String assumption,
		String basicCode, String implementationCode) {

	/** An item without national coding (基本编码, 实施编码), as most hand-written items are. */
	public Item(String code, Label name, ItemType type, String departmentType, Set<ApplicantType> applicantTypes,
			String legalBasis, int legalLimit, int promisedLimit, boolean instant, List<Step> steps,
			Set<HandlingLevel> levels, boolean delegatedToParks, CrossRegion crossRegion, Fee fee, Result result,
			List<ItemMaterial> materials, List<ItemField> fields, AutoApproval autoApproval, String assumption) {
		this(code, name, type, departmentType, applicantTypes, legalBasis, legalLimit, promisedLimit, instant, steps,
				levels, delegatedToParks, crossRegion, fee, result, materials, fields, autoApproval, assumption, null, null);
	}

	/**
	 * The item's 通办范围: where else than in the competent region a hall may accept it (异地收件) for the competent
	 * region's departments to handle (属地办理). {@code partners} are the regions of other provinces a
	 * {@link CrossRegionScope#CROSS_PROVINCE} item is handled with (跨省通办 by agreement between the regions).
	 */
	public record CrossRegion(CrossRegionScope scope, List<RegionCode> partners) {

		public CrossRegion {
			partners = List.copyOf(partners);
		}

		/**
		 * Whether a hall in region {@code accepting} may accept the item for region {@code competent}. The regions on
		 * one line — the competent region's own hall, or one above it — always may: that is the local case, whatever
		 * the scope. Otherwise the scope decides: the same prefecture (全市通办), the same province (全省通办), the same
		 * province or, across provinces, one region within a partner region — a partner's hall accepting for a home
		 * region, or a home hall for a partner's region (跨省通办) — or anywhere (全国通办).
		 */
		public boolean offers(RegionCode accepting, RegionCode competent) {
			if (accepting.onOneLine(competent)) {
				return true;
			}
			return switch (scope) {
				case NONE -> false;
				case CITY -> accepting.samePrefecture(competent);
				case PROVINCE -> accepting.sameProvince(competent);
				case CROSS_PROVINCE -> accepting.sameProvince(competent) || withinPartner(accepting) || withinPartner(competent);
				case NATIONWIDE -> true;
			};
		}

		private boolean withinPartner(RegionCode region) {
			return partners.stream().anyMatch(p -> p.contains(region));
		}

		/** The scope as the public reads it, e.g. 全省通办, or 与韶关市、福州市跨省通办 with the partners' names. */
		public Label describe(Catalogue catalogue) {
			return describe(code -> catalogue.region(code).map(Region::label).orElse(Label.of(code.value(), code.value())));
		}

		/** The scope as the public reads it, the partner regions named by {@code names}. */
		public Label describe(Function<RegionCode, Label> names) {
			return switch (scope) {
				case NONE -> Label.of("仅限属地办理", "handled only in its own region");
				case CITY -> Label.of("全市通办", "handled anywhere in the city");
				case PROVINCE -> Label.of("全省通办", "handled anywhere in the province");
				case CROSS_PROVINCE -> partners.isEmpty() ? Label.of("全省通办", "handled anywhere in the province")
						: Label.of("与" + partners.stream().map(p -> names.apply(p).zh()).collect(Collectors.joining("、")) + "跨省通办",
								"handled across provinces with " + englishList(partners.stream().map(p -> names.apply(p).in(Locale.ENGLISH)).toList()));
				case NATIONWIDE -> Label.of("全国通办", "handled anywhere in the country");
			};
		}

		private static String englishList(List<String> names) {
			if (names.size() == 1) {
				return names.get(0);
			}
			return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
		}
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
