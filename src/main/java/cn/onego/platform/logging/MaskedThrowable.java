package cn.onego.platform.logging;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A copy of an exception for the logs, with the personal numbers in its messages masked: the message starts
 * with the original class, the stack trace and the chain of causes are kept.
 */
final class MaskedThrowable extends RuntimeException {

	private MaskedThrowable(String message, Throwable cause) {
		super(message, cause, false, true);
	}

	/** Whether any message in the chain of causes holds a full ID or mobile number. */
	static boolean needed(Throwable throwable) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = throwable; t != null && seen.add(t); t = t.getCause()) {
			if (Masking.needed(t.getMessage())) {
				return true;
			}
		}
		return false;
	}

	static Throwable of(Throwable original) {
		return copy(original, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private static Throwable copy(Throwable original, Set<Throwable> seen) {
		if (original == null || !seen.add(original)) {
			return null;
		}
		Throwable cause = copy(original.getCause(), seen);
		MaskedThrowable copy = new MaskedThrowable(
				original.getClass().getName() + (original.getMessage() == null ? "" : ": " + Masking.mask(original.getMessage())),
				cause);
		copy.setStackTrace(original.getStackTrace());
		return copy;
	}
}
