package cn.onego.sharing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A province's registry on loopback, speaking the contract of docs/REGISTRIES.md — or misbehaving as told: too
 * slow, failing with 500, or answering garbage of several kinds. Counts the requests it gets.
 */
public final class StubRegistry implements AutoCloseable {

	/** How the registry answers from now on. */
	public enum Behaviour {
		ANSWERS, SLOW, FAILS_500, NOT_JSON, WRONG_SHAPE, INVALID_VALUE
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool();
	private final Map<String, Map<String, Object>> records = new ConcurrentHashMap<>();
	private final AtomicInteger requests = new AtomicInteger();
	private volatile Behaviour behaviour = Behaviour.ANSWERS;
	private volatile String lastAuthorization;

	public StubRegistry() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		server.setExecutor(threads);
		server.createContext("/", this::answer);
		server.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/registry/");
	}

	public StubRegistry behave(Behaviour behaviour) {
		this.behaviour = behaviour;
		return this;
	}

	public StubRegistry hold(String subject, Map<String, Object> record) {
		records.put(subject, record);
		return this;
	}

	public int requests() {
		return requests.get();
	}

	public String lastAuthorization() {
		return lastAuthorization;
	}

	private void answer(HttpExchange exchange) throws IOException {
		requests.incrementAndGet();
		lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
		String path = exchange.getRequestURI().getPath();
		String subject = path.substring(path.lastIndexOf('/') + 1);
		try (exchange) {
			switch (behaviour) {
				case SLOW -> {
					try {
						Thread.sleep(3000);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					send(exchange, 200, Map.of("found", false));
				}
				case FAILS_500 -> send(exchange, 500, "internal error");
				case NOT_JSON -> send(exchange, 200, "<html><body>维护中</body></html>");
				case WRONG_SHAPE -> send(exchange, 200, java.util.List.of("found", true));
				// a wrong GB 11643 check digit for the population register, a 13th month for social insurance
				case INVALID_VALUE -> send(exchange, 200, Map.of("found", true, "data", Map.of("APPLICANT_NAME", "某人",
						"APPLICANT_ID_NUMBER", "430102196001010011", "EMPLOYER_NAME", "某厂", "INSURED_SINCE", "2026-13-45")));
				case ANSWERS -> {
					Map<String, Object> record = records.get(subject);
					if (record == null) {
						send(exchange, 404, Map.of("found", false));
					}
					else {
						send(exchange, 200, Map.of("found", true, "data", record));
					}
				}
			}
		}
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", body instanceof String ? "text/html" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}
