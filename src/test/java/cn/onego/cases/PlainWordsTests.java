package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.shared.Label;

/**
 * Every text a person reads of a case's history and of the messages about it is a sentence in Chinese and in English,
 * with names where the records keep codes: the texts are walked as they are declared, not as a copy.
 */
class PlainWordsTests {

	/** What a code looks like where a name belongs: an item's, a department's or hall's, an enum's, a rule's. */
	static final List<Pattern> CODES = List.of(Pattern.compile("[A-Z]{2}-[A-Z0-9-]+"), Pattern.compile("\\d{6}-[A-Z_]+"),
			Pattern.compile("[A-Z]{3,}_[A-Z_]+"), Pattern.compile("Condition\\["));

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();

	private static final PlainWords WORDS = new PlainWords(CATALOGUE,
			code -> "430102-HALL".equals(code) ? Label.of("长沙市芙蓉区政务服务中心", "Furong District Government Service Centre")
					: Label.of("政务服务中心", "the government service centre"));

	/** A value of each kind, as the records keep it: codes, days, enums' names. */
	private static final Map<HistoryText.Kind, Object> SAMPLES = new EnumMap<>(Map.ofEntries(
			Map.entry(HistoryText.Kind.TEXT, "营业场所与申报不符"), Map.entry(HistoryText.Kind.ITEM, "HN-SCJG-ENT-REG"),
			Map.entry(HistoryText.Kind.ITEMS, List.of("HN-SCJG-ENT-REG", "HN-CG-SIGNBOARD")),
			Map.entry(HistoryText.Kind.DEPARTMENT, "430102-MARKET_REGULATION"), Map.entry(HistoryText.Kind.HALL, "430102-HALL"),
			Map.entry(HistoryText.Kind.MATERIALS, List.of("BUSINESS_LICENCE", "RESIDENT_ID_CARD")),
			Map.entry(HistoryText.Kind.DATE, "2026-12-31"), Map.entry(HistoryText.Kind.FLAG, true),
			Map.entry(HistoryText.Kind.NUMBER, 2027), Map.entry(HistoryText.Kind.WORKING_DAYS, 1),
			Map.entry(HistoryText.Kind.CHANNEL, "ONLINE"), Map.entry(HistoryText.Kind.MODE, "WITH_GAPS"),
			Map.entry(HistoryText.Kind.DELIVERY, "WINDOW_PICKUP"), Map.entry(HistoryText.Kind.PROCEDURE, "ON_SITE_INSPECTION"),
			Map.entry(HistoryText.Kind.CONDITIONS, List.of(Map.of("fact", "form.INVOICE_CATEGORY", "op", "EQUALS", "values",
					List.of("DIGITAL_ORDINARY")))),
			Map.entry(HistoryText.Kind.REQUESTS, List.of(Map.of("subject", "PREMISES_USE_PROOF", "why", "复印件不清晰")))));

	static Stream<Sentence> sentences() {
		List<Sentence> all = new ArrayList<>(List.of(HistoryText.values()));
		all.addAll(List.of(NoticeText.values()));
		return all.stream();
	}

	@ParameterizedTest
	@MethodSource("sentences")
	void everyTextSaysItInChineseAndInEnglishWithEveryParameterInBoth(Sentence sentence) {
		List<String> declared = sentence.params().stream().map(HistoryText.Param::name).toList();
		assertThat(sentence.zh()).as(sentence + " in Chinese").isNotBlank().containsPattern("\\p{IsHan}");
		assertThat(sentence.en()).as(sentence + " in English").isNotBlank().doesNotContainPattern("\\p{IsHan}");
		assertThat(HistoryText.placeholders(sentence.zh())).as(sentence + ": the Chinese uses every parameter, no other")
			.containsExactlyInAnyOrderElementsOf(declared);
		assertThat(HistoryText.placeholders(sentence.en())).as(sentence + ": the English uses every parameter, no other")
			.containsExactlyInAnyOrderElementsOf(declared);
		assertThat(declared).as(sentence + ": each parameter once").doesNotHaveDuplicates();
		for (String text : List.of(sentence.zh(), sentence.en())) {
			assertThat(text.chars().filter(c -> c == '[').count()).as(sentence + ": optional parts closed")
				.isEqualTo(text.chars().filter(c -> c == ']').count());
		}
	}

