/**
 * The operators' view (运维监控): the platform's business metrics for Prometheus at {@code /actuator/prometheus},
 * all named {@code onego_*} and tagged only with low-cardinality values (matter, region at city level, channel,
 * mode, outcome, hall, department, limit) — never a person or a case number. Counters move on the events the
 * modules already publish (an application submitted, a case accepted or refused, a task decided, a deadline
 * scan, a refused sign-in), counted once their transaction has committed; gauges (queue depths, yellow and
 * red tasks, the event publication backlog and its oldest entry's age) come from a snapshot refreshed every 15
 * seconds. Listens to {@link cn.onego.application.ApplicationSubmitted}, the cases' events and
 * {@link cn.onego.cases.DeadlinesScanned}, and to Spring Security's authentication failures; reads
 * {@link cn.onego.cases.CaseQueries#workload()}. Registry read times and rate-limit refusals are counted where
 * they happen (sharing, platform).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = { "shared", "platform",
		"application", "cases" })
package cn.onego.operations;
