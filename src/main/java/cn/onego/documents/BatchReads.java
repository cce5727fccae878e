package cn.onego.documents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.CaseSnapshots;
import cn.onego.cases.CaseSnapshots.CaseWithTasks;
import cn.onego.cases.Task;
import cn.onego.cases.TaskId;
import cn.onego.platform.NotFound;

/**
 * What the documents of a batch say about their cases, read once for the whole batch, where each document had read it
 * on its own: the cases with their tasks and query codes in one statement when the batch starts; who took one kind of
 * step (accepted, issued) in all the batch's cases in one statement, the first time a document asks; the applications
 * of the batch's acceptances (whose notices list what was received) likewise. What else several documents of a batch
 * ask the same (a clerk's name) is worked out once.
 */
final class BatchReads {

	/** Where a batch reads: the cases' and the applications' public queries. */
	@Component
	record Sources(CaseSnapshots snapshots, CaseQueries cases, Submissions submissions) {

		/** The reads of a batch of these events' documents. */
		BatchReads of(List<CaseEvent> events) {
			return new BatchReads(this, events);
		}
	}

	private final Sources sources;
	private final Set<CaseId> batch;
	private final List<UUID> acceptedApplications;
	private final Map<CaseId, CaseWithTasks> read;
	private final Map<String, Map<CaseId, String>> lastActors = new HashMap<>();
	private Map<UUID, ApplicationRecord> applications;
	private final Map<String, Optional<String>> remembered = new HashMap<>();

	private BatchReads(Sources sources, List<CaseEvent> events) {
		this.sources = sources;
		this.batch = events.stream().map(CaseEvent::caseId).collect(Collectors.toUnmodifiableSet());
		this.read = new HashMap<>(sources.snapshots().read(batch));
		this.acceptedApplications = events.stream().filter(CaseAccepted.class::isInstance).map(e -> read.get(e.caseId()))
			.filter(Objects::nonNull).map(w -> w.caseFile().applicationId()).toList();
	}

	CaseFile caseFile(CaseId id) {
		return of(id).caseFile();
	}

	List<Task> tasks(CaseId id) {
		return of(id).tasks();
	}

	Task task(CaseId caseId, TaskId taskId) {
		return of(caseId).task(taskId).orElseThrow(() -> new NotFound("子件", "Task", taskId.toString()));
	}

	/** The query code on the case's receipt: as read with the case, or made now for a case opened before codes. */
	String queryCode(CaseId id) {
		String code = of(id).queryCode();
		return code != null ? code : sources.cases().queryCode(id);
	}

	/** Who took the case's latest step of the action: that step of all the batch's cases read at the first ask. */
	Optional<String> lastActor(CaseId id, String action) {
		if (!batch.contains(id)) {
			return sources.cases().lastActor(id, action);
		}
		return Optional.ofNullable(lastActors.computeIfAbsent(action, a -> sources.cases().lastActors(batch, a)).get(id));
	}

	/** The case's submitted application: those of all the batch's acceptances read at the first ask. */
	ApplicationRecord application(CaseFile c) {
		if (applications == null) {
			applications = new HashMap<>(sources.submissions().submitted(acceptedApplications));
		}
		ApplicationRecord found = applications.get(c.applicationId());
		return found != null ? found : sources.submissions().submitted(c.applicationId());
	}

	/** What {@code work} gives for the key, worked out the first time the batch asks. */
	String remembered(String key, Supplier<String> work) {
		return rememberedOptional(key, () -> Optional.of(work.get())).orElseThrow();
	}

	Optional<String> rememberedOptional(String key, Supplier<Optional<String>> work) {
		Optional<String> known = remembered.get(key);
		if (known == null) {
			known = work.get();
			remembered.put(key, known);
		}
		return known;
	}

	private CaseWithTasks of(CaseId id) {
		CaseWithTasks found = read.computeIfAbsent(id, missing -> sources.snapshots().read(List.of(missing)).get(missing));
		if (found == null) {
			throw new NotFound("办件", "Case", id.toString());
		}
		return found;
	}
}
