package cn.onego.platform.sms;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.onego.platform.provider.SignedHttp;
import cn.onego.platform.provider.SignedHttp.ProviderUnavailable;

/**
 * An SMS provider over HTTP ({@code onego.sms.mode=http}, docs/OPERATIONS.md): {@code POST {base-url}messages}
 * with {@code {"reference", "to", "text"}}, signed, answered {@code 2xx {"id": "…"}} when the provider took the
 * message. The reference is the outbox's id, the same on every attempt, so that a provider may recognise a
 * message it took although our side did not hear the answer. The provider reports delivery later on the receipt
 * callback ({@code POST /api/v1/delivery/sms-receipts}).
 */
final class HttpSms implements SmsProvider {

	private final SignedHttp http;

	HttpSms(SignedHttp http) {
		this.http = http;
	}

	@Override
	public Accepted submit(Outgoing message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("reference", "onego-" + message.reference());
		body.put("to", message.mobile());
		body.put("text", message.text());
		Object id = http.post("messages", body).get("id");
		if (!(id instanceof String providerId) || providerId.isBlank() || providerId.length() > 100) {
			throw new ProviderUnavailable("sms: the answer names no message id");
		}
		return new Accepted(providerId, false);
	}
}
