package cn.onego.platform.sms;

import java.time.Instant;

/**
 * One text message in the outbox.
 *
 * @param to the mobile number it is for
 * @param text what it says
 * @param createdAt when it was handed to the gateway (the platform's clock)
 * @param state what became of it: {@code SIMULATED} (kept here, never sent) in the simulated mode
 */
public record SmsMessage(String to, String text, Instant createdAt, String state) {
}
