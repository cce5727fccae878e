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
 * supervisors of its region and above; nobody else learns that it exists (404). Deciding a task belongs to
 * its department's reviewers and head.
 */
@Component
class CaseAccess {

	private final Representation representation;
	private final CatalogQueries catalog;

	CaseAccess(Representation representation, CatalogQueries catalog) {
		this.representation = representation;
		this.catalog = catalog;
	}

	/** Whether the actor may read the case, given its tasks. */
	boolean mayRead(Actor actor, CaseFile c, List<Task> tasks) {
		return isApplicantSide(actor, c) || actor.clerkOf(c.hall()) || actor.supervises(c.region())
				|| tasks.stream().anyMatch(t -> actor.memberOf(t.department()));
	}

	/**
	 * Whether the actor may read what was submitted (the form, the materials): those who handle the case or
	 * applied; supervisors see the case's progress, not the applicant's personal data.
	 */
	boolean mayReadSubmission(Actor actor, CaseFile c, List<Task> tasks) {
		return isApplicantSide(actor, c) || actor.clerkOf(c.hall()) || tasks.stream().anyMatch(t -> actor.memberOf(t.department()));
	}

	/** The applicant themself, whoever filed the application for them, or someone they authorised. */
	boolean isApplicantSide(Actor actor, CaseFile c) {
		return actor.username().equals(c.applicantUsername()) || actor.isPerson(c.applicantId())
				|| representation.capacity(actor.username(), actor.idNumber(), c.applicantId()).isPresent();
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
		if (!actor.clerkOf(c.hall())) {
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
