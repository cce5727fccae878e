package cn.onego.idp;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import cn.onego.platform.Message;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the sign-in form is answered. The page's script posts it and reads JSON: on success where to go next
 * (the authorization request that sent the person here, or the provider's start page); on failure a
 * bilingual problem document like every other error — wrong name or password (401), account locked with
 * the time it opens again (423), too many refused sign-ins from the address (429 with {@code Retry-After}).
 */
final class SignInAnswers {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final RequestCache requests;
	private final JsonMapper json;

	SignInAnswers(RequestCache requests, JsonMapper json) {
		this.requests = requests;
		this.json = json;
	}

	AuthenticationSuccessHandler success() {
		return (request, response, authentication) -> {
			SavedRequest saved = requests.getRequest(request, response);
			String next = saved != null ? saved.getRedirectUrl() : request.getContextPath() + DemoIdentityProvider.ISSUER_PATH + "/?signedIn";
			write(response, HttpStatus.OK, Map.of("redirect", next));
		};
	}

	AuthenticationFailureHandler failure() {
		return (request, response, exception) -> {
			if (exception instanceof SignIn.AccountLocked locked) {
				String until = TIME.format(locked.until().atZone(CHINA));
				Map<String, Object> body = problem(request, HttpStatus.LOCKED, "account-locked",
						Message.of("账号已锁定", "Account locked"),
						Message.of("连续10次密码错误，账号已锁定至 " + until + "（北京时间），届时可再次登录；也可通过实名注册页找回密码。",
								"After 10 wrong passwords in a row the account is locked until " + until
										+ " (China Standard Time); sign in again then, or reset the password on the registration page."));
				body.put("lockedUntil", locked.until().toString());
				write(response, HttpStatus.LOCKED, body);
			}
			else if (exception instanceof SignIn.AddressThrottled throttled) {
				long seconds = CodeLimits.seconds(throttled.retryAfter());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				write(response, HttpStatus.TOO_MANY_REQUESTS, problem(request, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins",
						Message.of("登录失败次数过多", "Too many failed sign-ins"),
						Message.of("来自您网络地址的登录失败次数过多，请 " + Math.max(1, seconds / 60) + " 分钟后再试。",
								"Too many failed sign-ins from your network address; try again in " + Math.max(1, seconds / 60)
										+ " minutes.")));
			}
			else {
				write(response, HttpStatus.UNAUTHORIZED, problem(request, HttpStatus.UNAUTHORIZED, "bad-credentials",
						Message.of("用户名或密码不正确", "Wrong username or password"),
						Message.of("请检查用户名（或公民身份号码）和密码后重试。连续10次错误将锁定账号15分钟。",
								"Check the username (or citizen ID number) and the password and try again. 10 wrong passwords in a row lock the account for 15 minutes.")));
			}
		};
	}

	/** A request refused by the filters, in practice a missing or wrong CSRF token. */
	AccessDeniedHandler forbidden() {
		return (request, response, exception) -> write(response, HttpStatus.FORBIDDEN, problem(request, HttpStatus.FORBIDDEN,
				"forbidden", Message.of("无权操作", "Forbidden"),
				Message.of("请求未通过安全校验（CSRF），请刷新页面后重试。", "The request failed the security check (CSRF); reload the page and try again.")));
	}

	private static Map<String, Object> problem(HttpServletRequest request, HttpStatus status, String code, Message title,
			Message detail) {
		boolean english = english(request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "urn:onego:problem:" + code);
		body.put("title", english ? title.en() : title.zh());
		body.put("status", status.value());
		body.put("detail", english ? detail.en() : detail.zh());
		body.put("instance", request.getRequestURI());
		body.put("code", code);
		body.put("message", detail);
		return body;
	}

	/** The same choice as the API's: {@code ?lang=} first, then Accept-Language, Chinese by default. */
	private static boolean english(HttpServletRequest request) {
		String lang = request.getParameter("lang");
		if (lang == null) {
			lang = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
		}
		return lang != null && lang.strip().toLowerCase(Locale.ROOT).startsWith("en");
	}

	private void write(HttpServletResponse response, HttpStatus status, Object body) throws IOException {
		response.setStatus(status.value());
		response.setContentType(status.is2xxSuccessful() ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(), body);
	}
}
