package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.catalog.Item;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.shared.Label;

/** The rules of acceptance at the window, each on its own, as the catalogue's items and the clerk's decision give them. */
class AcceptanceRulesTests {

	static final Item REGISTRATION = item("REG", 5, new ItemMaterial("LEASE", true, true, true, null, 1, 0),
			new ItemMaterial("RULES", true, true, false, null, 1, 0));

	static final Item FOOD_LICENCE = item("FOOD", 10, new ItemMaterial("LEASE", true, false, true, null, 1, 0),
			new ItemMaterial("LAYOUT", true, true, false, null, 1, 0));

	static final Map<String, Item> ITEMS = Map.of("REG", REGISTRATION, "FOOD", FOOD_LICENCE);

	@Test
	void asksForEveryMaterialNotSubmittedUnlessItIsAGapOrCommitted() {
		List<MaterialEntry> materials = List.of(missing("LEASE", "REG"), missing("RULES", "REG"), submitted("LAYOUT", "FOOD"));
		assertThat(AcceptanceRules.everyMissingMaterialIsAGapOrCommitted(materials, List.of(), Set.of()))
			.extracting(f -> ((AcceptanceRules.MissingMaterial) f).name().zh()).containsExactly("LEASE", "RULES");
		assertThat(AcceptanceRules.everyMissingMaterialIsAGapOrCommitted(materials, List.of("RULES"), Set.of("LEASE"))).isEmpty();
	}

	@Test
	void acceptsAGapOnlyIfEveryItemNeedingTheMaterialAllowsIt() {
		var materials = AcceptanceRules.byCode(List.of(missing("LEASE", "REG", "FOOD"), missing("RULES", "REG")));
		assertThat(AcceptanceRules.everyItemNeedingAGapAllowsIt(materials, List.of("RULES"), ITEMS::get)).isEmpty();
		assertThat(AcceptanceRules.everyItemNeedingAGapAllowsIt(materials, List.of("LEASE"), ITEMS::get))
			.singleElement().isEqualTo(new AcceptanceRules.GapNotAllowed(FOOD_LICENCE.name(), new Label("LEASE", null)));
		assertThat(AcceptanceRules.everyItemNeedingAGapAllowsIt(materials, List.of("NOT-OURS"), ITEMS::get))
			.singleElement().isEqualTo(new AcceptanceRules.UnknownMaterial("NOT-OURS"));
	}

	@Test
	void letsACommitmentReplaceOnlyWhatEveryItemNeedingItAllows() {
		var materials = AcceptanceRules.byCode(List.of(missing("LEASE", "REG", "FOOD"), missing("RULES", "REG")));
		assertThat(AcceptanceRules.commitmentsReplaceOnlyWhatEveryItemAllows(materials, Set.of("LEASE"), ITEMS::get)).isEmpty();
		assertThat(AcceptanceRules.commitmentsReplaceOnlyWhatEveryItemAllows(materials, Set.of("RULES", "UNKNOWN"), ITEMS::get))
			.containsExactlyInAnyOrder(new AcceptanceRules.CommitmentNotAllowed("RULES"), new AcceptanceRules.CommitmentNotAllowed("UNKNOWN"));
	}

	@Test
	void setsTheGapDeadlineWithinTheSmallestPromisedLimitOfTheItemsNeedingTheGaps() {
		var materials = AcceptanceRules.byCode(List.of(missing("LEASE", "REG", "FOOD"), missing("LAYOUT", "FOOD")));
		assertThat(AcceptanceRules.longestGapDeadline(materials, List.of("LAYOUT"), ITEMS::get)).isEqualTo(10);
		assertThat(AcceptanceRules.longestGapDeadline(materials, List.of("LAYOUT", "LEASE"), ITEMS::get)).as("REG promises 5 days")
			.isEqualTo(5);
		assertThat(AcceptanceRules.gapDeadlineWithinTheItemsLimits(5, 5)).isTrue();
		assertThat(AcceptanceRules.gapDeadlineWithinTheItemsLimits(6, 5)).isFalse();
		assertThat(AcceptanceRules.gapDeadlineWithinTheItemsLimits(0, 5)).isFalse();
		assertThat(AcceptanceRules.gapDeadlineWithinTheItemsLimits(null, 5)).as("a deadline must be given").isFalse();
	}

	@Test
	void closesTheGreenChannelToTheBlacklistedButNotTheStandardAcceptance() {
		assertThat(AcceptanceRules.greenChannelOpen(true, List.of("LEASE"), Set.of())).isFalse();
		assertThat(AcceptanceRules.greenChannelOpen(true, List.of(), Set.of("LEASE"))).isFalse();
		assertThat(AcceptanceRules.greenChannelOpen(true, List.of(), Set.of())).as("a standard acceptance").isTrue();
		assertThat(AcceptanceRules.greenChannelOpen(false, List.of("LEASE"), Set.of("RULES"))).isTrue();
	}

	@Test
	void listsEveryFindingOfAnAcceptanceAndSaysEachInBothLanguages() {
		List<MaterialEntry> materials = List.of(missing("LEASE", "REG", "FOOD"), missing("RULES", "REG"));
		var findings = AcceptanceRules.check(materials, List.of("LEASE"), 30, Set.of(), ITEMS::get);
		assertThat(findings).extracting(f -> f.problem().code()).containsExactly("missing-material", "gap-not-allowed", "range");
		assertThat(findings.get(2).problem().field()).isEqualTo("gapWorkingDays");
		assertThat(findings.get(2).problem().message().zh()).contains("1至5个工作日");
		assertThat(findings.get(2).problem().message().en()).contains("1 to 5 working days");
	}

	private static MaterialEntry missing(String code, String... neededBy) {
		return new MaterialEntry(code, new Label(code, null), true, null, null, null, true, List.of(neededBy));
	}

	private static MaterialEntry submitted(String code, String... neededBy) {
		return new MaterialEntry(code, new Label(code, null), true, null, null, "hash", false, List.of(neededBy));
	}

	private static Item item(String code, int promised, ItemMaterial... materials) {
		return new Item(code, new Label(code, null), null, "TYPE", Set.of(), "basis", promised * 2, promised, false, List.of(), Set.of(), false,
				null, null, new Item.Result(cn.onego.catalog.Enums.ResultKind.NOTICE, null, new Label("结果", null)), List.of(materials), List.of(),
				null, null);
	}
}
