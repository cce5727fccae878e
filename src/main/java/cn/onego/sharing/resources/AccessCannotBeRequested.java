package cn.onego.sharing.resources;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** Access to this resource is not something this department can ask for now; the code says why. */
public class AccessCannotBeRequested extends Problem {

	private AccessCannotBeRequested(String code, Message detail) {
		super(HttpStatus.CONFLICT, code, Message.of("不能申请共享", "Access cannot be requested"), detail, List.of());
	}

	static AccessCannotBeRequested notShared() {
		return new AccessCannotBeRequested("resource-not-shared", Message.of("该资源属于不予共享类，不能申请。",
				"The resource is not shared; access cannot be requested."));
	}

	static AccessCannotBeRequested unconditional() {
		return new AccessCannotBeRequested("resource-unconditional", Message.of("该资源属于无条件共享类，依职责直接使用，无需申请。",
				"The resource is shared unconditionally: read it for your duties, no request is needed."));
	}

	static AccessCannotBeRequested ownResource() {
		return new AccessCannotBeRequested("own-resource", Message.of("本部门是该资源的提供部门，无需申请。",
				"Your department provides this resource; no request is needed."));
	}

	static AccessCannotBeRequested pending() {
		return new AccessCannotBeRequested("access-already-requested", Message.of("本部门对该资源已有待答复的申请。",
				"Your department has asked for this resource already; the answer is pending."));
	}

	static AccessCannotBeRequested granted() {
		return new AccessCannotBeRequested("access-already-granted", Message.of("本部门已获准使用该资源。",
				"Your department holds approved access to this resource already."));
	}
}
