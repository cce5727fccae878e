package cn.onego.cases;

import java.util.List;

/**
 * The work waiting now, as operators watch it: the cases in each hall's queue by state, and the running
 * tasks in each department's queue by state and colour. Counted from partial indexes over open work only
 * (V36), so the cost follows the open work, not the history.
 */
public record Workload(List<HallQueue> halls, List<DepartmentQueue> departments) {

	public Workload {
		halls = List.copyOf(halls);
		departments = List.copyOf(departments);
	}

	/** Cases of a hall in a state the window has to act on (awaiting acceptance or supplement, ready to issue). */
	public record HallQueue(String hall, CaseState state, long cases) {
	}

	/** Running tasks (pending or claimed) of a department, by state and deadline colour. */
	public record DepartmentQueue(String department, TaskState state, String colour, long tasks) {
	}
}
