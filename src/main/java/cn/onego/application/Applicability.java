package cn.onego.application;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.onego.catalog.Matter;
import cn.onego.catalog.Matter.Situation;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;

/**
 * What the answers so far decide (情形引导): the questions still open, the applicable items, and the
 * materials the answers include or exclude. Situation rules are data of the catalogue; this is their
 * interpreter. Answers apply in the order the situations are declared: start from the items marked
 * {@code included}, then for each answered option remove its exclusions and add its inclusions.
 */
public record Applicability(List<Situation> asked, List<Situation> open, List<String> items,
		Set<String> includedMaterials, Set<String> excludedMaterials, List<FieldProblem> problems) {

	public static Applicability of(Matter matter, Answers answers) {
		Set<String> items = new LinkedHashSet<>();
		matter.items().stream().filter(Matter.MatterItem::included).forEach(line -> items.add(line.item()));
		Set<String> included = new LinkedHashSet<>();
		Set<String> excluded = new LinkedHashSet<>();
		List<Situation> asked = new ArrayList<>();
		List<Situation> open = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (Situation situation : matter.situations()) {
			if (!isAsked(situation, answers)) {
				if (answers.answered(situation.code())) {
					problems.add(problem(situation, "not-asked", "该情形问题在当前回答下不适用，请删除此回答",
							"this question does not apply given the other answers; remove the answer"));
				}
				continue;
			}
			asked.add(situation);
			List<String> chosen = answers.of(situation.code());
			if (chosen.isEmpty()) {
				open.add(situation);
				continue;
			}
			if (situation.type() == cn.onego.catalog.Enums.SituationType.SINGLE && chosen.size() > 1) {
				problems.add(problem(situation, "single-choice", "该问题只能选择一项", "choose exactly one option"));
			}
			for (String value : chosen) {
				var option = situation.options().stream().filter(o -> o.value().equals(value)).findFirst();
				if (option.isEmpty()) {
					problems.add(problem(situation, "unknown-option", "没有这个选项：" + value, "no such option: " + value));
					continue;
				}
				items.removeAll(option.get().exclude().items());
				excluded.addAll(option.get().exclude().materials());
				included.removeAll(option.get().exclude().materials());
				items.addAll(option.get().include().items());
				included.addAll(option.get().include().materials());
				excluded.removeAll(option.get().include().materials());
			}
		}
		List<String> ordered = matter.items().stream().map(Matter.MatterItem::item).filter(items::contains).toList();
		for (String answered : answers.values().keySet()) {
			if (matter.situations().stream().noneMatch(s -> s.code().equals(answered))) {
				problems.add(new FieldProblem("answers." + answered, "unknown-situation",
						Message.of("该一件事没有这个情形问题：" + answered, "the matter has no such question: " + answered)));
			}
		}
		return new Applicability(List.copyOf(asked), List.copyOf(open), ordered, Set.copyOf(included),
				Set.copyOf(excluded), List.copyOf(problems));
	}

	private static boolean isAsked(Situation situation, Answers answers) {
		if (situation.askedWhen() == null) {
			return true;
		}
		return answers.of(situation.askedWhen().situation()).stream().anyMatch(situation.askedWhen().anyOf()::contains);
	}

	private static FieldProblem problem(Situation situation, String code, String zh, String en) {
		return new FieldProblem("answers." + situation.code(), code, Message.of(zh, en));
	}

	/** Whether every question that applies has been answered. */
	public boolean complete() {
		return open.isEmpty();
	}
}
