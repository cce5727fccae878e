package cn.onego.cases;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** Someone else changed the case or task since it was read; nothing was changed. */
public class ConcurrentChange extends Problem {

	ConcurrentChange(String what, int version) {
		super(HttpStatus.CONFLICT, "concurrent-change", Message.of("已被他人修改", "Changed by someone else"),
				Message.of(what + "已被他人处理（您读取的是第 " + version + " 版），请刷新后再操作。",
						"The " + what + " was changed by someone else (you read version " + version + "); reload and try again."),
				List.of());
	}

	/** The case kept being changed by others while this action was decided on it. */
	ConcurrentChange(String what) {
		super(HttpStatus.CONFLICT, "concurrent-change", Message.of("已被他人修改", "Changed by someone else"),
				Message.of(what + "正被他人同时处理，请刷新后再操作。", "The " + what + " is being changed by others at this moment; reload and try again."),
				List.of());
	}
}
