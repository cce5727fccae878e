package cn.onego.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.onego.shared.Label;

/**
 * A matter as an administrator composes it on the page: the shape of a matter file (docs/CATALOGUE.md, keys
 * and nesting alike), every value as typed and nothing checked yet. It becomes a catalogue file through
 * {@link MatterWriter} and is validated by the catalogue's own reader, so that an error's location in the
 * file ({@code dependencies[1].needs[0]}) is also its place in this record.
 */
public record ComposedMatter(String code, Words name, List<String> aliases, String theme, String applicantType,
		String leadDepartmentType, National national, List<String> offeredIn, String basedOn, Words description,
		List<Line> items, List<Dependency> dependencies, List<Question> situations, String assumption) {

	public ComposedMatter {
		aliases = listOf(aliases);
		offeredIn = listOf(offeredIn);
		items = listOf(items);
		dependencies = listOf(dependencies);
		situations = listOf(situations);
	}

	/** A text in Chinese and English, either possibly missing while the administrator types. */
	public record Words(String zh, String en) {

		static Words of(Label label) {
			return label == null ? null : new Words(label.zh(), label.en());
		}
	}

	/** The matter's place on the national key-matter list: batch, year, 牵头/配合部门 (department types), stage. */
	public record National(String batch, Integer year, String leadDepartmentType, List<String> cooperatingDepartmentTypes,
			String stage) {
	}

	/** An item of the matter; {@code null} flags mean the catalogue's defaults (both true). */
	public record Line(String item, Boolean mandatory, Boolean included) {
	}

	/** {@code item} needs the results of the items in {@code needs}. */
	public record Dependency(String item, List<String> needs) {

		public Dependency {
			needs = listOf(needs);
		}
	}

	public record Question(String code, Words question, String type, Condition askedWhen, List<Choice> options) {

		public Question {
			options = listOf(options);
		}
	}

	public record Condition(String situation, List<String> anyOf) {

		public Condition {
			anyOf = listOf(anyOf);
		}
	}

	public record Choice(String value, Words label, Effect include, Effect exclude) {
	}

	public record Effect(List<String> items, List<String> materials) {

		public Effect {
			items = listOf(items);
			materials = listOf(materials);
		}
	}

	/** A matter of the catalogue as the composer starts from it, to edit it. */
	public static ComposedMatter of(Matter matter) {
		List<Line> lines = matter.items().stream().map(l -> new Line(l.item(), l.mandatory(), l.included())).toList();
		List<Dependency> dependencies = new ArrayList<>();
		for (Map.Entry<String, List<String>> entry : matter.dependencies().entrySet()) {
			dependencies.add(new Dependency(entry.getKey(), entry.getValue()));
		}
		List<Question> questions = matter.situations()
			.stream()
			.map(s -> new Question(s.code(), Words.of(s.question()), s.type().name(),
					s.askedWhen() == null ? null : new Condition(s.askedWhen().situation(), s.askedWhen().anyOf()),
					s.options()
						.stream()
						.map(o -> new Choice(o.value(), Words.of(o.label()), effect(o.include()), effect(o.exclude())))
						.toList()))
			.toList();
		return new ComposedMatter(matter.code(), Words.of(matter.name()), matter.aliases(), matter.theme().name(),
				matter.applicantType().name(), matter.leadDepartmentType(),
				matter.national() == null ? null
						: new National(matter.national().batch(), matter.national().year(), matter.national().leadDepartmentType(),
								matter.national().cooperatingDepartmentTypes(), matter.national().stage().name()),
				matter.offeredIn().stream().map(r -> r.value()).toList(), matter.basedOn(), Words.of(matter.description()),
				lines, dependencies, questions, matter.assumption());
	}

	private static Effect effect(Matter.Effect effect) {
		return effect == null || (effect.items().isEmpty() && effect.materials().isEmpty()) ? null
				: new Effect(effect.items(), effect.materials());
	}

	private static <T> List<T> listOf(List<T> list) {
		return list == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(list));
	}
}
