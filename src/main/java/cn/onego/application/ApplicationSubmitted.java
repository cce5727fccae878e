package cn.onego.application;

import java.time.Instant;
import java.util.UUID;

/** An application was submitted; the case flow takes it from here. */
public record ApplicationSubmitted(UUID application, String matter, String applicantId, String region, String channel,
		Instant submittedAt) {
}
