package cn.onego.cases;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Department;
import cn.onego.identity.Actor;
import cn.onego.platform.NotFound;
import cn.onego.sharing.Representation;

/**
 * Whose cases an actor reaches — the scope rules of the case flow, applied where cases and tasks are read
 * and changed, not only by the routes. A case is seen by its applicant and whoever filed it for them (or
 * holds their authorisation), the windows of its hall, the departments that hold one of its tasks, and the
 * supervisors of its region and above — for a case received in another region (跨域通办), those of the accepting
 * region too; nobody else learns that it exists (404). Deciding a task belongs to
 * its department's reviewers and head.
 */
@Component
class CaseAccess {

	private final Representation representation;
	private final CatalogQueries catalog;
	private final Cases cases;

	CaseAccess(Representation representation, CatalogQueries catalog, Cases cases) {
		this.representation = representation;
		this.catalog = catalog;
		this.cases = cases;
	}

	/**
	 * The case with its tasks, for a window action of the clerk on the version they read: whose case it is comes
	 * before what is wrong with the request — a clerk of another hall learns nothing, not even that it exists.
	 */
	Changes atWindow(Actor clerk, CaseId caseId, int version) {
		Changes changes = cases.toChange(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
		requireWindow(clerk, changes.caseFile());
		if (changes.caseFile().version() != version) {
			throw new ConcurrentChange("办件", version);
		}
		return changes;
	}

	/** The case of the task with all its tasks, for a decision of one of the task's department (others: not found). */
	Changes ofTask(Actor reviewer, TaskId taskId) {
		Changes changes = cases.toChangeOfTask(taskId).orElseThrow(() -> new NotFound("子件", "Task", taskId.toString()));
		requireDepartment(reviewer, changes.task(taskId));
		return changes;
	}

	/** Whether the actor may read the case, given its tasks. */
	boolean mayRead(Actor actor, CaseFile c, List<Task> tasks) {
		return mayReadSubmission(actor, c, tasks) || actor.supervises(c.place().region().value())
				|| actor.supervises(c.place().acceptingRegion().value());
	}

	/**
	 * Whether the actor may read what was submitted (the form, the materials): those who handle the case or
	 * applied; supervisors see the case's progress, not the applicant's personal data.
	 */
	boolean mayReadSubmission(Actor actor, CaseFile c, List<Task> tasks) {
		return isApplicantSide(actor, c) || actor.clerkOf(c.place().hall().value()) || tasks.stream().anyMatch(t -> actor.memberOf(t.department()));
	}

	/** The applicant's side, or a clerk of the case's hall: who may supply what is missing. */
	boolean maySupply(Actor actor, CaseFile c) {
		return isApplicantSide(actor, c) || actor.clerkOf(c.place().hall().value());
	}

	/** The applicant themself, whoever filed the application for them, or someone they authorised. */
	boolean isApplicantSide(Actor actor, CaseFile c) {
		return actor.username().equals(c.applicant().username()) || actor.isPerson(c.applicant().id())
				|| representation.capacity(actor.username(), actor.idNumber(), c.applicant().id()).isPresent();
	}

	/** Refuses, as not found, a case the actor may not read. */
	CaseFile readable(Actor actor, CaseFile c, List<Task> tasks) {
		if (!mayRead(actor, c, tasks)) {
			throw notFound(c);
		}
		return c;
	}

	/** The window's actions: only clerks of the case's hall; the others learn nothing about the case. */
	void requireWindow(Actor actor, CaseFile c) {
		if (!actor.clerkOf(c.place().hall().value())) {
			throw notFound(c);
		}
	}

	/** A decision on a task: only its department's reviewers and head. */
	void requireDepartment(Actor actor, Task t) {
		if (!actor.memberOf(t.department())) {
			throw new NotFound("子件", "Task", t.id().toString());
		}
	}

	/**
	 * A department's queue: its own reviewers and head, and the supervisors of the region it belongs to;
	 * other departments are refused (their codes are public, their work is not).
	 */
	void requireQueue(Actor actor, String department) {
		boolean supervised = catalog.catalogue().department(department).map(Department::region)
			.map(region -> actor.supervises(region.value()))
			.orElse(false);
		if (!actor.memberOf(department) && !supervised) {
			throw new CaseProblems.NotYours("部门队列");
		}
	}

	private static NotFound notFound(CaseFile c) {
		return new NotFound("办件", "Case", c.id().toString());
	}
}
