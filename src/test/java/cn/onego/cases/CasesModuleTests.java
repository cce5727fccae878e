package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.Identities;
import cn.onego.ModuleAlone;
import cn.onego.application.ApplicationInput;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.Attachments;
import cn.onego.application.CompleteApplications;
import cn.onego.application.Guidance;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseOpened;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;

/**
 * The case engine with the modules it uses directly (application, catalogue, identity, clock, credit, licences,
 * sharing, the audit trail), on its own embedded PostgreSQL, driven through the modules' APIs as the benchmark
 * drives it: an application for 开餐饮店 submitted to {@code application} reaches {@code cases} through the event
 * publication registry and opens one case in the competent hall's queue; the hall's window accepts it and the
 * tasks go to their departments — the registration first, the items that need it waiting; a reviewer of the
 * market regulator claims and approves the registration, and the items that need it start (a 秒批 rule approving
 * one of them at once).
 * <p>
 * {@code cases} answers identity's {@code StaffScopes} itself, so no stand-in is needed here.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
@Import(ModuleAlone.class)
@DirtiesContext
class CasesModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final String MATTER = CompleteApplications.MATTER;
	private static final String REGION = CompleteApplications.REGION;
	private static final String REGISTRATION = "HN-SCJG-ENT-REG";
	/** The small shop's items: the registration, and three that need it (the catalogue's dependency graph). */
	private static final Map<String, String> DEPARTMENTS = Map.of(REGISTRATION, "430102-MARKET_REGULATION",
			"HN-SCJG-FOOD-LICENCE", "430102-MARKET_REGULATION", "HN-SW-NEW-TAXPAYER", "430102-TAXATION",
			"HN-ZJ-DRAINAGE-PERMIT", "430102-HOUSING_CONSTRUCTION");
	/** Delivery through the outbox runs after the submission commits, on a machine the whole suite shares. */
	private static final Duration DELIVERY = Duration.ofSeconds(30);

	private final Guidance guidance;
	private final Attachments attachments;
	private final Submissions submissions;
	private final CaseHandling handling;
	private final CaseQueries queries;

	CasesModuleTests(Guidance guidance, Attachments attachments, Submissions submissions, CaseHandling handling,
			CaseQueries queries) {
		this.guidance = guidance;
		this.attachments = attachments;
		this.submissions = submissions;
		this.handling = handling;
		this.queries = queries;
	}

	@Test
	void opensOneCaseInTheCompetentHallsQueueForASubmittedApplication(Scenario scenario) {
		Actor applicant = applicant();
		ApplicationInput input = CompleteApplications.forASmallShop(guidance, attachments, applicant);

		scenario.stimulate(transactions -> submissions.submit(applicant, UUID.randomUUID().toString(), null, input))
			.andWaitAtMost(DELIVERY)
			.andWaitForEventOfType(CaseOpened.class)
			.toArriveAndVerify((opened, submitted) -> {
				awaitCommitted(opened.caseId());
				UUID application = submitted.application().id();
				Actor clerk = clerkOf(opened.hall());
				CaseQueries.CaseView view = queries.view(clerk, opened.caseId());
				assertThat(view.caseFile().applicationId()).isEqualTo(application);
				assertThat(view.caseFile().state()).isEqualTo(CaseState.AWAITING_ACCEPTANCE);
				assertThat(view.caseFile().number()).isEqualTo(opened.number());
				assertThat(view.caseFile().place().region().value()).isEqualTo(REGION);
				assertThat(opened.hall().value()).startsWith("4301");
				assertThat(view.tasks()).as("no task before the window accepts").isEmpty();
				assertThat(view.history()).extracting(CaseHistories.HistoryStep::action).containsExactly("SUBMITTED");
				assertThat(queries.hallQueue(clerk, CaseState.AWAITING_ACCEPTANCE, QueueSearch.NONE))
					.filteredOn(c -> c.applicationId().equals(application))
					.extracting(CaseSummary::id)
					.containsExactly(opened.caseId());
				// the outbox may deliver twice (after a restart): opening again opens no second case
				assertThat(handling.open(application).id()).isEqualTo(opened.caseId());
			});
	}

	@Test
	void acceptingAtTheWindowDispatchesTheTasksAndAnApprovedRegistrationStartsTheItemsThatNeedIt(Scenario scenario) {
		Actor applicant = applicant();
		ApplicationInput input = CompleteApplications.forASmallShop(guidance, attachments, applicant);
		// the opening itself is the test above; here the case is found as its applicant finds it, so that a delivery the
		// outbox makes on a thread the scenario does not watch (it waited for no event in a loaded suite) still counts
		UUID application = submissions.submit(applicant, UUID.randomUUID().toString(), null, input).application().id();
		CaseFile opened = Awaitility.await().atMost(DELIVERY).ignoreException(cn.onego.platform.NotFound.class)
			.until(() -> queries.byApplication(applicant, application).caseFile(), java.util.Objects::nonNull);
		CaseId caseId = opened.id();
		Actor clerk = clerkOf(opened.place().hall());
		int version = queries.caseFile(caseId).version();

		scenario.stimulate(transactions -> handling.accept(clerk, caseId, version, new CaseHandling.Acceptance(List.of(), null, List.of())))
			.andWaitForEventOfType(CaseAccepted.class)
			.matching(accepted -> accepted.caseId().equals(caseId))
			.toArriveAndVerify((accepted, acceptedCase) -> {
				assertThat(acceptedCase.state()).isEqualTo(CaseState.IN_PROGRESS);
				assertThat(accepted.mode()).isEqualTo(CaseFile.Mode.STANDARD);
				assertThat(accepted.gaps()).isEmpty();
				assertThat(accepted.promisedDate()).isEqualTo(acceptedCase.terms().promisedDate()).isNotNull();
				List<Task> tasks = queries.tasksOf(caseId);
				assertThat(tasks).extracting(Task::item).containsExactlyInAnyOrderElementsOf(DEPARTMENTS.keySet());
				assertThat(tasks).allSatisfy(t -> assertThat(t.department()).as(t.item()).isEqualTo(DEPARTMENTS.get(t.item())));
				assertThat(tasks).allSatisfy(t -> assertThat(t.state()).as(t.item())
					.isEqualTo(t.item().equals(REGISTRATION) ? TaskState.PENDING : TaskState.WAITING));
				assertThat(queries.departmentsOf(caseId)).containsExactlyInAnyOrderElementsOf(Set.copyOf(DEPARTMENTS.values()));
			});

		Task registration = queries.tasksOf(caseId).stream().filter(t -> t.item().equals(REGISTRATION)).findFirst().orElseThrow();
		Actor reviewer = new Actor("reviewer-" + UUID.randomUUID().toString().substring(0, 8), "审批员", EnumSet.of(Role.REVIEWER),
				null, REGION, null, registration.department());
		Task claimed = handling.claim(reviewer, registration.id(), registration.version());
		assertThat(claimed.state()).isEqualTo(TaskState.CLAIMED);

		String businessLicence = Identities.creditCode();
		scenario.stimulate(transactions -> handling.approve(reviewer, registration.id(), claimed.version(), businessLicence, "准予登记"))
			.andWaitForEventOfType(TaskDecided.class)
			.matching(decided -> decided.taskId().equals(registration.id()))
			.toArriveAndVerify((decided, approved) -> {
				assertThat(decided.outcome()).isEqualTo(TaskState.APPROVED);
				assertThat(decided.department()).isEqualTo(DEPARTMENTS.get(REGISTRATION));
				assertThat(approved.state()).isEqualTo(TaskState.APPROVED);
				assertThat(approved.outcome().claimedBy()).isEqualTo(reviewer.username());
				assertThat(approved.outcome().result().number()).isEqualTo(businessLicence);
				Map<String, Task> tasks = new HashMap<>();
				queries.tasksOf(caseId).forEach(t -> tasks.put(t.item(), t));
				// the items that need the registration start once it is approved, with its licence as their input
				assertThat(tasks.get("HN-SCJG-FOOD-LICENCE").state()).isEqualTo(TaskState.PENDING);
				assertThat(tasks.get("HN-SCJG-FOOD-LICENCE").inputs().get(REGISTRATION).number()).isEqualTo(businessLicence);
				assertThat(tasks.get("HN-ZJ-DRAINAGE-PERMIT").state()).isEqualTo(TaskState.PENDING);
				// and a 秒批 rule of the catalogue approves the new taxpayer at once
				assertThat(tasks.get("HN-SW-NEW-TAXPAYER").state()).isEqualTo(TaskState.APPROVED);
				assertThat(tasks.get("HN-SW-NEW-TAXPAYER").outcome().autoRule()).startsWith("秒批 HN-SW-NEW-TAXPAYER#auto");
				CaseQueries.CaseView view = queries.view(clerk, caseId);
				assertThat(view.caseFile().state()).isEqualTo(CaseState.IN_PROGRESS);
				assertThat(view.history()).extracting(CaseHistories.HistoryStep::action)
					.contains("SUBMITTED", "ACCEPTED", "DISPATCHED", "STARTED", "CLAIMED", "APPROVED");
				assertThat(view.history()).filteredOn(step -> registration.id().value().equals(step.taskId()))
					.extracting(CaseHistories.HistoryStep::action, CaseHistories.HistoryStep::actor)
					.endsWith(Tuple.tuple("CLAIMED", reviewer.username()),
							Tuple.tuple("APPROVED", reviewer.username()));
			});
	}

	/**
	 * The scenario sees an event when it is published, inside the transaction that opens the case: on a busy
	 * machine the case is read before that transaction has committed.
	 */
	private void awaitCommitted(CaseId caseId) {
		Awaitility.await().atMost(DELIVERY).ignoreException(cn.onego.platform.NotFound.class)
			.until(() -> queries.caseFile(caseId) != null);
	}

	private static Actor applicant() {
		return new Actor("chen-" + UUID.randomUUID().toString().substring(0, 8), "陈创业", EnumSet.of(Role.APPLICANT),
				Identities.idNumber(), null, null, null);
	}

	/** A clerk of the hall's comprehensive window, known to no staff directory: the case flow asks only their hall. */
	private static Actor clerkOf(HallCode hall) {
		return new Actor("clerk-" + UUID.randomUUID().toString().substring(0, 8), "综合窗口", EnumSet.of(Role.WINDOW_CLERK), null,
				REGION, hall.value(), null);
	}
}
