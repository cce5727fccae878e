package cn.onego.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which text a document is made with: the issuer's own, else the stored default, else the shipped one. In a
 * transaction rolled back at the end, so that no other test's documents see these texts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TemplatesIT {

	@Autowired
	Templates templates;

	@Autowired
	JdbcClient jdbc;

	@Test
	@Transactional
	void theIssuersOwnTextComesBeforeTheStoredDefaultWhichComesBeforeTheShippedOne() {
		DocumentKind kind = DocumentKind.SUPPLEMENT_NOTICE;
		String shipped = templates.of(kind, "TEMPLATES-IT-NOBODY").title();
		jdbc.sql("DELETE FROM document_template WHERE kind = ?").param(kind.name()).update();
		assertThat(templates.of(kind, "TEMPLATES-IT-HALL").title()).as("nothing stored: the shipped text").isEqualTo(shipped);

		store(kind, "TEMPLATES-IT-HALL", "本大厅的补正通知");
		assertThat(templates.of(kind, "TEMPLATES-IT-HALL").title()).isEqualTo("本大厅的补正通知");
		assertThat(templates.of(kind, "TEMPLATES-IT-OTHER").title()).as("another issuer without its own").isEqualTo(shipped);

		store(kind, Templates.DEFAULT_SCOPE, "默认的补正通知");
		assertThat(templates.of(kind, "TEMPLATES-IT-HALL").title()).as("its own still first").isEqualTo("本大厅的补正通知");
		assertThat(templates.of(kind, "TEMPLATES-IT-OTHER").title()).isEqualTo("默认的补正通知");
		assertThat(templates.of(DocumentKind.COMPLETION_NOTICE, "TEMPLATES-IT-HALL").title()).as("another kind")
			.isNotIn("本大厅的补正通知", "默认的补正通知");
	}

	/** Stored as the administration stores a text (the scopes here are no hall's, which the administration refuses). */
	private void store(DocumentKind kind, String scope, String title) {
		templates.write(kind, scope, "{\"title\":\"" + title + "\",\"paragraphs\":[\"{caseNumber}\"]}", "templates-it");
	}
}
