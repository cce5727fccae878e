package cn.onego.crossregion;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A partner took a message and answered: the answer is its handler's response (e.g. the partner's case number).
 * Published in the transaction that marks the message delivered, once per message.
 */
public record OutgoingMessageDelivered(UUID id, String partnerId, String kind, String messageId, String subject, JsonNode response) {
}
