package cn.onego.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An expected failure that a client should be told about as {@code application/problem+json}. Each
 * subclass is named after what went wrong; the handler turns it into a bilingual problem document.
 */
public abstract class Problem extends RuntimeException {

	private final HttpStatus status;
	private final String code;
	private final Message title;
	private final Message detail;
	private final List<FieldProblem> errors;
	private final Map<String, String> headers = new LinkedHashMap<>();
	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected Problem(HttpStatus status, String code, Message title, Message detail, List<FieldProblem> errors) {
		super(detail != null ? detail.en() : title.en());
		this.status = status;
		this.code = code;
		this.title = title;
		this.detail = detail;
		this.errors = List.copyOf(errors);
	}

	public HttpStatus status() {
		return status;
	}

	/** A short stable code; the problem type URI is {@code urn:onego:problem:<code>}. */
	public String code() {
		return code;
	}

	public Message title() {
		return title;
	}

	public Message detail() {
		return detail;
	}

	public List<FieldProblem> errors() {
		return errors;
	}

	/** Response headers the answer carries besides the document, e.g. {@code Retry-After} with a 429. */
	public Map<String, String> headers() {
		return Map.copyOf(headers);
	}

	protected void header(String name, String value) {
		headers.put(name, value);
	}

	/**
	 * Members the document carries besides the standard ones, for a client to act on (e.g. the halls where a refused
	 * application can be handed in instead).
	 */
	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

	protected void property(String name, Object value) {
		properties.put(name, value);
	}
}
