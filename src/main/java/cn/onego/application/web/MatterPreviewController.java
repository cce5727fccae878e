package cn.onego.application.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.application.Answers;
import cn.onego.application.Guidance;
import cn.onego.application.MaterialSources;
import cn.onego.application.MergedForm;
import cn.onego.application.ReductionMetrics;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.ComposedMatter;
import cn.onego.catalog.Enums;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.catalog.MatterComposer;
import cn.onego.catalog.MatterComposer.Composed;
import cn.onego.catalog.MatterComposer.DraftError;
import cn.onego.catalog.MatterComposer.Refused;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.shared.Label;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The matter composer's live preview: a draft tried against the catalogue in force (by the catalogue's own
 * reader) and, when it is accepted, what guidance would show for it — computed by the same {@link Guidance}
 * the public API uses, so that the preview is what applicants will see. Here, not in the catalogue module,
 * because the catalogue must not depend on the application module that reads it. Stores nothing.
 */
@RestController
@RequestMapping("/api/v1/admin/catalog")
@Tag(name = "Matter composer 一件事编排")
class MatterPreviewController {

	private final MatterComposer composer;
	private final Guidance guidance;

	MatterPreviewController(MatterComposer composer, Guidance guidance) {
		this.composer = composer;
		this.guidance = guidance;
	}

	/**
	 * @param content the draft as the page holds it
	 * @param replaces the code of the matter in force the draft changes, or null for a new matter
	 * @param answers situation answers to preview with (none: the items marked included)
	 */
	record PreviewRequest(ComposedMatter content, String replaces, Map<String, List<String>> answers) {
	}

	record QuestionView(String code, Label question, Enums.SituationType type, List<Matter.Option> options,
			List<String> answer, boolean open) {
	}

	/** An applicable item and when it would start and finish (working days) if each starts once its prerequisites are done. */
	record ItemView(String code, Label name, String departmentType, boolean mandatory, int promisedLimit, List<String> needs,
			int startsOnDay, int finishesOnDay, boolean critical) {
	}

	record MaterialView(String code, Label name, List<String> neededBy, boolean required, String resolution,
			Message explanation) {
	}

	record PathView(List<String> items, int workingDays) {
	}

	/** Either the errors, each at its place in the draft, or what guidance would show. */
	record Preview(boolean valid, List<DraftError> errors, List<QuestionView> questions, List<ItemView> items,
			PathView criticalPath, MergedForm form, List<MaterialView> materials, ReductionMetrics metrics,
			List<FieldProblem> answerProblems) {

		static Preview refused(List<DraftError> errors) {
			return new Preview(false, errors, List.of(), List.of(), null, null, List.of(), null, List.of());
		}
	}

	@PostMapping("/matter-drafts/preview")
	@Operation(summary = "Preview a matter draft 草稿实时预览",
			description = "Tries the draft against the catalogue in force, storing nothing. An invalid draft gives valid=false and every error with its place in the draft (part, a path in the draft's JSON such as dependencies or items[2].item) in Chinese and English; a valid one gives, for the answers sent, the questions, the applicable items with their schedule, the critical path in working days, the merged form, the material list and the reduction metrics, as guidance would show them.")
	Preview previewMatterDraft(@RequestBody PreviewRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String replaces = Text.check(problems, "replaces", request.replaces(), Text.Kind.LINE, Text.CODE);
		if (request.content() == null) {
			problems.add(new FieldProblem("content", "required", Message.of("缺少草稿内容", "the draft's content is missing")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		MatterComposer.Trial trial = composer.trial(request.content(), replaces == null || replaces.isBlank() ? null : replaces);
		if (trial instanceof Refused refused) {
			return Preview.refused(refused.errors());
		}
		Composed composed = (Composed) trial;
		Catalogue catalogue = composed.catalogue();
		Matter matter = composed.matter();
		Answers answers = request.answers() == null || request.answers().isEmpty() ? Guidance.typicalAnswers(matter)
				: new Answers(request.answers());
		Guidance.Outcome outcome = Guidance.guide(catalogue, matter, answers, Set.of(), MaterialSources.AS_CATALOGUED);
		List<String> applicable = outcome.applicability().items();
		Set<String> critical = Set.copyOf(outcome.metrics().criticalPath());
		Map<String, Integer> finish = new HashMap<>();
		List<ItemView> items = applicable.stream().map(code -> {
			Item item = catalogue.item(code).orElseThrow();
			List<String> needs = matter.prerequisitesOf(code).stream().filter(applicable::contains).toList();
			int start = startOf(code, applicable, matter, catalogue, finish);
			boolean mandatory = matter.items().stream().anyMatch(l -> l.item().equals(code) && l.mandatory());
			return new ItemView(code, item.name(), item.departmentType(), mandatory, item.promisedLimit(), needs, start,
					start + item.promisedLimit(), critical.contains(code));
		}).toList();
		List<QuestionView> questions = outcome.applicability()
			.asked()
			.stream()
			.map(s -> new QuestionView(s.code(), s.question(), s.type(), s.options(), answers.of(s.code()),
					outcome.applicability().open().contains(s)))
			.toList();
		List<MaterialView> materials = outcome.materials()
			.materials()
			.stream()
			.map(m -> new MaterialView(m.material(), m.name(), m.neededBy(), m.required(), m.resolution().source().name(),
					m.resolution().explanation()))
			.toList();
		return new Preview(true, List.of(), questions, items,
				new PathView(outcome.metrics().criticalPath(), outcome.metrics().after().workingDays()), outcome.form(),
				materials, guidance.withThisDeploymentsRegistries(outcome), outcome.applicability().problems());
	}

	/** The working day an item can start: when the last of its applicable prerequisites is done. */
	private static int startOf(String code, List<String> applicable, Matter matter, Catalogue catalogue,
			Map<String, Integer> finish) {
		int start = 0;
		for (String prerequisite : matter.prerequisitesOf(code)) {
			if (applicable.contains(prerequisite)) {
				start = Math.max(start, finishOf(prerequisite, applicable, matter, catalogue, finish));
			}
		}
		return start;
	}

	private static int finishOf(String code, List<String> applicable, Matter matter, Catalogue catalogue,
			Map<String, Integer> finish) {
		Integer known = finish.get(code);
		if (known == null) {
			known = startOf(code, applicable, matter, catalogue, finish) + catalogue.item(code).orElseThrow().promisedLimit();
			finish.put(code, known);
		}
		return known;
	}
}
