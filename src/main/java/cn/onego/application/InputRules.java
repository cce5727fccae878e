package cn.onego.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.FieldValues;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;

/**
 * What an application's input may hold at all, checked where it enters — for a draft as for a submission —
 * before anything is stored: only the matter's own situation questions and options, the data elements of
 * the matter's items (so that a body of 50,000 made-up keys is refused, not stored), its materials, and text of
 * the kind and length each field needs. Whether the application is complete and every value valid for its
 * type is the submission's check ({@link Submissions#validate}); a draft may be incomplete, never oversized.
 */
final class InputRules {

	private InputRules() {
	}

	/** Values of these types have one meaning only; a draft may not hold a date of year 9999 or a price of 1e309 either. */
	private static final Set<ElementType> STRUCTURED = java.util.EnumSet.of(ElementType.DATE, ElementType.NUMBER,
			ElementType.INTEGER, ElementType.MONEY, ElementType.AREA_M2, ElementType.BOOLEAN);

	static List<FieldProblem> problemsOf(ApplicationInput input, Catalogue catalogue, Matter matter, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		Text.check(problems, "matter", input.matter(), Kind.LINE, Text.CODE);
		Text.check(problems, "region", input.region(), Kind.LINE, 12);
		Text.check(problems, "park", input.park(), Kind.LINE, Text.CODE);
		Text.check(problems, "acceptingHall", input.acceptingHall(), Kind.LINE, Text.CODE);
		if (input.applicant() != null) {
			String id = input.applicant().id();
			boolean valid = id == null || (input.applicant().kind() == ApplicantType.ENTERPRISE ? CreditCode.isValid(id)
					: IdNumber.isValid(id));
			if (!valid) {
				problems.add(new FieldProblem("applicant.id", "check-digit", Message.of(
						"申请人证件号码无效（公民身份号码或统一社会信用代码的校验码不符）",
						"not a valid identifier of the applicant (check digit of the ID number or credit code)")));
			}
			Text.check(problems, "applicant.name", input.applicant().name(), Kind.LINE,
					input.applicant().kind() == ApplicantType.ENTERPRISE ? Text.ORGANISATION : Text.NAME);
		}
		if (input.delivery() != null) {
			Text.check(problems, "delivery.recipient", input.delivery().recipient(), Kind.LINE, Text.NAME);
			Text.check(problems, "delivery.mobile", input.delivery().mobile(), Kind.LINE, 20);
			Text.check(problems, "delivery.address", input.delivery().address(), Kind.LINE, Text.ADDRESS);
		}
		if (matter == null) {
			return problems;
		}
		answers(input.answers(), matter, problems);
		Map<String, DataElement> elements = new HashMap<>();
		Set<String> materials = new LinkedHashSet<>();
		for (Matter.MatterItem line : matter.items()) {
			Item item = catalogue.item(line.item()).orElseThrow();
			item.fields().forEach(f -> catalogue.element(f.element()).ifPresent(e -> elements.put(e.code(), e)));
			item.materials().forEach(m -> materials.add(m.material()));
		}
		if (input.form() != null) {
			input.form().forEach((code, value) -> {
				DataElement element = elements.get(code);
				if (element == null) {
					problems.add(notInForm("form", code));
					return;
				}
				Integer own = element.validation() == null ? null : element.validation().maxLength();
				int max = own == null ? Text.FORM_VALUE : Math.min(own, Text.FORM_VALUE);
				String text = Text.check(problems, "form." + code, value, element.type() == ElementType.TEXT ? Kind.FREE_TEXT : Kind.LINE, max);
				if (text != null && !text.isEmpty() && STRUCTURED.contains(element.type())) {
					FieldValues.problem(code, element.type(), element.validation(), element.options(), text, today)
						.ifPresent(m -> problems.add(new FieldProblem("form." + code, "invalid", m)));
				}
			});
		}
		if (input.corrections() != null) {
			input.corrections().forEach((code, reason) -> {
				if (!elements.containsKey(code)) {
					problems.add(notInForm("corrections", code));
					return;
				}
				Text.check(problems, "corrections." + code, reason, Kind.FREE_TEXT, Text.REASON);
			});
		}
		if (input.commitments() != null) {
			input.commitments().stream().filter(code -> !materials.contains(code))
				.forEach(code -> problems.add(unknownMaterial("commitments", code)));
		}
		if (input.attachments() != null) {
			input.attachments().forEach((code, hash) -> {
				if (!materials.contains(code)) {
					problems.add(unknownMaterial("attachments", code));
				}
				else if (hash != null && !hash.isBlank() && !Attachments.isHash(hash)) {
					problems.add(new FieldProblem("attachments." + code, "not-found", Message.of(
							"文件引用应为上传时返回的 64 位哈希值", "refer to a file by the 64-digit hash its upload returned")));
				}
			});
		}
		return shortened(problems);
	}

	/** At most 50 problems are listed: a request of thousands of made-up keys gets a short answer. */
	private static List<FieldProblem> shortened(List<FieldProblem> problems) {
		if (problems.size() <= 50) {
			return problems;
		}
		List<FieldProblem> first = new ArrayList<>(problems.subList(0, 50));
		first.add(new FieldProblem("body", "too-many-problems", Message.of("另有 " + (problems.size() - 50) + " 处问题未列出",
				(problems.size() - 50) + " more problems are not listed")));
		return first;
	}

	private static void answers(Map<String, List<String>> answers, Matter matter, List<FieldProblem> problems) {
		if (answers == null) {
			return;
		}
		answers.forEach((code, values) -> {
			Matter.Situation situation = matter.situations().stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
			if (situation == null) {
				problems.add(new FieldProblem(field("answers", code), "unknown-situation", Message.of("此一件事没有这个情形问题",
						"this matter has no such question")));
				return;
			}
			List<String> chosen = values == null ? List.of() : values;
			if (chosen.size() > situation.options().size()
					|| !chosen.stream().allMatch(v -> situation.options().stream().anyMatch(o -> o.value().equals(v)))) {
				problems.add(new FieldProblem("answers." + code, "unknown-option", Message.of("回答应为该问题的选项",
						"an answer is one of the question's options")));
			}
		});
	}

	private static FieldProblem notInForm(String prefix, String code) {
		return new FieldProblem(field(prefix, code), "not-in-form", Message.of("此一件事的表单没有此项",
				"the form of this matter has no such field"));
	}

	private static FieldProblem unknownMaterial(String prefix, String code) {
		return new FieldProblem(field(prefix, code), "unknown-material", Message.of("此一件事没有这项材料",
				"this matter asks for no such material"));
	}

	/** The field path of a key the applicant sent: shortened, so that a made-up key is not echoed at length. */
	private static String field(String prefix, String key) {
		return prefix + "." + (key.length() > Text.CODE ? key.substring(0, Text.CODE) + "…" : key);
	}
}
