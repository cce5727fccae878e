package cn.onego.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.onego.EveryStaffScopeExists;
import cn.onego.Identities;
import cn.onego.ModuleAlone;
import cn.onego.application.ApplicationInput;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseNumber;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.CaseState;
import cn.onego.cases.HallCode;
import cn.onego.clock.Calendars;
import cn.onego.evaluation.Ratings.NewRating;
import cn.onego.evaluation.Rectifications.State;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.shared.RegionCode;

/**
 * 好差评 with the catalogue, the clock and identity, on its own embedded PostgreSQL; the one thing it reads of the
 * case flow, a closed case ({@link CaseQueries}), stands in for {@code cases}, whose own dependencies would bring in
 * nearly the whole application. A bad rating opens a rectification for the department rated, due in fifteen
 * working days of the region's calendar.
 */
@ApplicationModuleTest(extraIncludes = { "catalog", "clock", "identity" })
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class EvaluationModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final String DEPARTMENT = "430102-MARKET_REGULATION";

	@MockitoBean
	CaseQueries cases;

	private final Ratings ratings;
	private final Rectifications rectifications;
	private final Calendars calendars;
	private final Clock clock;

	EvaluationModuleTests(Ratings ratings, Rectifications rectifications, Calendars calendars, Clock clock) {
		this.ratings = ratings;
		this.rectifications = rectifications;
		this.calendars = calendars;
		this.clock = clock;
	}

	@Test
	void opensARectificationForABadRatingDueInFifteenWorkingDays() {
		Actor applicant = new Actor("chen", "陈创业", EnumSet.of(Role.APPLICANT), Identities.idNumber(), null, null, null);
		UUID caseId = UUID.randomUUID();
		CaseFile issuedYesterday = mock(CaseFile.class);
		when(issuedYesterday.applicant()).thenReturn(new CaseFile.Applicant(applicant.idNumber(), applicant.displayName(),
				applicant.username()));
		when(issuedYesterday.state()).thenReturn(CaseState.ISSUED);
		when(issuedYesterday.times()).thenReturn(new CaseFile.Times(clock.instant().minus(Duration.ofDays(5)),
				clock.instant().minus(Duration.ofDays(4)), clock.instant().minus(Duration.ofDays(1))));
		when(issuedYesterday.number()).thenReturn(CaseNumber.of(RegionCode.of("430102"), LocalDate.now(clock), 1));
		when(issuedYesterday.matter()).thenReturn("HN-CATERING");
		when(issuedYesterday.place()).thenReturn(new CaseFile.Place(RegionCode.of("430102"), HallCode.of("430102-HALL"),
				ApplicationInput.Channel.ONLINE));
		when(cases.caseFile(any(Actor.class), eq(CaseId.of(caseId)))).thenReturn(issuedYesterday);
		when(cases.departmentsOf(CaseId.of(caseId))).thenReturn(List.of(DEPARTMENT));

		Ratings.Rating rating = ratings.rate(applicant, caseId,
				new NewRating(5, RatingChannel.PC, "材料被要求提交了三次", List.of("多次跑动"), DEPARTMENT));

		assertThat(rating.level()).isEqualTo(Level.VERY_DISSATISFIED);
		Rectifications.Rectification opened = rectifications.ofCase(caseId);
		assertThat(opened.ratingId()).isEqualTo(rating.id());
		assertThat(opened.responsible()).isEqualTo(DEPARTMENT);
		assertThat(opened.state()).isEqualTo(State.OPEN);
		// the test profile's clock starts on Monday 2 March 2026: fifteen working days later is Monday 23 March
		assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(opened.dueOn()).isEqualTo(LocalDate.of(2026, 3, 23))
			.isEqualTo(calendars.of(RegionCode.of("430102")).plusWorkingDays(LocalDate.now(clock), 15));
	}
}
