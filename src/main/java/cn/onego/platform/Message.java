package cn.onego.platform;

/** A message for a person, in Chinese and English. */
public record Message(String zh, String en) {

	public static Message of(String zh, String en) {
		return new Message(zh, en);
	}
}
