package cn.onego.sharing;

import java.util.Map;

/** What a registry answered about a subject: its record, that it holds none, or that it could not be asked. */
public sealed interface RegistryAnswer {

	/** The record, only with the data elements the registry's kind declares, each value checked. */
	record Found(Map<String, Object> data) implements RegistryAnswer {

		public Found {
			data = Map.copyOf(data);
		}
	}

	/** The registry answered and holds nothing about the subject. */
	record NotHeld() implements RegistryAnswer {
	}

	/** The registry could not be asked or gave no usable answer; the applicant uploads instead. */
	record Failed(Failure failure) implements RegistryAnswer {
	}

	/** Why a read failed, as counted ({@code onego.registry.failures}) and logged; never about the subject. */
	enum Failure {
		/** No answer within the read timeout (or the connect timeout). */
		TIMEOUT(true),
		/** Refused or broken connection, unknown host. */
		CONNECTION(true),
		/** An HTTP 5xx, or a status the contract does not know. */
		SERVER_ERROR(true),
		/** An answer that is not the contract's JSON, or a value that fails its data element's validation. */
		GARBAGE(false),
		/** The circuit breaker is open after repeated failures: not asked at all, so as not to wait for it. */
		CIRCUIT_OPEN(false),
		/** Anything else (a bug of ours or of a connector); still degrades to an upload. */
		UNEXPECTED(false);

		/** Whether another attempt may succeed (retried with backoff); garbage stays garbage. */
		final boolean transientFailure;

		Failure(boolean transientFailure) {
			this.transientFailure = transientFailure;
		}

		/** The tag value and the log word: {@code server_error}, {@code circuit_open} … */
		public String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}
}
