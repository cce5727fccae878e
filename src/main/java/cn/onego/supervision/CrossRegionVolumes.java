package cn.onego.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Region;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * 跨域通办 as one region's supervisor sees it: what the region's halls received for other regions (异地代收) and what
 * halls of other regions received for it (外地收件、本地办理), each counted over the period as submitted, accepted and
 * issued, with the partner regions that account for most of it. A cross-region case is in the competent region's
 * volumes like any other; without this section the accepting region would not see it at all. A case received and
 * handled within the region (at its city's hall for one of its counties, say) is not cross-region for it.
 *
 * @param receivedForOthers cases accepted in the region for a competent region outside it (异地代收)
 * @param receivedElsewhere cases accepted outside the region for a competent region inside it (外地收件、本地办理)
 */
public record CrossRegionVolumes(Flow receivedForOthers, Flow receivedElsewhere) {

	/** How many partner regions the dashboard lists in each direction; the export lists all of them. */
	static final int TOP_PARTNERS = 5;

	/** Nothing across regions: a view of every region at once has no outside. */
	static final CrossRegionVolumes NONE = new CrossRegionVolumes(Flow.of(List.of(), TOP_PARTNERS), Flow.of(List.of(), TOP_PARTNERS));

	/**
	 * One direction: its totals over every partner region, and the partners with the most cases submitted first (then
	 * accepted, then issued; the code only to keep the order stable), at most as many as asked for.
	 */
	public record Flow(long submitted, long accepted, long issued, List<Partner> partners) {

		public Flow {
			partners = List.copyOf(partners);
		}

		static Flow of(List<Partner> all, int top) {
			List<Partner> ranked = new ArrayList<>(all);
			ranked.sort(Comparator.comparingLong(Partner::submitted).reversed()
				.thenComparing(Comparator.comparingLong(Partner::accepted).reversed())
				.thenComparing(Comparator.comparingLong(Partner::issued).reversed())
				.thenComparing(Partner::region));
			return new Flow(all.stream().mapToLong(Partner::submitted).sum(), all.stream().mapToLong(Partner::accepted).sum(),
					all.stream().mapToLong(Partner::issued).sum(), ranked.subList(0, Math.min(top, ranked.size())));
		}
	}

	/**
	 * A partner region with what it sent or received: its name is what pages show; its code only tells regions apart.
	 */
	public record Partner(String region, Label name, long submitted, long accepted, long issued) {
	}

	/** The partner region's name for a supervisor of the region, from the catalogue's regions. */
	static Label partnerName(Catalogue catalogue, String partner, RegionCode supervisorsRegion) {
		List<Region> lineage = namedBy(partner).stream().map(catalogue::lineage).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
		return partnerName(lineage, supervisorsRegion);
	}

	/**
	 * A partner region's name as a supervisor reads it: from below the province down to the region (张家界市永定区;
	 * Yongding District, Zhangjiajie City), with the province in front when it is another province than the
	 * supervisor's (广东省韶关市). A code the catalogue does not know is named by the nearest region above it that it
	 * knows, or as "another region": never by the code.
	 *
	 * @param lineage the known region nearest to the partner's code and its ancestors, as {@code Catalogue.lineage}
	 *        lists them (the region first, its province last); empty when none is known
	 */
	static Label partnerName(List<Region> lineage, RegionCode supervisorsRegion) {
		List<Region> shown = new ArrayList<>(lineage);
		if (shown.size() > 1 && shown.get(shown.size() - 1).code().equals(supervisorsRegion.province())) {
			shown.remove(shown.size() - 1);
		}
		if (shown.isEmpty()) {
			return Label.of("其他地区", "Another region");
		}
		StringBuilder zh = new StringBuilder();
		StringBuilder en = new StringBuilder();
		for (int i = shown.size() - 1; i >= 0; i--) {
			zh.append(shown.get(i).name());
		}
		for (Region r : shown) {
			en.append(en.isEmpty() ? "" : ", ").append(r.nameEn());
		}
		return Label.of(zh.toString(), en.toString());
	}

	/** The codes to look a partner up by, the most precise first: itself, its prefecture, its province. */
	static List<RegionCode> namedBy(String code) {
		List<RegionCode> candidates = new ArrayList<>();
		RegionCode.parse(code).ifPresent(candidates::add);
		if (code != null && code.length() >= 6 && code.chars().limit(6).allMatch(Character::isDigit)) {
			RegionCode.parse(code.substring(0, 4) + "00").filter(c -> !candidates.contains(c)).ifPresent(candidates::add);
			RegionCode.parse(code.substring(0, 2) + "0000").filter(c -> !candidates.contains(c)).ifPresent(candidates::add);
		}
		return candidates;
	}
}
