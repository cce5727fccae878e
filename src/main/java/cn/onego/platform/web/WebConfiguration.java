package cn.onego.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

/** Chinese first, English on request; rate limits on the endpoints that name one; the OpenAPI description's front page. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final RateLimitInterceptor rateLimits;

	WebConfiguration(RateLimitInterceptor rateLimits) {
		this.rateLimits = rateLimits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(rateLimits);
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
			.license(new License().name("Apache-2.0")));
	}
}
