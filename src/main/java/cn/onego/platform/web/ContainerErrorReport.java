package cn.onego.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import cn.onego.platform.Message;

/**
 * Tomcat's answer to a request it refuses before the application sees it — an invalid character or a malformed
 * percent-encoding in the URL, headers too large, a method it does not know — as {@code application/problem+json}
 * instead of Tomcat's HTML error page (which also named the server). Installed as the host's error report valve,
 * in place of the one Boot adds; runs last among the customizers so that it finds Boot's valve to replace.
 */
@Component
class ContainerErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container parent = context.getParent();
			if (parent instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
			for (Valve valve : parent.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					parent.getPipeline().removeValve(valve);
				}
			}
			parent.getPipeline().addValve(new ProblemReportValve());
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Writes the problem document of the response's status, unless something was written already. */
	public static class ProblemReportValve extends ErrorReportValve {

		public ProblemReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean io = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
			if (!io.get()) {
				return;
			}
			Message title = ProblemDocument.title(status);
			Message detail = switch (status) {
				case 400 -> Message.of("请求格式有误（如网址中含有无效字符或无效的百分号编码），已被拒绝。",
						"The request is malformed (e.g. an invalid character or percent-encoding in the URL) and was refused.");
				case 413 -> Message.of("请求内容过大。", "The request is too large.");
				case 414 -> Message.of("网址过长。", "The URL is too long.");
				case 431 -> Message.of("请求头过大。", "The request's headers are too large.");
				case 500 -> Message.of("处理请求时发生意外错误，已记录，请稍后重试。", "An unexpected error occurred and was logged; please retry later.");
				default -> title;
			};
			boolean english = ProblemDocument.english(null, request.getHeader("Accept-Language"));
			byte[] document = ProblemDocument.of(status, status == 500 ? "internal" : "http-" + status, title, detail, List.of(),
					english, null);
			try {
				response.setContentType(ProblemDocument.CONTENT_TYPE);
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(new String(document, StandardCharsets.UTF_8));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the response was committed meanwhile: nothing left to tell
			}
		}
	}
}