	@ParameterizedTest
	@MethodSource("sentences")
	void everyTextSaidWithItsParametersNamesThingsInsteadOfCodes(Sentence sentence) {
		Map<String, Object> params = new LinkedHashMap<>();
		sentence.params().forEach(p -> params.put(p.name(), SAMPLES.get(p.kind())));
		Label said = WORDS.say(sentence, params);
		for (String text : List.of(said.zh(), said.en())) {
			assertThat(text).as(sentence.toString()).doesNotContain("{", "}", "[", "]", "null");
			CODES.forEach(code -> assertThat(text).as(sentence + " shows no code").doesNotContainPattern(code));
		}
		assertThat(said.en()).as(sentence + " in English").doesNotContainPattern("\\b1 working days\\b");
	}

	@Test
	void aRuleOfInstantApprovalReadsAsASentenceWithTheFormsLabelsAndOptions() {
		var rule = CATALOGUE.item("HN-SW-NEW-TAXPAYER").orElseThrow().autoApproval();
		List<Map<String, Object>> conditions = rule.when()
			.stream()
			.map(c -> Map.<String, Object>of("fact", c.fact(), "op", c.op().name(), "values", c.values() == null ? List.of() : c.values()))
			.toList();
		Label said = WORDS.say(StepMessage.of(HistoryText.APPROVED_AUTOMATICALLY, "conditions", conditions));
		assertThat(said.zh()).isEqualTo("秒批：申领发票种类为数电发票（普通发票），且已填写经营范围，系统即时准予");
		assertThat(said.en()).isEqualTo("Approved at once by the system: invoice type applied for is fully digitalised e-invoice (ordinary),"
				+ " and business scope is given");
	}

	@Test
	void optionalPartsFallAwayWithoutTheirValues() {
		Label standard = WORDS.say(StepMessage.of(HistoryText.ACCEPTED, "mode", CaseFile.Mode.STANDARD, "gaps", List.of(), "promised",
				java.time.LocalDate.of(2027, 1, 4), "provisional", false));
		assertThat(standard.zh()).isEqualTo("材料齐全，予以受理；承诺于2027年1月4日前办结");
		assertThat(standard.en()).isEqualTo("Accepted with every material; promised by 4 January 2027");
		Label provisional = WORDS.say(StepMessage.of(HistoryText.ACCEPTED, "mode", CaseFile.Mode.WITH_GAPS, "gaps",
				List.of("BUSINESS_LICENCE"), "gapDeadline", java.time.LocalDate.of(2026, 12, 31), "promised",
				java.time.LocalDate.of(2027, 1, 4), "provisional", true));
		assertThat(provisional.zh()).contains("容缺材料营业执照须于2026年12月31日前补齐").contains("（暂定");
		assertThat(provisional.en()).contains("(provisional");
	}

	@Test
	void countsOfWorkingDaysTakeTheUnitInTheirNumber() {
		assertThat(PlainWords.workingDays(1)).isEqualTo(Label.of("1个工作日", "1 working day"));
		assertThat(PlainWords.workingDays(2)).isEqualTo(Label.of("2个工作日", "2 working days"));
	}

	@Test
	void theApplicantsMessagesNameTheItemsAndMaterials() {
		CaseFile c = new CaseFile(CaseId.next(),
				CaseNumber.of(cn.onego.shared.RegionCode.of("430102"), java.time.LocalDate.of(2026, 3, 2), 1),
				java.util.UUID.randomUUID(), "HN-CATERING", new CaseFile.Applicant("430102199001011234", "张三", "applicant-1"),
				new CaseFile.Place(cn.onego.shared.RegionCode.of("430102"), HallCode.of("430102-HALL"),
						cn.onego.application.ApplicationInput.Channel.ONLINE),
				CaseState.IN_PROGRESS, CaseFile.Terms.none(), CaseFile.Supplements.none(), CaseFile.Outcome.none(), null,
				new CaseFile.Times(null, null, null), 0, 0);
		var approved = Notices.of(new CaseEvents.TaskDecided(c.id(), TaskId.next(), "HN-CG-SIGNBOARD", "430102-URBAN_MANAGEMENT",
				TaskState.APPROVED, ""), c, WORDS, null).orElseThrow();
		assertThat(approved.en()).doesNotContain("HN-CG-SIGNBOARD").contains(CATALOGUE.item("HN-CG-SIGNBOARD").orElseThrow().name().en());
		var supplement = Notices.of(new CaseEvents.SupplementRequested(c.id(), List.of("BUSINESS_LICENCE"), 1), c, WORDS, null)
			.orElseThrow();
		assertThat(supplement.zh()).contains("营业执照").doesNotContain("BUSINESS_LICENCE");
	}
}
