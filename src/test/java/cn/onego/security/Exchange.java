package cn.onego.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;

/**
 * One request as a hostile client sends it, and what came back: over {@link HttpClient} for anything a URI can
 * hold, over a plain socket for what it cannot (invalid characters in the path, huge headers, unknown methods),
 * timed, never throwing on an error status.
 */
record Exchange(String method, String target, List<String[]> headers, byte[] body, byte[] raw) {

	static final Duration LIMIT = Duration.ofSeconds(5);

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(LIMIT).build();

	static Exchange of(String method, String target, byte[] body, String... headers) {
		List<String[]> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			pairs.add(new String[] { headers[i], headers[i + 1] });
		}
		return new Exchange(method, target, pairs, body, null);
	}

	/** Bytes written to the socket as they are, for requests no HTTP client would send. */
	static Exchange raw(String request) {
		return new Exchange(null, null, List.of(), null, request.getBytes(StandardCharsets.ISO_8859_1));
	}

	Exchange with(String header, String value) {
		if (header == null) {
			return this;
		}
		List<String[]> more = new ArrayList<>(headers);
		more.add(new String[] { header, value });
		return new Exchange(method, target, more, body, raw);
	}

	/** What the server answered. */
	record Answer(int status, String contentType, String body, Duration took, java.util.Map<String, List<String>> headers) {

		<T> T json(String path) {
			return JsonPath.read(body, path);
		}

		/** The values of a header, whatever the case of its name. */
		List<String> header(String name) {
			return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).flatMap(h -> h.getValue().stream()).toList();
		}

		boolean problem() {
			return contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
		}
	}

	Answer send(int port) {
		long started = System.nanoTime();
		if (raw != null) {
			return rawSend(port, started);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target)).timeout(LIMIT.plusSeconds(5))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		headers.forEach(h -> request.header(h[0], h[1]));
		try {
			HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					new String(response.body(), StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - started),
					response.headers().map());
		}
		catch (IOException e) {
			throw new AssertionError(method + " " + target + " got no answer: " + e, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private Answer rawSend(int port, long started) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) LIMIT.plusSeconds(5).toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(raw);
			out.flush();
			byte[] response = readResponse(socket.getInputStream());
			int headerEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			String head = new String(response, 0, headerEnd < 0 ? response.length : headerEnd, StandardCharsets.ISO_8859_1);
			byte[] payload = headerEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(response, headerEnd + 4, response.length);
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			String contentType = "";
			java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
			for (String line : lines) {
				int colon = line.indexOf(':');
				if (colon > 0) {
					String name = line.substring(0, colon).trim();
					String value = line.substring(colon + 1).trim();
					headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
					if (name.equalsIgnoreCase("Content-Type")) {
						contentType = value;
					}
				}
			}
			boolean chunked = headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
					&& h.getValue().stream().anyMatch(v -> v.equalsIgnoreCase("chunked")));
			return new Answer(status, contentType, new String(chunked ? unchunked(payload) : payload, StandardCharsets.UTF_8),
					Duration.ofNanos(System.nanoTime() - started), headers);
		}
		catch (IOException e) {
			throw new AssertionError("raw request got no answer: " + e, e);
		}
	}

	/** One response, read to the end of its body (by Content-Length or the last chunk), not to the end of the connection. */
	private static byte[] readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while ((read = in.read(buffer)) >= 0) {
			received.write(buffer, 0, read);
			byte[] sofar = received.toByteArray();
			int headerEnd = indexOf(sofar, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			if (headerEnd < 0) {
				continue;
			}
			String head = new String(sofar, 0, headerEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
			int bodyLength = sofar.length - headerEnd - 4;
			java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length:\\s*(\\d+)").matcher(head);
			if (length.find() && bodyLength >= Integer.parseInt(length.group(1))) {
				break;
			}
			if (head.contains("transfer-encoding: chunked") && new String(sofar, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
				break;
			}
		}
		return received.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i + pattern.length <= data.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static byte[] unchunked(byte[] payload) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < payload.length) {
			int lineEnd = indexOf(java.util.Arrays.copyOfRange(payload, at, payload.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
			if (lineEnd < 0) {
				break;
			}
			int size = Integer.parseInt(new String(payload, at, lineEnd, StandardCharsets.ISO_8859_1).trim(), 16);
			if (size == 0) {
				break;
			}
			int start = at + lineEnd + 2;
			body.write(payload, start, Math.min(size, payload.length - start));
			at = start + size + 2;
		}
		return body.toByteArray();
	}

	@Override
	public String toString() {
		if (raw != null) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			return "raw " + (text.length() > 80 ? text.substring(0, 80) + "…" : text).replace("\r\n", "⏎");
		}
		String shown = target.length() > 120 ? target.substring(0, 120) + "…" : target;
		return method + " " + shown;
	}
}
