package cn.onego.sharing.resources;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** Only the head of the department that provides a resource answers requests for it, or revokes access. */
public class NotTheProvidersHead extends Problem {

	NotTheProvidersHead() {
		super(HttpStatus.FORBIDDEN, "not-the-provider", Message.of("无权答复", "Not the provider"),
				Message.of("只有资源提供部门的负责人可以同意、拒绝或撤销共享申请。",
						"Only the head of the department that provides the resource may approve, refuse or revoke access."),
				List.of());
	}
}
