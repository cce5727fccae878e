package cn.onego.documents;

import java.util.List;
import java.util.Map;

/**
 * What a document says about its case, gathered when its event happened: the values of the placeholders, the lists
 * it prints under headings (materials received, materials to follow, items and results …) and the materials the
 * applicant committed to (each printed in the template's commitment sentence).
 */
record DocumentFacts(Map<String, String> values, List<Section> sections, List<String> commitments) {

	/** A list under a heading; an empty one is left out. */
	record Section(String heading, List<String> lines) {

		Section {
			lines = List.copyOf(lines);
		}
	}

	DocumentFacts {
		values = Map.copyOf(values);
		sections = List.copyOf(sections);
		commitments = List.copyOf(commitments);
	}
}
