package cn.onego.cases;

import java.util.List;

/**
 * A text said to people in Chinese and in English, with named parameters of known kinds: the steps of a history
 * ({@link HistoryText}) and the messages to applicants ({@link NoticeText}). {@link PlainWords#say} fills it in.
 */
interface Sentence {

	String zh();

	String en();

	List<HistoryText.Param> params();

	/** The kind of a parameter, or null if the text has no such parameter. */
	default HistoryText.Kind kindOf(String name) {
		return params().stream().filter(p -> p.name().equals(name)).map(HistoryText.Param::kind).findFirst().orElse(null);
	}
}
