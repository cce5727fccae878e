package cn.onego.evaluation;

import cn.onego.shared.Label;

/** The five levels of 好差评, coded as GB/T 39046 A.8 (1 best). 差评 = 不满意 and 非常不满意. */
public enum Level {

	VERY_SATISFIED(1, Label.of("非常满意", "Very satisfied")), SATISFIED(2, Label.of("满意", "Satisfied")),
	BASICALLY_SATISFIED(3, Label.of("基本满意", "Basically satisfied")), DISSATISFIED(4, Label.of("不满意", "Dissatisfied")),
	VERY_DISSATISFIED(5, Label.of("非常不满意", "Very dissatisfied"));

	public final int code;
	public final Label label;

	Level(int code, Label label) {
		this.code = code;
		this.label = label;
	}

	public boolean bad() {
		return code >= 4;
	}

	public static Level of(int code) {
		for (Level level : values()) {
			if (level.code == code) {
				return level;
			}
		}
		throw new IllegalArgumentException("no level " + code);
	}
}
