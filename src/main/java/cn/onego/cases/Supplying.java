package cn.onego.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.onego.application.Attachments;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseFile.Gap;
import cn.onego.identity.Actor;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;

/**
 * 补正: the applicant (or the window for them) supplies what was asked, attachments by material. Before acceptance
 * the case goes back to the queue; while it runs, the tasks waiting for it resume and the gaps supplied close.
 */
@Component
class Supplying {

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CaseAccess access;
	private final Attachments attachments;
	private final Submissions submissions;
	private final TaskClocks clocks;
	private final CaseProgression progression;
	private final SuppliedFiles suppliedFiles;
	private final Clock clock;

	Supplying(Cases cases, CaseTransactions transactions, CaseAccess access, Attachments attachments, Submissions submissions,
			TaskClocks clocks, CaseProgression progression, SuppliedFiles suppliedFiles, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.access = access;
		this.attachments = attachments;
		this.submissions = submissions;
		this.clocks = clocks;
		this.progression = progression;
		this.suppliedFiles = suppliedFiles;
		this.clock = clock;
	}

	CaseFile supply(Actor actor, CaseId caseId, Map<String, String> supplied, String note) {
		return transactions.run("办件", () -> {
			Changes changes = cases.toChange(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
			CaseFile c = changes.caseFile();
			if (!access.maySupply(actor, c)) {
				throw new NotFound("办件", "Case", caseId.toString()); // before anything about the request is said
			}
			requireValid(actor, supplied, note);
			Map<String, String> files = supplied == null ? Map.of() : supplied;
			attachments.refer(actor.username(), files.values());
			Act act = new Act(actor.username(), clock.instant());
			StepMessage detail = StepMessage.of(HistoryText.SUPPLIED, "materials", List.copyOf(files.keySet()), "note",
					note == null ? null : note.trim());
			if (c.state() == CaseState.AWAITING_SUPPLEMENT) {
				changes.apply(c.supplied(c.terms().gaps(), detail, act));
				return kept(cases.save(changes).caseFile(), files, actor, act);
			}
			c.state().after(CaseState.Action.SUPPLY);
			List<Gap> gaps = c.terms().gaps().stream()
				.map(g -> g.open() && files.containsKey(g.material()) ? new Gap(g.material(), g.name(), files.get(g.material())) : g)
				.toList();
			IllegalTransition.check(!c.supplements().requests().isEmpty() || !gaps.equals(c.terms().gaps()),
					"办件（没有待补正的内容）", c.state(), CaseState.Action.SUPPLY.zh());
			changes.apply(c.supplied(gaps, detail, act));
			for (Task t : changes.tasks()) {
				if (t.state() == TaskState.AWAITING_SUPPLEMENT) {
					changes.apply(t.resume(StepMessage.of(HistoryText.RESUMED_SUPPLIED), act)
						.adjusted(after -> clocks.clocked(t, after, c.place().region(), clocks.day(act.at()))));
				}
			}
			CaseFile now = changes.caseFile();
			progression.advance(changes, act, () -> submissions.submitted(now.applicationId()), false);
			return kept(cases.save(changes).caseFile(), files, actor, act);
		});
	}

	/**
	 * The supplied files kept with the case once its save went through (a lost race throws before this and the
	 * transaction's next run keeps them), so that those who handle it can open them.
	 */
	private CaseFile kept(CaseFile saved, Map<String, String> files, Actor actor, Act act) {
		suppliedFiles.record(saved.id(), files, actor.username(), CaseFiles.Uploader.of(actor, saved), act.at());
		return saved;
	}

	private void requireValid(Actor actor, Map<String, String> supplied, String note) {
		List<FieldProblem> problems = new ArrayList<>();
		Text.check(problems, "note", note, Kind.FREE_TEXT, Text.REASON);
		if (supplied != null && supplied.size() > Requests.MAX_ENTRIES) {
			problems.add(new FieldProblem("attachments", "too-many",
					Message.of("至多" + Requests.MAX_ENTRIES + "项", "at most " + Requests.MAX_ENTRIES + " entries")));
		}
		else if (supplied != null) {
			supplied.forEach((key, hash) -> {
				Text.check(problems, "attachments", key, Kind.LINE, Requests.SUBJECT);
				if (hash == null || hash.isBlank()) {
					problems.add(new FieldProblem("attachments." + shortened(key), "required", Message.of("请上传文件", "upload the file")));
				}
			});
			Map<String, String> shortened = new LinkedHashMap<>();
			supplied.forEach((key, hash) -> shortened.put(shortened(key), hash));
			problems.addAll(attachments.problemsOfReferences(actor.username(), "attachments", shortened));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static String shortened(String key) {
		return key == null ? "" : key.length() > Text.CODE ? key.substring(0, Text.CODE) + "…" : key;
	}
}
