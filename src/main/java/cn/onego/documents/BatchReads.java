package cn.onego.documents;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseSnapshots;
import cn.onego.cases.CaseSnapshots.CaseWithTasks;
import cn.onego.cases.Task;
import cn.onego.cases.TaskId;
import cn.onego.platform.NotFound;

/**
 * The cases a batch of documents is about, each with its tasks, read once for the whole batch: all of them in one
 * statement when the batch starts, where each document had read its case (and a decision its task) on its own. What
 * else several documents of a batch ask the same (a clerk's name) is worked out once.
 */
final class BatchReads {

	private final CaseSnapshots snapshots;
	private final Map<CaseId, CaseWithTasks> read;
	private final Map<String, Optional<String>> remembered = new HashMap<>();

	BatchReads(CaseSnapshots snapshots, Collection<CaseId> cases) {
		this.snapshots = snapshots;
		this.read = new HashMap<>(snapshots.read(cases));
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
		CaseWithTasks found = read.computeIfAbsent(id, missing -> snapshots.read(List.of(missing)).get(missing));
		if (found == null) {
			throw new NotFound("办件", "Case", id.toString());
		}
		return found;
	}
}
