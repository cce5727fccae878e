package cn.onego.crossregion;

import tools.jackson.databind.JsonNode;

/**
 * Implemented by other modules (the coordinator's case code) to receive a kind of message. Runs inside the
 * transaction that records the message as received, so a handler's writes and the inbox row commit together;
 * a second delivery of the same (partner, messageId) does NOT call it again but answers the stored response.
 * A handler that throws {@link MessageRefused} refuses the message for good; any other exception leaves it
 * unrecorded, and the sender tries again later.
 */
public interface FederationHandler {

	/** The kind of message handled, e.g. {@code case.forward}; one handler per kind. */
	String kind();

	/** What the message means here; the result (serialised as JSON, may be null) is the answer to the sender. */
	Object handle(Partner from, String messageId, JsonNode payload);
}
