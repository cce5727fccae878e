package cn.onego.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.onego.ModuleAlone;
import cn.onego.application.ApplicationSubmitted;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.Workload;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The operators' metrics alone, on their own embedded PostgreSQL; what they read of the case flow (the workload for
 * the gauges) stands in for {@code cases}. An application submitted is counted once its transaction has committed,
 * and not at all when it rolled back.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@Import(ModuleAlone.class)
@DirtiesContext
class OperationsModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
		// the scheduled refresh reads the stubbed workload from its own thread; a refresh during the stubbing takes
		// the stubbing for its own call (UnfinishedStubbingException, as SupervisionModuleTests met on CI)
		registry.add("onego.operations.gauge-interval", () -> "1h");
	}

	@MockitoBean
	CaseQueries cases;

	private final MeterRegistry meters;
	private final Clock clock;

	OperationsModuleTests(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	@BeforeEach
	void noWorkWaiting() {
		when(cases.workload()).thenReturn(new Workload(List.of(), List.of()));
	}

	@Test
	void countsASubmissionOnceItsTransactionCommitted(Scenario scenario) {
		scenario.publish(new ApplicationSubmitted(UUID.randomUUID(), "HN-CATERING", "430102", "MOBILE", clock.instant()))
			.andWaitForStateChange(() -> submissions("HN-CATERING", "mobile"), count -> count > 0)
			.andVerify(count -> assertThat(count).as("counted by the city of 芙蓉区").isEqualTo(1.0));
	}

	@Test
	void doesNotCountASubmissionThatRolledBack(Scenario scenario) {
		scenario.stimulate((TransactionOperations transactions, ApplicationEventPublisher events) -> transactions.executeWithoutResult(status -> {
			events.publishEvent(new ApplicationSubmitted(UUID.randomUUID(), "HN-NEWBORN", "430102", "ONLINE", clock.instant()));
			status.setRollbackOnly();
		}))
			.andWaitForEventOfType(ApplicationSubmitted.class)
			.toArriveAndVerify(submitted -> assertThat(submissions("HN-NEWBORN", "online")).isZero());
	}

	private double submissions(String matter, String channel) {
		Counter counter = meters.find("onego.submissions").tags("matter", matter, "region", "430100", "channel", channel).counter();
		return counter == null ? 0 : counter.count();
	}
}
