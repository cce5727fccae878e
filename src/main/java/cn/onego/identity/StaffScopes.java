package cn.onego.identity;

import java.util.List;

import cn.onego.platform.FieldProblem;

/**
 * Where a staff member can be placed: a region of the catalogue, a hall that exists, a department that exists
 * within the region. Identity declares what it needs to know; the module that knows the halls and reads the
 * catalogue ({@code cases}) answers, so that identity depends on neither.
 */
public interface StaffScopes {

	/**
	 * What is wrong with the scope, field by field ({@code region}, {@code hall}, {@code department}); empty
	 * when it exists. A blank hall or department is not checked here (whether the role needs one is identity's
	 * rule); the region is well-formed when this is asked.
	 */
	List<FieldProblem> problemsOf(String region, String hall, String department);
}
