package cn.onego.credit;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.credit.ListingState.Action;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** The listing's state does not allow the action (an expired listing cannot be appealed …); nothing was changed. */
public class IllegalListingTransition extends Problem {

	IllegalListingTransition(ListingState from, Action action) {
		super(HttpStatus.CONFLICT, "illegal-transition", Message.of("当前状态不允许此操作", "Not allowed in the current state"),
				Message.of("该失信记录" + zh(from) + "，不能" + zh(action) + "。", "The listing is " + en(from) + "; it cannot be "
						+ en(action) + "."),
				List.of());
	}

	private static String zh(ListingState state) {
		return switch (state) {
			case ACTIVE -> "正在生效";
			case UNDER_APPEAL -> "正在申诉处理中";
			case LIFTED -> "已修复移出";
			case EXPIRED -> "已过期失效";
		};
	}

	private static String en(ListingState state) {
		return switch (state) {
			case ACTIVE -> "in effect";
			case UNDER_APPEAL -> "under appeal";
			case LIFTED -> "lifted";
			case EXPIRED -> "expired";
		};
	}

	private static String zh(Action action) {
		return switch (action) {
			case APPEAL -> "提出申诉";
			case DISMISS_APPEAL, GRANT_APPEAL -> "作出申诉决定";
			case LIFT -> "移出（信用修复）";
		};
	}

	private static String en(Action action) {
		return switch (action) {
			case APPEAL -> "appealed";
			case DISMISS_APPEAL, GRANT_APPEAL -> "the subject of an appeal decision";
			case LIFT -> "lifted";
		};
	}
}
