package cn.onego.platform.logging;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.EventArgUtil;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.helpers.MessageFormatter;

/**
 * Every log call passes here before any appender: a message (or an exception's message) holding a full ID or
 * mobile number is not written as it is; the same event is written instead with the numbers masked
 * ({@link Masking}), to every appender of the logger — the console, a file, JSON or plain alike. An
 * exception whose messages held a number is written as a {@link MaskedThrowable} that names the original
 * class in its message and keeps its stack trace.
 */
public class MaskingTurboFilter extends TurboFilter {

	private static final String FQCN = MaskingTurboFilter.class.getName();

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
			return FilterReply.NEUTRAL; // a level check, or below the logger's level: nothing is written anyway
		}
		Throwable throwable = t;
		Object[] args = params;
		if (throwable == null && args != null) {
			Throwable trailing = EventArgUtil.extractThrowable(args);
			if (EventArgUtil.successfulExtraction(trailing)) {
				throwable = trailing;
				args = EventArgUtil.trimmedCopy(args);
			}
		}
		String message = args == null || args.length == 0 ? format : MessageFormatter.arrayFormat(format, args).getMessage();
		boolean inMessage = Masking.needed(message);
		boolean inThrowable = MaskedThrowable.needed(throwable);
		if (!inMessage && !inThrowable) {
			return FilterReply.NEUTRAL;
		}
		LoggingEvent masked = new LoggingEvent(FQCN, logger, level, Masking.mask(message),
				inThrowable ? MaskedThrowable.of(throwable) : throwable, null);
		if (marker != null) {
			masked.addMarker(marker);
		}
		logger.callAppenders(masked);
		return FilterReply.DENY;
	}
}
