package cn.onego.sharing.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;
import cn.onego.sharing.resources.ResourceAccess.State;
import cn.onego.sharing.resources.ResourceAccess.Status;

/** The life of a department's access to a conditional resource: requested → approved | refused; approved → revoked. */
class ResourceAccessTests {

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
	static final SharedResource HOUSEHOLD = new SharedResource("POPULATION-HOUSEHOLD", Registry.POPULATION, "430000-PUBLIC_SECURITY",
			new Label("户籍信息", "Household"), new Label("户籍", "Household"), List.of("HOUSEHOLD_ADDRESS"), UpdateFrequency.DAILY,
			SharingClass.CONDITIONAL, new Label("限于", "Only"), null);

	static ResourceAccess aRequest(LocalDate until) {
		return ResourceAccess.requested(UUID.randomUUID(), HOUSEHOLD, "430103-CIVIL_AFFAIRS", "低保审核", "《社会救助暂行办法》", "rev",
				NOW, TODAY.plusDays(7), until);
	}

	static ResourceAccess in(State state) {
		ResourceAccess requested = aRequest(null);
		return switch (state) {
			case REQUESTED -> requested;
			case APPROVED -> requested.approve("head", NOW, null, null);
			case REFUSED -> requested.refuse("head", NOW, "不符");
			case REVOKED -> requested.approve("head", NOW, null, null).revoke("head", NOW, "完成");
		};
	}

	static Stream<Arguments> transitions() {
		List<Function<ResourceAccess, ResourceAccess>> steps = List.of(a -> a.approve("head", NOW, null, "同意"),
				a -> a.refuse("head", NOW, "不符"), a -> a.revoke("head", NOW, "完成"));
		List<State> targets = List.of(State.APPROVED, State.REFUSED, State.REVOKED);
		return Stream.of(State.values()).flatMap(from -> Stream.of(0, 1, 2).map(i -> Arguments.of(from, targets.get(i), steps.get(i))));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@MethodSource("transitions")
	void walksTheTransitionTable(State from, State to, Function<ResourceAccess, ResourceAccess> step) {
		ResourceAccess access = in(from);
		if (from.successors().contains(to)) {
			assertThat(step.apply(access).state()).isEqualTo(to);
		}
		else {
			assertThatThrownBy(() -> step.apply(access)).isInstanceOf(AccessAlreadyAnswered.class);
		}
	}

	@Test
	void servesOnlyApprovedAccessUpToAndIncludingItsLastDay() {
		ResourceAccess approved = aRequest(TODAY).approve("head", NOW, null, null);
		assertThat(approved.validUntil()).as("the day asked for").isEqualTo(TODAY);
		assertThat(approved.servesOn(TODAY)).isTrue();
		assertThat(approved.servesOn(TODAY.plusDays(1))).isFalse();
		assertThat(approved.statusOn(TODAY.plusDays(1))).isEqualTo(Status.EXPIRED);
		assertThat(aRequest(null).approve("head", NOW, TODAY.plusDays(30), null).servesOn(TODAY.plusDays(30))).as("the provider's end wins")
			.isTrue();
		for (State state : List.of(State.REQUESTED, State.REFUSED, State.REVOKED)) {
			assertThat(in(state).servesOn(TODAY)).as(state.name()).isFalse();
		}
		assertThat(in(State.APPROVED).servesOn(TODAY.plusYears(10))).as("no end: until revoked").isTrue();
	}

	@Test
	void aRevocationKeepsTheApprovalItEnds() {
		ResourceAccess revoked = in(State.REVOKED);
		assertThat(revoked.decidedBy()).isEqualTo("head");
		assertThat(revoked.revocationReason()).isEqualTo("完成");
		assertThat(revoked.statusOn(TODAY)).isEqualTo(Status.REVOKED);
	}
}
