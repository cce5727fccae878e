package cn.onego.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs (catalogue refresh from other nodes, later the deadline scanner) and asynchronous
 * event listeners (Spring Modulith's {@code @ApplicationModuleListener}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {
}
