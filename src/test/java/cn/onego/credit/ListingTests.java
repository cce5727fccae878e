package cn.onego.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.onego.credit.ListingState.Action;

/** A listing's life: the whole transition table, and expiry by the date alone. */
class ListingTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	@ParameterizedTest(name = "{0} + {1} → {2}")
	@CsvSource({ "ACTIVE, APPEAL, UNDER_APPEAL", "ACTIVE, LIFT, LIFTED", "ACTIVE, DISMISS_APPEAL, —", "ACTIVE, GRANT_APPEAL, —",
			"UNDER_APPEAL, APPEAL, —", "UNDER_APPEAL, DISMISS_APPEAL, ACTIVE", "UNDER_APPEAL, GRANT_APPEAL, LIFTED",
			"UNDER_APPEAL, LIFT, LIFTED", "LIFTED, APPEAL, —", "LIFTED, DISMISS_APPEAL, —", "LIFTED, GRANT_APPEAL, —",
			"LIFTED, LIFT, —", "EXPIRED, APPEAL, —", "EXPIRED, DISMISS_APPEAL, —", "EXPIRED, GRANT_APPEAL, —", "EXPIRED, LIFT, —" })
	void movesByItsStatesTableAndNowhereElse(ListingState from, Action action, String to) {
		Optional<ListingState> expected = to.equals("—") ? Optional.empty() : Optional.of(ListingState.valueOf(to));
		assertThat(from.after(action)).isEqualTo(expected);
	}

	@Test
	void closesTheGreenChannelOnlyWhileActiveOrUnderAppeal() {
		assertThat(ListingState.ACTIVE.inEffect()).isTrue();
		assertThat(ListingState.UNDER_APPEAL.inEffect()).isTrue();
		assertThat(ListingState.LIFTED.inEffect()).isFalse();
		assertThat(ListingState.EXPIRED.inEffect()).isFalse();
	}

	@Test
	void expiresTheDayAfterItsLastDayAndNeverForLife() {
		Listing untilToday = aListing(TODAY, ListingState.ACTIVE);
		assertThat(untilToday.stateOn(TODAY)).isEqualTo(ListingState.ACTIVE);
		assertThat(untilToday.inEffectOn(TODAY)).isTrue();
		assertThat(untilToday.stateOn(TODAY.plusDays(1))).isEqualTo(ListingState.EXPIRED);
		assertThat(untilToday.inEffectOn(TODAY.plusDays(1))).isFalse();
		assertThat(aListing(TODAY, ListingState.UNDER_APPEAL).stateOn(TODAY.plusDays(1))).as("an appeal does not keep it alive")
			.isEqualTo(ListingState.EXPIRED);
		assertThat(aListing(TODAY, ListingState.LIFTED).stateOn(TODAY.plusDays(1))).as("lifted stays lifted")
			.isEqualTo(ListingState.LIFTED);
		assertThat(aListing(null, ListingState.ACTIVE).stateOn(TODAY.plusYears(80))).isEqualTo(ListingState.ACTIVE);
	}

	@Test
	void recordsEachTransitionAsAStepAndChangesNothingItself() {
		Listing listing = aListing(null, ListingState.ACTIVE);
		Listing.Change appealed = listing.appeal("我已按期整改", "applicant-1", NOW, TODAY);
		assertThat(listing.stored()).isEqualTo(ListingState.ACTIVE);
		assertThat(appealed.after().stored()).isEqualTo(ListingState.UNDER_APPEAL);
		assertThat(appealed.after().version()).isEqualTo(listing.version() + 1);
		assertThat(appealed.step()).isEqualTo(new ListingStep(listing.id(), NOW, "applicant-1", "APPEAL", ListingState.ACTIVE,
				ListingState.UNDER_APPEAL, "我已按期整改"));

		Listing.Change dismissed = appealed.after().decideAppeal(false, "证据确凿", "credit-1", NOW, TODAY);
		assertThat(dismissed.after().stored()).isEqualTo(ListingState.ACTIVE);
		assertThat(dismissed.step().action()).isEqualTo("DISMISS_APPEAL");
		Listing.Change granted = dismissed.after().appeal("补充证据", "applicant-1", NOW, TODAY).after()
			.decideAppeal(true, "申诉成立", "credit-1", NOW, TODAY);
		assertThat(granted.after().stored()).isEqualTo(ListingState.LIFTED);
		assertThat(granted.step().action()).isEqualTo("GRANT_APPEAL");
	}

	@Test
	void refusesToLiftOrAppealAnExpiredListing() {
		Listing expired = aListing(TODAY.minusDays(1), ListingState.ACTIVE);
		assertThatThrownBy(() -> expired.lift("已修复", "credit-1", NOW, TODAY)).isInstanceOf(IllegalListingTransition.class)
			.hasMessageContaining("expired");
		assertThatThrownBy(() -> expired.appeal("申诉", "applicant-1", NOW, TODAY)).isInstanceOf(IllegalListingTransition.class);
		Listing lifted = aListing(null, ListingState.LIFTED);
		assertThatThrownBy(() -> lifted.lift("again", "credit-1", NOW, TODAY)).isInstanceOf(IllegalListingTransition.class)
			.hasMessageContaining("lifted");
	}

	static Listing aListing(LocalDate until, ListingState state) {
		return new Listing(UUID.randomUUID(), "11010519491231002X", "430102", "提供虚假材料",
				new Listing.Evidence(UUID.randomUUID(), "430102-20260302-00000001-X"), "reviewer-1", NOW.minusSeconds(86_400), until,
				state, 3);
	}
}
