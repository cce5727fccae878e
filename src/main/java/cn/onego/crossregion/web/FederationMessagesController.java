package cn.onego.crossregion.web;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.crossregion.FederationOutbox;
import cn.onego.crossregion.OutgoingMessage;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The staff's view of the messages sent to partner instances: what became of a subject's, and the overdue ones. */
@RestController
@RequestMapping("/api/v1/federation")
@Tag(name = "Federation 跨平台互通", description = "Between OneGo instances: the messages sent to partner instances, received or not yet")
class FederationMessagesController {

	private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	static {
		// a partner's response is any JSON value: described as such, not as the Java type that holds it
		org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class,
				new io.swagger.v3.oas.models.media.Schema<Object>().description("Any JSON value: the partner's answer"));
	}

	private final FederationOutbox outbox;

	FederationMessagesController(FederationOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/messages")
	@Operation(summary = "Messages about a subject 跨平台消息", description = "The messages sent to partner instances about a subject (a case's id, for instance), oldest first: received (with the partner's answer), refused (with the reason) or not yet received (attempts, last error, overdue after onego.federation.warn-after).")
	List<OutgoingMessage> about(@RequestParam String subject) {
		if (!SUBJECT.matcher(subject).matches()) {
			throw InvalidInput.of("subject", "invalid", Message.of("主题只能由字母、数字和 . _ : - 组成，最多 100 个字符",
					"a subject is at most 100 letters, digits and . _ : -"));
		}
		return outbox.about(subject);
	}

	@GetMapping("/messages/overdue")
	@Operation(summary = "Messages not yet received 超时未送达的跨平台消息", description = "The messages to partner instances still not received after onego.federation.warn-after (one hour by default), oldest first, at most 500.")
	List<OutgoingMessage> overdue() {
		return outbox.overdue();
	}
}
