package cn.onego.cases;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Many cases with their tasks, read in one statement: for the modules that work through batches of cases (the
 * documents' worker) and would otherwise read each case once for every thing they make of it. Callers check who may
 * see what they make.
 */
@Service
public class CaseSnapshots {

	/** A case and its tasks as they were read together. */
	public record CaseWithTasks(CaseFile caseFile, List<Task> tasks) {

		public CaseWithTasks {
			tasks = List.copyOf(tasks);
		}

		public Optional<Task> task(TaskId id) {
			return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
		}
	}

	private final Cases cases;

	CaseSnapshots(Cases cases) {
		this.cases = cases;
	}

	/** The cases found among {@code ids}, with their tasks; a case not found is not in the map. */
	public Map<CaseId, CaseWithTasks> read(Collection<CaseId> ids) {
		Map<CaseId, CaseWithTasks> read = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			cases.changes(ids).forEach((id, changes) -> read.put(id, new CaseWithTasks(changes.caseFile(), changes.tasks())));
		}
		return read;
	}
}
