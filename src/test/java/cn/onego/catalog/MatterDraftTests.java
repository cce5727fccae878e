package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A composed matter's lifecycle: its author composes and submits it, another administrator reviews it. */
class MatterDraftTests {

	private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
	private static final ComposedMatter CONTENT = new ComposedMatter("ZZ-X", null, null, null, null, null, null, null, null,
			null, null, null, null, null);

	private static MatterDraft aDraftIn(DraftState state) {
		return new MatterDraft(java.util.UUID.randomUUID(), null, CONTENT, state, "author", null, null, null, 3, NOW, NOW);
	}

	@ParameterizedTest
	@EnumSource(DraftState.class)
	void movesOnlyToItsDeclaredSuccessors(DraftState from) {
		Set<DraftState> reached = EnumSet.noneOf(DraftState.class);
		tryTo(() -> aDraftIn(from).submit("author", NOW), DraftState.IN_REVIEW, reached);
		tryTo(() -> aDraftIn(from).sendBack("reviewer", "材料名称有误", NOW), DraftState.DRAFT, reached);
		tryTo(() -> aDraftIn(from).published("reviewer", 42, NOW), DraftState.PUBLISHED, reached);
		assertThat(reached).isEqualTo(from.successors());
	}

	private static void tryTo(Runnable step, DraftState target, Set<DraftState> reached) {
		try {
			step.run();
			reached.add(target);
		}
		catch (MatterDraft.DraftInWrongState refused) {
			assertThat(refused.status().value()).isEqualTo(409);
		}
	}

	@Test
	void refusesItsAuthorAsItsReviewer() {
		assertThatThrownBy(() -> aDraftIn(DraftState.IN_REVIEW).published("author", 42, NOW))
			.isInstanceOf(MatterDraft.OwnDraftReviewed.class)
			.satisfies(e -> assertThat(((MatterDraft.OwnDraftReviewed) e).status().value()).isEqualTo(403));
		assertThatThrownBy(() -> aDraftIn(DraftState.IN_REVIEW).sendBack("author", "自己退回", NOW))
			.isInstanceOf(MatterDraft.OwnDraftReviewed.class);
	}

	@Test
	void letsOnlyItsAuthorEditAndSubmitIt() {
		assertThatThrownBy(() -> aDraftIn(DraftState.DRAFT).edit(CONTENT, "someone else", NOW))
			.isInstanceOf(MatterDraft.NotTheAuthor.class);
		assertThatThrownBy(() -> aDraftIn(DraftState.DRAFT).submit("someone else", NOW)).isInstanceOf(MatterDraft.NotTheAuthor.class);
		assertThatThrownBy(() -> aDraftIn(DraftState.IN_REVIEW).edit(CONTENT, "author", NOW))
			.isInstanceOf(MatterDraft.DraftInWrongState.class);
	}

	@Test
	void recordsTheReviewerTheReasonAndThePublishingVersion() {
		MatterDraft draft = aDraftIn(DraftState.IN_REVIEW);
		draft.sendBack("reviewer", "缺少情形", NOW);
		assertThat(List.of(draft.state(), draft.reviewer(), draft.sentBackReason()))
			.containsExactly(DraftState.DRAFT, "reviewer", "缺少情形");
		draft.submit("author", NOW);
		assertThat(draft.sentBackReason()).isNull();
		draft.published("second", 42, NOW);
		assertThat(draft.state()).isEqualTo(DraftState.PUBLISHED);
		assertThat(draft.reviewer()).isEqualTo("second");
		assertThat(draft.catalogueVersion()).isEqualTo(42L);
	}
}
