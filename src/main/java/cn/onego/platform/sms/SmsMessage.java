package cn.onego.platform.sms;

import java.time.Instant;

/**
 * One text message in the outbox.
 *
 * @param to the mobile number it is for
 * @param text what it says
 * @param createdAt when it was handed to the gateway (the platform's clock)
 * @param state what became of it: {@code PENDING} (waiting for a provider to take it), {@code SENT} (taken),
 *        {@code DELIVERED}, {@code FAILED} (after the last attempt, or the provider's receipt said so);
 *        {@code SIMULATED} for messages of runs before the outbox sent anything
 */
public record SmsMessage(String to, String text, Instant createdAt, String state) {
}
