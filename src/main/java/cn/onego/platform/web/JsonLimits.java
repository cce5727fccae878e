package cn.onego.platform.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * What a JSON request body may be: at most {@code onego.limits.json.max-bytes} long (1 MB), at most 32 levels
 * deep, with numbers of at most 50 digits, keys of at most 200 characters and at most 20,000 tokens (so that a
 * map of 50,000 keys is refused while it is read); and every string in it — values and map keys — held to
 * {@link Text}'s rules for free text and at most {@link Text#ANY} characters, NFC-normalised; every date between
 * 1900 and 2199 (9999-12-31 and 0000-01-01 are nobody's dates). The modules then hold each field to its own kind,
 * length and range.
 * <p>
 * These limits are for what arrives over HTTP: request bodies are read by a converter placed before Spring
 * MVC's own, with a mapper built by Boot's Jackson customisation (every {@link JsonMapperBuilderCustomizer},
 * Boot's own included, so it reads like the platform's one {@link JsonMapper}) on a JSON factory with these read
 * constraints, and with the text rules as a module. It only reads: answers are written by Boot's converter as
 * before. The platform's own mapper, which reads what the platform stored itself (a catalogue version's files,
 * event publications), keeps Jackson's defaults.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JsonLimits.Properties.class)
class JsonLimits {

	/**
	 * @param maxBytes longest body, in bytes
	 * @param maxDepth deepest nesting of objects and arrays
	 * @param maxTokens most tokens (keys, values, brackets) in one body
	 */
	@ConfigurationProperties("onego.limits.json")
	record Properties(Long maxBytes, Integer maxDepth, Long maxTokens) {

		Properties {
			maxBytes = maxBytes == null ? 1024L * 1024 : maxBytes;
			maxDepth = maxDepth == null ? 32 : maxDepth;
			maxTokens = maxTokens == null ? 20_000L : maxTokens;
		}
	}

	@Bean
	RequestBodies requestBodies(Properties limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxDocumentLength(limits.maxBytes())
			.maxNestingDepth(limits.maxDepth())
			.maxTokenCount(limits.maxTokens())
			.maxNumberLength(50)
			.maxNameLength(200)
			.maxStringLength(Math.toIntExact(Math.min(limits.maxBytes(), Integer.MAX_VALUE)))
			.build();
		JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
		customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
		builder.addModule(new SimpleModule("onego-text-rules").addDeserializer(String.class, new CheckedStrings())
			.addKeyDeserializer(String.class, new CheckedKeys())
			.addDeserializer(LocalDate.class, new CheckedDates()));
		return new RequestBodies(new JacksonJsonHttpMessageConverter(builder.build()));
	}

	/** Reads JSON request bodies with the limited mapper; writes nothing. */
	static final class RequestBodies implements SmartHttpMessageConverter<Object> {

		private final JacksonJsonHttpMessageConverter reader;

		RequestBodies(JacksonJsonHttpMessageConverter reader) {
			this.reader = reader;
		}

		@Override
		public List<MediaType> getSupportedMediaTypes() {
			return reader.getSupportedMediaTypes();
		}

		@Override
		public boolean canRead(ResolvableType type, MediaType mediaType) {
			return reader.canRead(type, mediaType);
		}

		@Override
		public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
			return reader.read(type, input, hints);
		}

		@Override
		public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
			return false;
		}

		@Override
		public void write(Object value, ResolvableType type, MediaType contentType, HttpOutputMessage output,
				Map<String, Object> hints) {
			throw new UnsupportedOperationException("request bodies are only read here");
		}
	}

	/** A JSON value that breaks {@link Text}'s rules or a range; carries the field problem to report. */
	static final class RefusedText extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		final transient FieldProblem problem;

		RefusedText(JsonParser parser, FieldProblem problem) {
			super(parser, problem.message().en(), String.class);
			this.problem = problem;
		}
	}

	static FieldProblem refusal(String value) {
		if (value.length() > Text.ANY) {
			return Text.tooLong("", Text.ANY);
		}
		return Text.characterProblem("", value, Text.Kind.FREE_TEXT).orElse(null);
	}

	/**
	 * Strings as the standard deserializer reads them, then checked and NFC-normalised; a password is checked
	 * but kept exactly as typed (it is compared with what the sign-in sends, which is not normalised).
	 */
	static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (value == null) {
				return null;
			}
			String name = p.currentName();
			boolean secret = name != null && name.toLowerCase(Locale.ROOT).contains("password");
			FieldProblem problem = refusal(value);
			if (problem != null) {
				throw new RefusedText(p, problem);
			}
			return secret ? value : Text.normalise(value);
		}
	}

	/** Dates as the standard deserializer reads them, between 1900 and 2199. */
	static final class CheckedDates extends StdDeserializer<LocalDate> {

		CheckedDates() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
			if (date != null && (date.isBefore(WebConfiguration.EARLIEST) || date.isAfter(WebConfiguration.LATEST))) {
				throw new RefusedText(p, new FieldProblem("", "range", Message.of(
						"日期应在 " + WebConfiguration.EARLIEST + " 至 " + WebConfiguration.LATEST + " 之间",
						"a date lies between " + WebConfiguration.EARLIEST + " and " + WebConfiguration.LATEST)));
			}
			return date;
		}
	}

	/** Map keys: the same rules, and one line. */
	static final class CheckedKeys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			FieldProblem problem = key.length() > Text.ANY ? Text.tooLong("", Text.ANY)
					: Text.characterProblem("", key, Text.Kind.LINE).orElse(null);
			if (problem != null) {
				throw new RefusedText(ctxt.getParser(), new FieldProblem("", problem.code(),
						Message.of("键" + problem.message().zh(), "key " + problem.message().en())));
			}
			return Text.normalise(key);
		}
	}
}
