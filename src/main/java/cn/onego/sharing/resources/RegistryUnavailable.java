package cn.onego.sharing.resources;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * The registry behind a resource could not be asked (timeout, refused connection, an answer that is not the
 * contract's, an open circuit): the department is told so, not that the subject has no record — the two lead to
 * different decisions. The read is logged either way.
 */
public class RegistryUnavailable extends Problem {

	public RegistryUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", Message.of("共享库暂时无法访问", "Registry unavailable"),
				Message.of("提供该资源的共享库暂时无法访问，未读取到任何数据，请稍后再试。",
						"The registry that provides this resource cannot be reached now; nothing was read. Try again later."),
				List.of());
	}
}
