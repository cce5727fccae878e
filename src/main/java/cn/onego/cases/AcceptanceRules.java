package cn.onego.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.catalog.Item;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * The rules of acceptance at the window (受理), as pure functions of the application's materials, the catalogue's
 * items and what the clerk decided: a material not submitted must be accepted as a gap (容缺) or replaced by a
 * commitment (告知承诺); an item must allow each of its materials as a gap, or as a commitment; the gap deadline lies
 * within the items' promised limits; the blacklisted get no green channel. Each rule answers with findings, and
 * each finding says itself in Chinese and English.
 */
final class AcceptanceRules {

	private AcceptanceRules() {
	}

	/** What a rule found wrong with an acceptance. */
	sealed interface Finding {

		FieldProblem problem();
	}

	/** A material the applicant did not submit, neither accepted as a gap nor committed. */
	record MissingMaterial(Label name) implements Finding {

		public FieldProblem problem() {
			return new FieldProblem("gaps", "missing-material", Message.of("材料未提交：" + name.zh() + "。请一次性告知补正，或按容缺受理并列入缺项",
					"material missing: " + english(name) + "; ask for a supplement, or accept with it as a gap"));
		}
	}

	/** A gap that is no material of this application. */
	record UnknownMaterial(String code) implements Finding {

		public FieldProblem problem() {
			return new FieldProblem("gaps", "unknown-material",
					Message.of("本申请没有此材料：" + code, "the application has no such material: " + code));
		}
	}

	/** An item that needs the material and does not accept it as a gap. */
	record GapNotAllowed(Label item, Label material) implements Finding {

		public FieldProblem problem() {
			return new FieldProblem("gaps", "gap-not-allowed", Message.of("事项“" + item.zh() + "”不允许容缺：" + material.zh(),
					"item '" + english(item) + "' does not accept " + english(material) + " as a gap"));
		}
	}

	/** A material some item needing it will not have replaced by a commitment. */
	record CommitmentNotAllowed(String code) implements Finding {

		public FieldProblem problem() {
			return new FieldProblem("commitments", "not-allowed",
					Message.of("该材料不适用告知承诺制：" + code, "this material cannot be replaced by a commitment: " + code));
		}
	}

	/** A gap deadline missing, or outside 1 to the smallest promised limit of the items needing the gaps. */
	record GapDeadlineOutOfRange(int longest) implements Finding {

		public FieldProblem problem() {
			return new FieldProblem("gapWorkingDays", "range", Message.of("容缺补正期限应为1至" + longest + "个工作日（不超过相关事项的承诺时限）",
					"the gap deadline is 1 to " + longest + " working days (not beyond the items' promised limits)"));
		}
	}

	/** All findings on an acceptance, in the order the clerk reads them. */
	static List<Finding> check(Collection<MaterialEntry> materials, List<String> gaps, Integer gapWorkingDays,
			Collection<String> commitments, Function<String, Item> items) {
		Map<String, MaterialEntry> byCode = byCode(materials);
		List<Finding> findings = new ArrayList<>(everyMissingMaterialIsAGapOrCommitted(materials, gaps, commitments));
		findings.addAll(everyItemNeedingAGapAllowsIt(byCode, gaps, items));
		findings.addAll(commitmentsReplaceOnlyWhatEveryItemAllows(byCode, commitments, items));
		if (!gaps.isEmpty() && !gapDeadlineWithinTheItemsLimits(gapWorkingDays, longestGapDeadline(byCode, gaps, items))) {
			findings.add(new GapDeadlineOutOfRange(longestGapDeadline(byCode, gaps, items)));
		}
		return findings;
	}

	/** 一次性告知 or 容缺: every material the applicant did not submit is accepted as a gap or replaced by a commitment. */
	static List<Finding> everyMissingMaterialIsAGapOrCommitted(Collection<MaterialEntry> materials, List<String> gaps,
			Collection<String> commitments) {
		return materials.stream()
			.filter(m -> m.gap() && !gaps.contains(m.material()) && !commitments.contains(m.material()))
			.map(m -> (Finding) new MissingMaterial(m.name()))
			.toList();
	}

	/** 容缺: a gap is a material of the application, and every item needing it accepts it as a gap. */
	static List<Finding> everyItemNeedingAGapAllowsIt(Map<String, MaterialEntry> materials, List<String> gaps,
			Function<String, Item> items) {
		List<Finding> findings = new ArrayList<>();
		for (String gap : gaps) {
			MaterialEntry m = materials.get(gap);
			if (m == null) {
				findings.add(new UnknownMaterial(gap));
				continue;
			}
			for (String code : m.neededBy()) {
				Item item = items.apply(code);
				if (item.materials().stream().noneMatch(l -> l.material().equals(gap) && l.gapAllowed())) {
					findings.add(new GapNotAllowed(item.name(), m.name()));
				}
			}
		}
		return findings;
	}

	/** 告知承诺: a commitment replaces a material of the application that every item needing it lets be replaced. */
	static List<Finding> commitmentsReplaceOnlyWhatEveryItemAllows(Map<String, MaterialEntry> materials,
			Collection<String> commitments, Function<String, Item> items) {
		return commitments.stream().filter(committed -> {
			MaterialEntry m = materials.get(committed);
			return m == null || !m.neededBy().stream().allMatch(code -> items.apply(code).materials().stream()
				.anyMatch(l -> l.material().equals(committed) && l.commitmentAllowed()));
		}).map(code -> (Finding) new CommitmentNotAllowed(code)).toList();
	}

	/** The longest gap deadline: the smallest promised limit of the items needing the gaps. */
	static int longestGapDeadline(Map<String, MaterialEntry> materials, List<String> gaps, Function<String, Item> items) {
		return gaps.stream()
			.map(materials::get)
			.filter(m -> m != null)
			.flatMap(m -> m.neededBy().stream())
			.mapToInt(code -> items.apply(code).promisedLimit())
			.min()
			.orElse(Integer.MAX_VALUE);
	}

	/** 容缺的补正期限: at least one working day, and no longer than the items' promised limits. */
	static boolean gapDeadlineWithinTheItemsLimits(Integer gapWorkingDays, int longest) {
		return gapWorkingDays != null && gapWorkingDays >= 1 && gapWorkingDays <= longest;
	}

	/** 诚信: the green channel — acceptance with gaps or on commitment — is closed to a blacklisted applicant. */
	static boolean greenChannelOpen(boolean blacklisted, List<String> gaps, Collection<String> commitments) {
		return !blacklisted || (gaps.isEmpty() && commitments.isEmpty());
	}

	/** Whether the green channel is asked for at all (only then the blacklist needs to be read). */
	static boolean asksForTheGreenChannel(List<String> gaps, Collection<String> commitments) {
		return !gaps.isEmpty() || !commitments.isEmpty();
	}

	static Map<String, MaterialEntry> byCode(Collection<MaterialEntry> materials) {
		Map<String, MaterialEntry> byCode = new java.util.LinkedHashMap<>();
		materials.forEach(m -> byCode.put(m.material(), m));
		return byCode;
	}

	private static String english(Label label) {
		return label.en() == null ? label.zh() : label.en();
	}
}
