package cn.onego.platform.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import ch.qos.logback.classic.LoggerContext;

/**
 * Puts the {@link MaskingTurboFilter} in front of Logback right after Spring Boot has configured logging (which
 * replaces Logback's configuration, filters included), so that it is in place before the application's first
 * line and whatever the logging configuration. Registered in {@code META-INF/spring.factories}.
 */
public class MaskingInstaller implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		install();
	}

	/** Adds the filter unless it is there already. */
	public static void install() {
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (factory instanceof LoggerContext context
				&& context.getTurboFilterList().stream().noneMatch(MaskingTurboFilter.class::isInstance)) {
			MaskingTurboFilter filter = new MaskingTurboFilter();
			filter.setName("onego-masking");
			filter.setContext(context);
			filter.start();
			context.addTurboFilter(filter);
		}
	}

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}
}
