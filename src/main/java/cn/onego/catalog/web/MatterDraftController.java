package cn.onego.catalog.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.ComposedMatter;
import cn.onego.catalog.Enums;
import cn.onego.catalog.MatterComposer;
import cn.onego.catalog.MatterComposer.DraftView;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.platform.web.Refuses;
import cn.onego.shared.Label;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The matter composer's drafts and their four-eyes way into the catalogue. The live preview is the
 * application module's (it computes what guidance shows); this side stores and moves drafts.
 */
@RestController
@RequestMapping("/api/v1/admin/catalog")
@Tag(name = "Matter composer 一件事编排", description = "Matters composed from the catalogue's items: drafts, review by a second administrator, publication")
class MatterDraftController {

	private final MatterComposer composer;
	private final CatalogQueries catalog;

	MatterDraftController(MatterComposer composer, CatalogQueries catalog) {
		this.composer = composer;
		this.catalog = catalog;
	}

	/** A new draft: a composed matter, or the code of a matter in force to start from. */
	record NewDraft(ComposedMatter content, String from) {
	}

	record DraftChange(Integer version, ComposedMatter content) {
	}

	/** A step of the review: the draft's version as read, and the reason when sending it back. */
	record ReviewStep(Integer version, String reason) {
	}

	record ItemChoice(String code, Label name, String departmentType, Label departmentTypeName, int promisedLimit,
			int legalLimit, List<MaterialChoice> materials) {
	}

	record MaterialChoice(String code, Label name, boolean required) {
	}

	record Choices(long catalogueVersion, List<ItemChoice> items, List<String> themes, List<String> applicantTypes,
			List<String> situationTypes, List<CodeName> departmentTypes, List<CodeName> matters) {
	}

	record CodeName(String code, Label name) {
	}

