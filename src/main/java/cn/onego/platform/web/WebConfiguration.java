package cn.onego.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/**
 * Chinese first, English on request; dates in parameters as people mean them; rate limits on the endpoints
 * that name one; and the OpenAPI description's front page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
	static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

	private final RateLimitInterceptor rateLimits;

	WebConfiguration(RateLimitInterceptor rateLimits) {
		this.rateLimits = rateLimits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(rateLimits);
	}

	/**
	 * A date parameter ({@code from}, {@code to}, {@code dueBy} …) is {@code YYYY-MM-DD} between 1900 and 2199:
	 * 0000-01-01 or +999999999-12-31 are refused with 400 as any malformed value, instead of reaching date
	 * arithmetic that overflows or queries that span millennia.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, LocalDate.class, text -> {
			if (text == null || text.isBlank()) {
				return null;
			}
			LocalDate date = LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
			if (text.trim().length() != 10 || date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				throw new IllegalArgumentException("a date between " + EARLIEST + " and " + LATEST);
			}
			return date;
		});
	}

	@Bean
	LocaleResolver localeResolver() {
		return new LanguageResolver();
	}

	@Bean
	OpenAPI oneGoOpenApi() {
		return new OpenAPI().info(new Info().title("OneGo API — 一件事一次办")
			.version("v1")
			.description("""
					一件事一次办：一次告知、一表申请、一套材料、一窗受理、一次办结。
					Apply once for a matter that spans several departments. Errors are application/problem+json \
					with a message in Chinese and English. Send Accept-Language: en for English titles.""")
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
	}
}
