package cn.onego.platform.web;

import java.util.Locale;

import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Chinese first: the {@code lang} query parameter ({@code zh} or {@code en}) wins, then the browser's
 * Accept-Language, and Simplified Chinese when neither asks for English.
 */
class LanguageResolver implements LocaleResolver {

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		// from the query only: reading request parameters would parse a form or multipart body, perhaps one
		// that is being refused for its size
		String lang = lang(request.getQueryString());
		if (lang != null) {
			return lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
		}
		String accept = request.getHeader("Accept-Language");
		if (accept != null && !accept.isBlank()) {
			String first = accept.split(",")[0].trim().toLowerCase(Locale.ROOT);
			if (first.startsWith("en")) {
				return Locale.ENGLISH;
			}
		}
		return Locale.SIMPLIFIED_CHINESE;
	}

	private static String lang(String query) {
		try {
			String[] values = RequestLimits.query(query).get("lang");
			return values == null || values.length == 0 ? null : values[0];
		}
		catch (IllegalArgumentException malformed) {
			return null;
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		throw new UnsupportedOperationException("The language is chosen per request with ?lang= or Accept-Language");
	}
}