	@GetMapping("/composer-choices")
	@Operation(summary = "What a matter can be composed of 编排可选项",
			description = "The items of the catalogue in force with their materials and limits, the themes, applicant types, situation types, department types and the matters in force (to start a draft from one).")
	Choices composerChoices() {
		Catalogue catalogue = catalog.catalogue();
		List<ItemChoice> items = catalogue.items()
			.stream()
			.map(i -> new ItemChoice(i.code(), i.name(), i.departmentType(),
					catalogue.departmentType(i.departmentType()).map(t -> t.name()).orElse(null), i.promisedLimit(),
					i.legalLimit(), i.materials()
						.stream()
						.map(m -> new MaterialChoice(m.material(),
								catalogue.material(m.material()).map(x -> x.name()).orElse(null), m.required()))
						.toList()))
			.toList();
		return new Choices(catalogue.version(), items, names(Enums.Theme.values()), names(Enums.ApplicantType.values()),
				names(Enums.SituationType.values()),
				catalogue.departmentTypes().stream().map(t -> new CodeName(t.code(), t.name())).toList(),
				catalogue.matters().stream().map(m -> new CodeName(m.code(), m.name())).toList());
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	@GetMapping("/matter-drafts")
	@Operation(summary = "Matter drafts, those not yet published first 一件事草稿")
	List<DraftView> matterDrafts() {
		return composer.drafts();
	}

	@PostMapping("/matter-drafts")
	@Operation(summary = "Start a matter draft 新建一件事草稿",
			description = "Either 'content' (a matter in the shape of a matter file, anything may still be missing or wrong) or 'from', the code of a matter in force to change. The author is the caller.")
	ResponseEntity<DraftView> startMatterDraft(@RequestBody NewDraft request, Principal who) {
		List<FieldProblem> problems = new ArrayList<>();
		String from = Text.check(problems, "from", request.from(), Text.Kind.LINE, Text.CODE);
		if (from == null && request.content() == null) {
			problems.add(new FieldProblem("content", "required", Message.of("请提供草稿内容或所依据的一件事", "give the draft's content or the matter to start from")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		DraftView started = from != null ? composer.startFrom(from, who.getName()) : composer.start(request.content(), who.getName());
		return ResponseEntity.status(HttpStatus.CREATED).body(started);
	}

	@GetMapping("/matter-drafts/{id}")
	@Operation(summary = "A matter draft")
	DraftView matterDraft(@PathVariable UUID id) {
		return composer.draft(id);
	}

	@PutMapping("/matter-drafts/{id}")
	@Operation(summary = "Save a matter draft 保存草稿", description = "Only its author, only while it is a draft; 'version' is the draft's version as read.")
	@Refuses(status = 403, code = "not-the-author", when = "the caller did not write the draft")
	@Refuses(status = 409, code = "draft-state", when = "the draft is in review or published")
	@Refuses(status = 409, code = "stale-draft", when = "the draft changed since it was read")
	DraftView saveMatterDraft(@PathVariable UUID id, @RequestBody DraftChange change, Principal who) {
		List<FieldProblem> problems = new ArrayList<>();
		if (change.content() == null) {
			problems.add(new FieldProblem("content", "required", Message.of("缺少草稿内容", "the draft's content is missing")));
		}
		int version = version(problems, change.version());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return composer.save(id, version, change.content(), who.getName());
	}

	@PostMapping("/matter-drafts/{id}/submission")
	@Operation(summary = "Submit a draft for review 提交审核", description = "By its author; the catalogue must accept the draft.")
	@Refuses(status = 403, code = "not-the-author", when = "the caller did not write the draft")
	@Refuses(status = 409, code = "draft-state", when = "the draft is not being composed")
	@Refuses(status = 409, code = "stale-draft", when = "the draft changed since it was read")
	@Refuses(status = 422, code = "draft-rejected", when = "the catalogue does not accept the draft: every error at its place in the draft")
	DraftView submitMatterDraft(@PathVariable UUID id, @RequestBody ReviewStep step, Principal who) {
		return composer.submit(id, checkedVersion(step), who.getName());
	}

	@PostMapping("/matter-drafts/{id}/approval")
	@Operation(summary = "Approve and publish a draft 审核发布", description = "By a catalogue administrator other than its author (four eyes): the matter is imported into the catalogue.")
	@Refuses(status = 403, code = "four-eyes", when = "the caller wrote the draft")
	@Refuses(status = 409, code = "draft-state", when = "the draft is not in review")
	@Refuses(status = 409, code = "stale-draft", when = "the draft changed since it was read")
	@Refuses(status = 422, code = "draft-rejected", when = "the catalogue no longer accepts the draft")
	DraftView approveMatterDraft(@PathVariable UUID id, @RequestBody ReviewStep step, Principal who) {
		return composer.publish(id, checkedVersion(step), who.getName());
	}

	@PostMapping("/matter-drafts/{id}/send-back")
	@Operation(summary = "Send a draft back to its author 退回修改", description = "By a catalogue administrator other than its author, with the reason.")
	@Refuses(status = 403, code = "four-eyes", when = "the caller wrote the draft")
	@Refuses(status = 409, code = "draft-state", when = "the draft is not in review")
	@Refuses(status = 409, code = "stale-draft", when = "the draft changed since it was read")
	DraftView sendMatterDraftBack(@PathVariable UUID id, @RequestBody ReviewStep step, Principal who) {
		List<FieldProblem> problems = new ArrayList<>();
		int version = version(problems, step.version());
		String reason = Text.check(problems, "reason", step.reason(), Text.Kind.FREE_TEXT, Text.REASON);
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "required", Message.of("请说明退回的理由", "give the reason for sending it back")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return composer.sendBack(id, version, who.getName(), reason.trim());
	}

	private static int checkedVersion(ReviewStep step) {
		List<FieldProblem> problems = new ArrayList<>();
		int version = version(problems, step.version());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return version;
	}

	private static int version(List<FieldProblem> problems, Integer version) {
		if (version == null || version < 0) {
			problems.add(new FieldProblem("version", "required", Message.of("缺少草稿版本号", "the draft's version is missing")));
			return -1;
		}
		return version;
	}
}
