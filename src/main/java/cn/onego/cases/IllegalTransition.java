package cn.onego.cases;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** The action is not allowed in the current state; nothing was changed. */
public class IllegalTransition extends Problem {

	IllegalTransition(String what, Object from, String action) {
		super(HttpStatus.CONFLICT, "illegal-transition", Message.of("当前状态不允许此操作", "Not allowed in the current state"),
				Message.of(what + "当前状态为 " + from + "，不能执行“" + action + "”。",
						"The " + what + " is " + from + "; '" + action + "' is not allowed."),
				List.of());
	}

	static void check(boolean allowed, String what, Object from, String action) {
		if (!allowed) {
			throw new IllegalTransition(what, from, action);
		}
	}
}
