package cn.onego.crossregion;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A message this instance sends to a partner, as staff see it: sent and received ({@code DELIVERED}, with the
 * partner's response), refused by the partner for good ({@code REFUSED}, with its reason), or not yet received
 * ({@code PENDING}, with the attempts so far and the last error) — {@code overdue} once it waited longer than
 * {@code onego.federation.warn-after}.
 */
public record OutgoingMessage(UUID id, String partnerId, String kind, String messageId, String subject, State state, int attempts,
		String lastError, Instant createdAt, Instant deliveredAt, boolean overdue, JsonNode response) {

	public enum State {
		/** Not yet received by the partner: sent again until it is, however long the partner is away. */
		PENDING,
		/** The partner took it and answered; its answer is the response. */
		DELIVERED,
		/** The partner refused it for good (an answer 4xx): it will not be sent again; the reason is the last error. */
		REFUSED
	}
}
