package cn.onego.crossregion;

/**
 * A handler refuses a message for good (4xx to the sender, who stops retrying and marks it REFUSED). The reason
 * travels to the sender and is shown to its staff: say it so that they can act on it.
 */
public class MessageRefused extends RuntimeException {

	private final String reason;

	public MessageRefused(String reason) {
		super(reason);
		this.reason = reason == null || reason.isBlank() ? "refused" : reason;
	}

	public String reason() {
		return reason;
	}
}
