package cn.onego.crossregion;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * Why the inbox refused a request, each a problem+json answer in Chinese and English (docs/FEDERATION.md,
 * "Answers"). A sender retries after 408, 429, 5xx and {@code replayed}; any other 4xx is for good.
 */
final class FederationRefusals {

	private FederationRefusals() {
	}

	/**
	 * The request is not a known partner's: unknown sender, signature that does not verify, timestamp outside the
	 * window, or a nonce that is not one. Logged with the reason; the code tells a vendor's developer what to fix.
	 */
	static final class NotAuthenticated extends Problem {

		NotAuthenticated(String code, Message detail) {
			super(HttpStatus.UNAUTHORIZED, code, Message.of("请求未通过实例认证", "Instance not authenticated"), detail, List.of());
		}

		static NotAuthenticated unknownInstance() {
			return new NotAuthenticated("unknown-instance",
					Message.of("发送方实例未登记为本平台的合作方。", "The sending instance is not a known partner of this platform."));
		}

		static NotAuthenticated badSignature() {
			return new NotAuthenticated("bad-signature", Message.of("签名与请求的方法、路径、时间、随机数或内容不符。",
					"The signature does not match the request's method, path, time, nonce or body."));
		}

		static NotAuthenticated staleTimestamp() {
			return new NotAuthenticated("stale-timestamp", Message.of("请求时间缺失、格式有误或与本平台时钟相差超过 300 秒。",
					"The timestamp is missing, malformed or more than 300 seconds from this platform's clock."));
		}

		static NotAuthenticated badNonce() {
			return new NotAuthenticated("bad-nonce", Message.of("随机数缺失或格式有误（至少 16 个字母、数字、下划线或连字符）。",
					"The nonce is missing or malformed (at least 16 letters, digits, '_' or '-')."));
		}
	}

	/** The nonce was seen from this sender before: a recorded request sent again. */
	static final class Replayed extends Problem {

		Replayed() {
			super(HttpStatus.CONFLICT, "replayed", Message.of("请求重放", "Request replayed"),
					Message.of("该随机数已被使用：重试请用新的随机数重新签名。", "This nonce was used before: sign a retry with a fresh nonce."),
					List.of());
		}
	}

	/** No handler here for the message's kind. */
	static final class UnknownKind extends Problem {

		UnknownKind(String kind) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-kind", Message.of("不支持的消息类型", "Unknown kind of message"),
					Message.of("本平台不处理类型为 " + kind + " 的消息。", "This platform handles no message of the kind " + kind + "."),
					List.of());
		}
	}

	/** The handler refused the message for good, with its reason. */
	static final class Refused extends Problem {

		Refused(String reason) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "message-refused", Message.of("消息被拒绝", "Message refused"),
					Message.of("对方平台拒绝了该消息：" + reason, "The platform refused the message: " + reason), List.of());
		}
	}

	/** The message id was used by this sender before for a different message. */
	static final class MessageIdReused extends Problem {

		MessageIdReused() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "message-id-reused", Message.of("消息编号已被使用", "Message id reused"),
					Message.of("该消息编号已用于内容不同的另一条消息。", "This message id was used before for a message with a different body."),
					List.of());
		}
	}

	/** Over the size a message may have. */
	static final class TooLarge extends Problem {

		TooLarge() {
			super(HttpStatus.CONTENT_TOO_LARGE, "too-large", Message.of("消息过大", "Message too large"),
					Message.of("一条消息的内容最多 32 MB。", "A message's body is at most 32 MB."), List.of());
		}
	}
}
