package cn.onego.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/** The net behind the rule of never logging a full ID or mobile number. */
class MaskingTests {

	@Test
	void masksAnIdNumberToItsFirstAndLastFourCharacters() {
		assertThat(Masking.mask("申请人 430102199003071234 已提交")).isEqualTo("申请人 4301**********1234 已提交");
		assertThat(Masking.mask("id=11010519491231002X;")).isEqualTo("id=1101**********002X;");
		assertThat(Masking.mask("id=11010519491231002x")).isEqualTo("id=1101**********002x");
	}

	@Test
	void masksAMobileNumberWithOrWithoutCountryCodeAndSeparators() {
		assertThat(Masking.mask("SMS to 13812345678 sent")).isEqualTo("SMS to 138****5678 sent");
		assertThat(Masking.mask("tel:+8613812345678")).isEqualTo("tel:+86138****5678");
		assertThat(Masking.mask("手机 138-1234-5678")).isEqualTo("手机 138****5678");
		assertThat(Masking.mask("手机 138 1234 5678。")).isEqualTo("手机 138****5678。");
	}

	@Test
	void leavesCaseNumbersUuidsTimesAndLongerRunsOfDigitsAlone() {
		String line = "case 430102-20260302-00000042 task 0f8c2a9e-1b3d-4c5e-9f70-123456789012 at 2026-03-02T10:00:00Z "
				+ "took 1733 ms, account 6222020200112233445, serial 1234567890123456789";
		assertThat(Masking.mask(line)).isEqualTo(line);
		assertThat(Masking.needed(line)).isFalse();
		assertThat(Masking.mask(null)).isNull();
	}

	@Test
	void theTurboFilterWritesTheMaskedLineInsteadOfTheOriginalToEveryAppender() {
		LoggerContext context = new LoggerContext();
		MaskingTurboFilter filter = new MaskingTurboFilter();
		filter.setContext(context);
		filter.start();
		context.addTurboFilter(filter);
		List<ILoggingEvent> written = new ArrayList<>();
		AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
			@Override
			protected void append(ILoggingEvent event) {
				written.add(event);
			}
		};
		appender.setContext(context);
		appender.start();
		Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(appender);
		root.setLevel(Level.INFO);
		Logger logger = context.getLogger("cn.onego.somewhere");

		logger.info("refused {} with mobile {}", "430102199003071234", "13812345678");
		logger.info("nothing personal in case {}", "430102-20260302-00000042");
		logger.debug("below the level: {}", "430102199003071234");
		logger.warn("failed for {}", "430102199003071234",
				new IllegalStateException("duplicate key (id_number)=(430102199003071234)", new RuntimeException("mobile 13812345678")));

		assertThat(written).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("refused 4301**********1234 with mobile 138****5678", "nothing personal in case 430102-20260302-00000042",
					"failed for 4301**********1234");
		ILoggingEvent failed = written.get(2);
		assertThat(failed.getThrowableProxy().getMessage())
			.isEqualTo("java.lang.IllegalStateException: duplicate key (id_number)=(4301**********1234)");
		assertThat(failed.getThrowableProxy().getCause().getMessage()).isEqualTo("java.lang.RuntimeException: mobile 138****5678");
		assertThat(failed.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
		assertThat(failed.getLoggerName()).isEqualTo("cn.onego.somewhere");
	}
}
