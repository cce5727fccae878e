package cn.onego.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.shared.RegionCode;

/**
 * Where an application may be handed in (异地收件、属地办理): the competent region's own hall always, another hall only
 * when every applicable item's 通办范围 offers acceptance at that hall's region for the competent one
 * ({@link Item.CrossRegion#offers}). A hall on one line with the competent region is the local case and needs no scope.
 */
@Component
class HallChoices {

	/** Why the chosen hall may not accept, and — when the scope is what refuses it — the halls that can. */
	record Refusal(FieldProblem problem, List<HallOption> halls) {
	}

	private final AcceptingHalls halls;

	HallChoices(AcceptingHalls halls) {
		this.halls = halls;
	}

	/**
	 * The halls that may accept the items for the competent region: its own hall first, then every other open hall
	 * that takes the matter and whose region every item offers, the nearest first.
	 */
	List<HallOption> possible(Catalogue catalogue, Matter matter, List<String> items, RegionCode competent) {
		AcceptingHall local = halls.competent(catalogue, matter, competent);
		List<HallOption> possible = new ArrayList<>();
		possible.add(HallOption.of(local, true));
		halls.open(matter)
			.stream()
			.filter(h -> !h.code().equals(local.code()))
			.filter(h -> notOffered(catalogue, items, h.region(), competent).isEmpty())
			.sorted(Comparator.comparingInt((AcceptingHall h) -> distance(h.region(), competent)).thenComparing(AcceptingHall::code))
			.forEach(h -> possible.add(HallOption.of(h, false)));
		return possible;
	}

	/** What is wrong with handing the items in at the hall with the code, for the competent region; empty when nothing. */
	Optional<Refusal> check(Catalogue catalogue, Matter matter, List<String> items, RegionCode competent, String code) {
		Optional<AcceptingHall> chosen = halls.hall(code, matter);
		if (chosen.isEmpty()) {
			return Optional.of(new Refusal(new FieldProblem("acceptingHall", "unknown",
					Message.of("没有找到所选的政务服务大厅，请重新选择", "the chosen service hall does not exist; choose again")), List.of()));
		}
		AcceptingHall hall = chosen.get();
		if (!hall.open()) {
			return Optional.of(new Refusal(new FieldProblem("acceptingHall", "closed",
					Message.of(hall.name().zh() + "目前不受理此事项，请选择其他大厅",
							hall.name().in(Locale.ENGLISH) + " does not accept this matter at present; choose another hall")),
					List.of()));
		}
		List<Item> refused = notOffered(catalogue, items, hall.region(), competent);
		if (refused.isEmpty()) {
			return Optional.empty();
		}
		List<HallOption> possible = possible(catalogue, matter, items, competent);
		return Optional.of(new Refusal(new FieldProblem("acceptingHall", NotOfferedAcrossRegions.CODE,
				message(catalogue, hall, refused, possible)), possible));
	}

	/** The applicable items the hall's region may not accept for the competent region. */
	static List<Item> notOffered(Catalogue catalogue, List<String> items, RegionCode accepting, RegionCode competent) {
		return items.stream()
			.map(catalogue::item)
			.flatMap(Optional::stream)
			.filter(item -> !item.crossRegion().offers(accepting, competent))
			.toList();
	}

	/** The refusal in words: the items not offered there with their scope, and the halls that can accept them. */
	static Message message(Catalogue catalogue, AcceptingHall hall, List<Item> refused, List<HallOption> possible) {
		String itemsZh = refused.stream()
			.map(i -> i.name().zh() + "（" + i.crossRegion().describe(catalogue).zh() + "）")
			.collect(Collectors.joining("、"));
		String itemsEn = refused.stream()
			.map(i -> i.name().in(Locale.ENGLISH) + " (" + i.crossRegion().describe(catalogue).in(Locale.ENGLISH) + ")")
			.collect(Collectors.joining("; "));
		String hallsZh = possible.stream().map(h -> h.name().zh()).collect(Collectors.joining("、"));
		String hallsEn = possible.stream().map(h -> h.name().in(Locale.ENGLISH)).collect(Collectors.joining("; "));
		return Message.of(hall.name().zh() + "不能异地受理本次申请的" + itemsZh + "。可以在以下大厅递交和领取：" + hallsZh + "。",
				hall.name().in(Locale.ENGLISH) + " cannot accept this application for another region: " + itemsEn
						+ ". It can be handed in and collected at: " + hallsEn + ".");
	}

	/** How far a hall's region lies from the competent one: on one line, the same city, the same province, further. */
	private static int distance(RegionCode hall, RegionCode competent) {
		if (hall.onOneLine(competent)) {
			return 0;
		}
		return hall.samePrefecture(competent) ? 1 : hall.sameProvince(competent) ? 2 : 3;
	}
}
