package cn.onego.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An application was submitted; the case flow takes it from here. It names the application, not the applicant:
 * events are stored in the clear (the event publication registry), so no ID number travels in one.
 */
public record ApplicationSubmitted(UUID application, String matter, String region, String channel, Instant submittedAt) {
}
