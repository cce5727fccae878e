package cn.onego.application.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.application.Answers;
import cn.onego.application.Guidance;
import cn.onego.application.Guidance.RegionReport;
import cn.onego.application.MaterialList.RequiredMaterial;
import cn.onego.application.MaterialSources;
import cn.onego.application.MergedForm;
import cn.onego.application.ReductionMetrics;
import cn.onego.application.Resolution;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.RequestValues;
import cn.onego.platform.Message;
import cn.onego.shared.Label;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Guidance 情形引导", description = "The consequences of every answer: items, merged form, materials, reduction metrics")
class GuidanceController {

	private final Guidance guidance;
	private final CatalogQueries catalog;

	GuidanceController(Guidance guidance, CatalogQueries catalog) {
		this.guidance = guidance;
		this.catalog = catalog;
	}

	/** The answers so far and the materials the applicant offers to replace by a signed commitment. */
	record GuidanceRequest(Map<String, List<String>> answers, Set<String> commitments) {
	}

	record QuestionView(String code, Label question, Enums.SituationType type, List<Matter.Option> options,
			List<String> answer, boolean open) {
	}

	record ItemView(String code, Label name, String departmentType, Label departmentTypeName, boolean mandatory,
			int promisedLimit, boolean instant, List<String> needs) {
	}

	record ResolutionView(Resolution.Source source, Message explanation) {
	}

	record MaterialView(String code, Label name, Enums.MaterialKind kind, List<String> neededBy, boolean required,
			boolean gapAllowed, boolean commitmentAllowed, int originals, int copies, ResolutionView resolution) {

		static MaterialView of(RequiredMaterial m) {
			return new MaterialView(m.material(), m.name(), m.kind(), m.neededBy(), m.required(), m.gapAllowed(),
					m.commitmentAllowed(), m.originals(), m.copies(),
					new ResolutionView(m.resolution().source(), m.resolution().explanation()));
		}
	}

	record GuidanceView(String matter, Label name, long catalogueVersion, boolean complete, List<QuestionView> questions,
			List<ItemView> items, MergedForm form, List<MaterialView> materials, ReductionMetrics metrics,
			List<FieldProblem> problems) {
	}

	@PostMapping("/matters/{code}/guidance")
	@Operation(summary = "Answer situation questions 情形引导",
			description = "Send the answers given so far; get the questions that apply (open ones flagged), the applicable items, the merged form, the material list with how each material is resolved, and the reduction metrics. Without an applicant, materials show what the government can obtain by the catalogue.")
	GuidanceView guide(@PathVariable String code, @RequestBody(required = false) GuidanceRequest request) {
		Answers answers = new Answers(request == null || request.answers() == null ? Map.of() : request.answers());
		Set<String> commitments = request == null || request.commitments() == null ? Set.of() : request.commitments();
		Guidance.Outcome outcome = guidance.guide(code, answers, commitments, MaterialSources.AS_CATALOGUED);
		return view(outcome, answers);
	}

	@GetMapping("/matters/{code}/metrics")
	@Operation(summary = "Reduction metrics of a matter 减材料、减环节、减时限、减跑动", description = "For the matter's default answers; POST …/guidance for other answers. "
			+ "`workingDaysBefore` gives the working days before both ways (legal and promised limits one after another; `before.workingDays` is the promised one), "
			+ "`registries` the materials after with the registries this deployment really reaches (configured, and live: answering now), per registry, "
			+ "and `measured` what issued cases of the last year in all regions took (absent when none).")
	ReductionMetrics metrics(@PathVariable String code) {
		return guidance.metricsOf(catalog.catalogue(), catalog.matter(code));
	}

	@GetMapping("/metrics/regions/{region}")
	@Operation(summary = "Reduction metrics of every matter offered in a region, and their aggregate",
			description = "Each matter as GET /matters/{code}/metrics, its `measured` figures from the issued cases of the region and the regions within it.")
	RegionReport regionMetrics(@PathVariable String region) {
		return guidance.regionReport(RequestValues.regionCode("region", region));
	}

	private GuidanceView view(Guidance.Outcome outcome, Answers answers) {
		Catalogue catalogue = catalog.catalogue();
		Matter matter = outcome.matter();
		List<QuestionView> questions = outcome.applicability()
			.asked()
			.stream()
			.map(s -> new QuestionView(s.code(), s.question(), s.type(), s.options(), answers.of(s.code()),
					outcome.applicability().open().contains(s)))
			.toList();
		List<ItemView> items = outcome.applicability().items().stream().map(code -> {
			Item item = catalogue.item(code).orElseThrow();
			boolean mandatory = matter.items().stream().filter(l -> l.item().equals(code)).findFirst().orElseThrow().mandatory();
			return new ItemView(code, item.name(), item.departmentType(),
					catalogue.departmentType(item.departmentType()).orElseThrow().name(), mandatory, item.promisedLimit(),
					item.instant(), matter.prerequisitesOf(code)
						.stream()
						.filter(outcome.applicability().items()::contains)
						.toList());
		}).toList();
		return new GuidanceView(matter.code(), matter.name(), outcome.catalogueVersion(), outcome.applicability().complete(),
				questions, items, outcome.form(), outcome.materials().materials().stream().map(MaterialView::of).toList(),
				outcome.metrics(), outcome.applicability().problems());
	}
}
