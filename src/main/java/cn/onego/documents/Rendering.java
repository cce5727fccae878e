package cn.onego.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A document from its template and its case's facts — a pure function, so that what a hall's text makes of a case
 * can be tested without a case, and a document is the same however often it is made.
 */
final class Rendering {

	private Rendering() {
	}

	static DocumentModel render(DocumentKind kind, Template template, DocumentFacts facts, String number, String issuer,
			LocalDate issuedOn) {
		Map<String, String> values = new HashMap<>(facts.values());
		values.put("issuer", issuer);
		values.put("date", issuedOn.toString());
		List<DocumentModel.Block> blocks = new ArrayList<>();
		for (String paragraph : template.paragraphs()) {
			String text = Template.fill(paragraph, values).strip();
			if (!text.isEmpty()) {
				blocks.add(DocumentModel.Block.paragraph(text));
			}
		}
		for (DocumentFacts.Section section : facts.sections()) {
			if (!section.lines().isEmpty()) {
				blocks.add(new DocumentModel.Block(section.heading(), section.lines()));
			}
		}
		if (!facts.commitments().isEmpty() && template.commitment() != null) {
			List<String> sentences = new ArrayList<>();
			for (String material : facts.commitments()) {
				Map<String, String> with = new HashMap<>(values);
				with.put("material", material);
				sentences.add(Template.fill(template.commitment(), with));
			}
			blocks.add(new DocumentModel.Block("告知承诺事项", sentences));
		}
		String remedy = template.remedy() == null ? null : Template.fill(template.remedy(), values);
		return new DocumentModel(kind, number, Template.fill(template.title(), values), issuer, issuedOn, values.get("caseNumber"),
				blocks, template.legalBasis(), remedy);
	}
}
