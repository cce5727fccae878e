package cn.onego.cases;

import java.util.List;

import cn.onego.cases.CaseEvents.CaseEvent;
import cn.onego.platform.StatementPart;

/**
 * What another module writes because of a case's events, written by the case's own save statement rather than by the
 * module's listener after it: the rows commit or roll back with the case's as before, and cost no statement of their
 * own (the documents' orders, ADR 0012). Every save asks each module for the parts of the events it is about to
 * publish; a module that answers with parts must not write the same rows again when the events reach it.
 */
public interface SaveParts {

	/**
	 * The data-modifying parts of the save statement for these events, in the order they happen; none when no event
	 * concerns the module. A part must write nothing unless the case was written: {@code WHERE EXISTS (SELECT 1 FROM
	 * case_row)}.
	 */
	List<StatementPart> parts(CaseId caseId, List<CaseEvent> events);
}
