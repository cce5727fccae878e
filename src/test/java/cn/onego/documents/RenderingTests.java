package cn.onego.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RenderingTests {

	static final DocumentFacts A_REFUSED_CASE = new DocumentFacts(Map.of("caseNumber", "430102-20260305-00000042-7", "applicant", "陈创业",
			"matter", "开办餐饮店", "reason", "场所不符合要求", "legalBasis", "《食品安全法》第三十三条", "region", "芙蓉区"),
			List.of(new DocumentFacts.Section("办理大厅", List.of("长沙市芙蓉区政务服务中心", "地址：长沙市芙蓉区八一路1号")),
					new DocumentFacts.Section("空的", List.of())),
			List.of());

	static final Template A_HALLS_OWN_TEXT = new Template("不予受理决定书", List.of("{applicant}：{matter}（{caseNumber}）不予受理，理由：{reason}。",
			"{unknown}"), "《行政许可法》第三十二条", "可于六十日内向{region}人民政府申请行政复议。", null, null, List.of());

	@Test
	void fillsTheHallsOwnTextWithTheCasesFactsAndLeavesOutEmptyListsAndParagraphs() {
		DocumentModel model = Rendering.render(DocumentKind.NON_ACCEPTANCE_NOTICE, A_HALLS_OWN_TEXT, A_REFUSED_CASE,
				"430102-BSL-2026-00000001", "长沙市芙蓉区政务服务中心", LocalDate.of(2026, 3, 5));
		assertThat(model.title()).isEqualTo("不予受理决定书");
		assertThat(model.blocks()).extracting(DocumentModel.Block::heading).containsExactly(null, "办理大厅");
		assertThat(model.blocks().get(0).lines()).containsExactly("陈创业：开办餐饮店（430102-20260305-00000042-7）不予受理，理由：场所不符合要求。");
		assertThat(model.remedy()).isEqualTo("可于六十日内向芙蓉区人民政府申请行政复议。");
		assertThat(model.caseNumber()).isEqualTo("430102-20260305-00000042-7");
	}

	@Test
	void aDocumentReadBackFromItsSealedBytesSaysExactlyWhatWasSealed() {
		DocumentModel model = Rendering.render(DocumentKind.NON_ACCEPTANCE_NOTICE, A_HALLS_OWN_TEXT, A_REFUSED_CASE,
				"430102-BSL-2026-00000001", "长沙市芙蓉区政务服务中心", LocalDate.of(2026, 3, 5));
		DocumentModel back = DocumentModel.parse(model.canonical());
		assertThat(back).isEqualTo(model);
		assertThat(back.canonical()).isEqualTo(model.canonical());

		// lengths in bytes: a value with colons, new lines and four-byte characters does not run into the next field
		DocumentModel awkward = new DocumentModel(DocumentKind.APPROVAL_DECISION, "430102-PZ-2026-00000009", "标题：带冒号\n第二行", "机关",
				LocalDate.of(2027, 1, 4), "430102-20270104-00000001-3", List.of(new DocumentModel.Block("材料", List.of("𠀀字:1:x", ""))),
				null, "");
		assertThat(DocumentModel.parse(awkward.canonical()).canonical()).isEqualTo(awkward.canonical());
		assertThat(DocumentModel.parse(awkward.canonical()).remedy()).as("an empty remedy draws as none").isNull();
	}

	@Test
	void bytesThatAreNotACanonicalDocumentAreRefused() {
		byte[] truncated = java.util.Arrays.copyOf(Rendering.render(DocumentKind.NON_ACCEPTANCE_NOTICE, A_HALLS_OWN_TEXT, A_REFUSED_CASE,
				"430102-BSL-2026-00000001", "X", LocalDate.of(2026, 3, 5)).canonical(), 40);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentModel.parse(truncated)).isInstanceOf(RuntimeException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> DocumentModel.parse("form:3:abc\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void printsEachCommitmentInTheTemplatesSentence() {
		Template template = new Template("受理通知书", List.of("受理。"), null, null, "申请人承诺具备“{material}”所证明的条件。", null, null);
		DocumentFacts facts = new DocumentFacts(Map.of(), List.of(), List.of("住所（经营场所）使用证明"));
		DocumentModel model = Rendering.render(DocumentKind.ACCEPTANCE_NOTICE, template, facts, "430102-SL-2026-00000002", "X",
				LocalDate.of(2026, 3, 5));
		assertThat(model.blocks().get(1).heading()).isEqualTo("告知承诺事项");
		assertThat(model.blocks().get(1).lines()).containsExactly("申请人承诺具备“住所（经营场所）使用证明”所证明的条件。");
	}

	@Test
	void theCanonicalContentChangesWithAnyWordAndNotOtherwise() {
		DocumentModel model = Rendering.render(DocumentKind.NON_ACCEPTANCE_NOTICE, A_HALLS_OWN_TEXT, A_REFUSED_CASE,
				"430102-BSL-2026-00000001", "长沙市芙蓉区政务服务中心", LocalDate.of(2026, 3, 5));
		DocumentModel same = Rendering.render(DocumentKind.NON_ACCEPTANCE_NOTICE, A_HALLS_OWN_TEXT, A_REFUSED_CASE,
				"430102-BSL-2026-00000001", "长沙市芙蓉区政务服务中心", LocalDate.of(2026, 3, 5));
		assertThat(same.canonical()).isEqualTo(model.canonical());
		DocumentModel otherIssuer = Rendering.render(DocumentKind.NON_ACCEPTANCE_NOTICE, A_HALLS_OWN_TEXT, A_REFUSED_CASE,
				"430102-BSL-2026-00000001", "长沙市政务服务中心", LocalDate.of(2026, 3, 5));
		assertThat(otherIssuer.canonical()).isNotEqualTo(model.canonical());
	}

	@Test
	void aTemplateWithAnUnknownPlaceholderOrAControlCharacterIsRefusedFieldByField() {
		assertThat(A_HALLS_OWN_TEXT.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("paragraphs[1]:placeholder");
		Template secret = new Template("受理通知书", List.of("{applicant}：您的 {secret} 已受理。"), "x\u0000y", null, null, null, null);
		assertThat(secret.problems()).extracting(p -> p.field()).containsExactly("paragraphs[0]", "legalBasis");
		Template bad = new Template(" ", List.of(), "a\u0000b", null, null, 0, null);
		assertThat(bad.problems()).extracting(p -> p.field()).contains("title", "paragraphs", "legalBasis", "supplementWorkingDays");
	}
}
