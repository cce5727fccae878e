package cn.onego.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist. */
public class NotFound extends Problem {

	public NotFound(String whatZh, String whatEn, String key) {
		super(HttpStatus.NOT_FOUND, "not-found", Message.of("未找到", "Not found"),
				Message.of("未找到" + whatZh + "：" + key, whatEn + " not found: " + key), List.of());
	}
}
