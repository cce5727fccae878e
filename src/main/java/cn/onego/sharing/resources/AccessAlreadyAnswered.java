package cn.onego.sharing.resources;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** A request's state does not allow the answer: it was answered (or revoked) already, perhaps a moment ago. */
public class AccessAlreadyAnswered extends Problem {

	AccessAlreadyAnswered(ResourceAccess.State state, ResourceAccess.State wanted) {
		super(HttpStatus.CONFLICT, "access-already-answered", Message.of("申请已处理", "Request already answered"),
				Message.of("该共享申请当前为" + zh(state) + "，不能再" + verbZh(wanted) + "。",
						"The access request is " + state.name().toLowerCase(java.util.Locale.ROOT) + "; it cannot be "
								+ wanted.name().toLowerCase(java.util.Locale.ROOT) + " now."),
				List.of());
	}

	private static String zh(ResourceAccess.State state) {
		return switch (state) {
			case REQUESTED -> "待答复";
			case APPROVED -> "已同意";
			case REFUSED -> "已拒绝";
			case REVOKED -> "已撤销";
		};
	}

	private static String verbZh(ResourceAccess.State state) {
		return switch (state) {
			case REQUESTED -> "申请";
			case APPROVED -> "同意";
			case REFUSED -> "拒绝";
			case REVOKED -> "撤销";
		};
	}
}
