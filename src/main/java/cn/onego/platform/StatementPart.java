package cn.onego.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A part one module adds to another module's {@code WITH} statement, so that what it writes costs no round trip of
 * its own (the case's save carries the audit records and the documents' orders): its name, unique in the statement,
 * its SQL, its parameters in order.
 */
public record StatementPart(String name, String sql, List<Object> params) {

	public StatementPart {
		// parameters may be null (a column left empty): List.copyOf refuses them
		params = Collections.unmodifiableList(new ArrayList<>(params));
	}
}
