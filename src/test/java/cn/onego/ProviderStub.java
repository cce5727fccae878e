package cn.onego;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.onego.platform.provider.Signatures;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provider (an SMS platform, a courier) as a real HTTP server on loopback: it checks every request's bearer key
 * and HMAC signature as a provider would (401 otherwise), keeps what it received, and answers as the test says —
 * including 503 for as long as the test keeps it down.
 */
public final class ProviderStub implements AutoCloseable {

	/** One request as the provider got it, with whether its signature verified. */
	public record Received(String method, String path, Map<String, Object> body, boolean signed) {
	}

	/** What the provider answers a request: a status and a JSON body. */
	public record Answer(int status, Object body) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;
	private final String apiKey;
	private final String secret;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();

	private ProviderStub(String apiKey, String secret) {
		this.apiKey = apiKey;
		this.secret = secret;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	public static ProviderStub start(String apiKey, String secret) {
		return new ProviderStub(apiKey, secret);
	}

	/** The base URL of a provider under the prefix, e.g. {@code http://127.0.0.1:41234/sms/}. */
	public String url(String prefix) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
	}

	/** Answers requests whose "METHOD path" starts with the key. */
	public void on(String methodAndPathPrefix, Function<Received, Answer> answer) {
		routes.put(methodAndPathPrefix, answer);
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		String timestamp = exchange.getRequestHeaders().getFirst("X-Timestamp");
		String signature = exchange.getRequestHeaders().getFirst("X-Signature");
		boolean signed = timestamp != null && signature != null
				&& Signatures.sign(secret, Long.parseLong(timestamp), body).equals(signature)
				&& ("Bearer " + apiKey).equals(exchange.getRequestHeaders().getFirst("Authorization"));
		@SuppressWarnings("unchecked")
		Map<String, Object> json = body.length == 0 ? Map.of() : JSON.readValue(body, Map.class);
		Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), json, signed);
		received.add(request);
		Answer answer;
		if (!signed) {
			answer = new Answer(401, Map.of("error", "signature"));
		}
		else {
			String key = request.method() + " " + request.path();
			answer = routes.entrySet()
				.stream()
				.filter(r -> key.startsWith(r.getKey()))
				.findFirst()
				.map(r -> r.getValue().apply(request))
				.orElse(new Answer(404, Map.of("error", "no route")));
		}
		byte[] out = JSON.writeValueAsString(answer.body()).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), out.length);
		exchange.getResponseBody().write(out);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
