package cn.onego.idp.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.idp.DemoIdentityProvider;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.platform.sms.SimulatedSms;
import cn.onego.platform.sms.SmsGateway;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The provider's pages (static HTML under {@code /idp/}) at their short addresses, what the pages need to
 * know about the provider, and the simulated SMS inbox of the demo.
 */
@RestController
// the demo provider stands for the province's platform, a system of its own: not in OneGo's API description
@Hidden
@Tag(name = "Demo identity provider 统一身份认证（演示）")
class IdpPages {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final DemoIdentityProvider provider;
	private final ObjectProvider<SimulatedSms> simulated;

	IdpPages(DemoIdentityProvider provider, ObjectProvider<SimulatedSms> simulated) {
		this.provider = provider;
		this.simulated = simulated;
	}

	@GetMapping(path = { "/idp", "/idp/" }, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> start() {
		return page("index.html");
	}

	@GetMapping(path = "/idp/login", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<Resource> login() {
		return page("login.html");
	}

	record About(String issuer, String discovery, boolean smsSimulated) {
	}

	@GetMapping("/idp/api/about")
	@Operation(summary = "The provider's issuer and mode 身份认证服务信息")
	About about(HttpServletRequest request) {
		String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ request.getContextPath();
		String issuer = provider.issuer(base);
		return new About(issuer, issuer + "/.well-known/openid-configuration", simulated.getIfAvailable() != null);
	}

	record Inbox(String mobile, String notice, List<Map<String, Object>> messages) {
	}

	@GetMapping("/idp/api/demo/sms")
	@Operation(summary = "Simulated SMS inbox of one mobile number 模拟短信收件箱",
			description = "Only in the simulated SMS mode (onego.sms.mode=simulated, the embedded default): the latest messages to the number, which is answered masked.")
	Inbox inbox(@RequestParam String mobile) {
		SimulatedSms sms = simulated.getIfAvailable();
		if (sms == null) {
			throw new NotSimulated();
		}
		String number = mobile.strip();
		if (!MOBILE.matcher(number).matches()) {
			throw InvalidInput.of("mobile", "pattern", Message.of("手机号码应为11位、以1开头", "a mobile number has 11 digits starting with 1"));
		}
		List<Map<String, Object>> messages = sms.latestTo(number, 10).stream()
			.map(m -> Map.<String, Object>of("text", m.text(), "createdAt", m.createdAt(), "state", m.state()))
			.toList();
		return new Inbox(SmsGateway.masked(number), "模拟短信：仅在 onego.sms.mode=simulated 时存在，短信从未真正发出。"
				+ " Simulated SMS: exists only with onego.sms.mode=simulated; nothing was really sent.", messages);
	}

	private static ResponseEntity<Resource> page(String name) {
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(new ClassPathResource("static/idp/" + name));
	}

	/** The inbox exists only while SMS is simulated. */
	static final class NotSimulated extends Problem {

		NotSimulated() {
			super(HttpStatus.NOT_FOUND, "sms-not-simulated", Message.of("未找到", "Not found"),
					Message.of("模拟短信收件箱仅在模拟短信模式（onego.sms.mode=simulated）下提供。",
							"The simulated SMS inbox exists only in the simulated SMS mode (onego.sms.mode=simulated)."),
					List.of());
		}
	}
}
