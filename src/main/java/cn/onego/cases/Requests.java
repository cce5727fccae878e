package cn.onego.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;

/**
 * What the window's and the departments' requests must look like before anything is decided on them: lists of
 * codes, requests to supply something, reasons — each refused with every problem named, in Chinese and English.
 */
final class Requests {

	private Requests() {
	}

	/** The most entries a list or map of a window's or a department's decision may have. */
	static final int MAX_ENTRIES = 50;

	/** The longest subject of a supplement request (a material, or a short description). */
	static final int SUBJECT = 200;

	/** The gaps and commitments of an acceptance: codes, at most {@value #MAX_ENTRIES} of each. */
	static void requireCodes(List<String> gaps, List<String> commitments) {
		List<FieldProblem> problems = new ArrayList<>();
		codes(problems, "gaps", gaps);
		codes(problems, "commitments", commitments);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** 一次性告知: every request names what and why; returned trimmed, with who asked (and for which task). */
	static List<SupplementRequest> supplementRequests(List<SupplementRequest> requests, String by, String task) {
		if (requests == null || requests.isEmpty()) {
			throw InvalidInput.of("requests", "required", Message.of("请列出需要补正的全部内容及原因", "list everything to supply, with the reason"));
		}
		if (requests.size() > MAX_ENTRIES) {
			throw InvalidInput.of("requests", "too-many", Message.of("至多" + MAX_ENTRIES + "项", "at most " + MAX_ENTRIES + " entries"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			SupplementRequest r = requests.get(i);
			if (r == null || r.subject() == null || r.subject().isBlank() || r.why() == null || r.why().isBlank()) {
				problems.add(new FieldProblem("requests[" + i + "]", "required", Message.of("每项补正须写明内容和原因", "each request names what and why")));
				continue;
			}
			Text.check(problems, "requests[" + i + "].subject", r.subject(), Kind.LINE, SUBJECT);
			Text.check(problems, "requests[" + i + "].why", r.why(), Kind.FREE_TEXT, Text.REASON);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return requests.stream().map(r -> new SupplementRequest(r.subject().trim(), r.why().trim(), by, task)).toList();
	}

	/** The requests as the history says them: what (a material's code, or a description) and why. */
	static StepMessage describe(List<SupplementRequest> requests) {
		return StepMessage.of(HistoryText.SUPPLEMENT_REQUESTED, "requests",
				requests.stream().map(r -> Map.of("subject", r.subject(), "why", r.why())).toList());
	}

	/** A reason, a legal basis, a finding: required, free text of a reason's length. */
	static void requireText(String field, String value, String zh, String en) {
		if (value == null || value.isBlank()) {
			throw InvalidInput.of(field, "required", Message.of(zh, en));
		}
		Text.require(field, value, Kind.FREE_TEXT, Text.REASON);
	}

	private static void codes(List<FieldProblem> problems, String field, List<String> codes) {
		if (codes == null) {
			return;
		}
		if (codes.size() > MAX_ENTRIES) {
			problems.add(new FieldProblem(field, "too-many", Message.of("至多" + MAX_ENTRIES + "项", "at most " + MAX_ENTRIES + " entries")));
			return;
		}
		for (int i = 0; i < codes.size(); i++) {
			if (codes.get(i) == null) {
				problems.add(new FieldProblem(field + "[" + i + "]", "required", Message.of("不能为空", "cannot be empty")));
				continue;
			}
			Text.check(problems, field + "[" + i + "]", codes.get(i), Kind.LINE, Text.CODE);
		}
	}
}
