package cn.onego.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ErrorHandler;

/**
 * Scheduled jobs (catalogue refresh from other nodes, later the deadline scanner) and asynchronous
 * event listeners (Spring Modulith's {@code @ApplicationModuleListener}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

	/**
	 * A job that ran into a database outage says so in one line (the watch reports the outage itself) and runs
	 * again at its next time; any other failure is logged with its stack.
	 */
	static final ErrorHandler JOB_FAILURES = failure -> {
		if (DatabaseUnavailable.isCause(failure)) {
			log.warn("Scheduled job skipped, the database is unavailable: {}", failure.toString());
		}
		else {
			log.error("Scheduled job failed", failure);
		}
	};

	@Bean
	SimpleAsyncTaskSchedulerCustomizer jobFailuresOnVirtualThreads() {
		return scheduler -> scheduler.setErrorHandler(JOB_FAILURES);
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer jobFailures() {
		return scheduler -> scheduler.setErrorHandler(JOB_FAILURES);
	}
}
