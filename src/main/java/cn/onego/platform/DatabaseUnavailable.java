package cn.onego.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The database does not answer (it went away, or is being restarted): the request was not carried out, and may
 * be sent again in a few seconds. 503 with {@code Retry-After}, never a hang, a 500 or a refused sign-in.
 */
public class DatabaseUnavailable extends Problem {

	/** What the answer suggests waiting: the embedded server is back in about a second, an external one may take longer. */
	public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	public DatabaseUnavailable() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", Message.of("服务暂不可用", "Service unavailable"),
				Message.of("数据库暂时无法访问，正在恢复，本次请求未被处理。请于 " + RETRY_AFTER.toSeconds() + " 秒后重试。",
						"The database cannot be reached for the moment and is being brought back; this request was not carried "
								+ "out. Please try again in " + RETRY_AFTER.toSeconds() + " seconds."),
				List.of());
		header("Retry-After", String.valueOf(RETRY_AFTER.toSeconds()));
	}

	/**
	 * Whether a failure is the database not being there — no connection to be had, a connection broken, the
	 * server shutting down or starting up — rather than something wrong with the request or the code.
	 */
	public static boolean isCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
					|| t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
					|| t instanceof org.springframework.transaction.CannotCreateTransactionException
					|| t instanceof org.springframework.dao.DataAccessResourceFailureException) {
				return true;
			}
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}
}
