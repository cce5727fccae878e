package cn.onego.sharing.resources;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** A department's read of a resource it may not read now: not shared, or no approved and current access. */
public class AccessNotGranted extends Problem {

	public AccessNotGranted(Message detail) {
		super(HttpStatus.FORBIDDEN, "access-not-granted", Message.of("未获共享授权", "Access not granted"), detail, List.of());
	}
}
