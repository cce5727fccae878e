package cn.onego.idp;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * Every attempt at the identity provider — registration, code, resend, password reset, sign-in — accepted or
 * refused, with the reason the person is not told ({@code idp_attempt}) and a log line with the ID number
 * masked ({@code 1101**********002X}): refusals at WARN, so that an operator sees someone trying other
 * people's numbers.
 */
@Repository
class Attempts implements SealedColumns {

	private static final SealedColumn LOGIN = SealedColumn.indexed("idp_attempt", "login", "login_index");

	private static final Logger log = LoggerFactory.getLogger(Attempts.class);
	private static final Pattern ID_NUMBER_LIKE = Pattern.compile("[0-9Xx]{15,18}");

	enum Kind {
		REGISTRATION, CODE, RESEND, PASSWORD_RESET, SIGN_IN
	}

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;
	private final TransactionTemplate separately;

	Attempts(JdbcClient jdbc, PersonalData data, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		// in a transaction of its own: a refusal rolls its use case back, but the attempt happened
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(LOGIN);
	}

	void accepted(Kind kind, String login, UUID subject, String reason, String address) {
		log.info("Identity provider {} accepted for {} from {}: {}", kind, masked(login), address, reason);
		record(kind, login, subject, "ACCEPTED", reason, address);
	}

	void refused(Kind kind, String login, UUID subject, String reason, String address) {
		log.warn("Identity provider {} refused for {} from {}: {}", kind, masked(login), address, reason);
		record(kind, login, subject, "REFUSED", reason, address);
	}

	/** When the refused sign-ins from an address since an instant happened, oldest first. */
	List<Instant> refusedSignInsFrom(String address, Instant since) {
		return jdbc.sql("""
				SELECT at FROM idp_attempt WHERE kind = 'SIGN_IN' AND outcome = 'REFUSED' AND address = ? AND at > ?
				ORDER BY at""")
			.params(address, Timestamp.from(since))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
	}

	private void record(Kind kind, String login, UUID subject, String outcome, String reason, String address) {
		String typed = login == null ? null : login.strip();
		String stored = typed == null || typed.length() > 64 ? null : typed;
		separately.executeWithoutResult(status -> jdbc.sql("""
				INSERT INTO idp_attempt (at, kind, login, login_index, subject, outcome, reason, address)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(clock.instant()), kind.name(), data.seal(stored, LOGIN.name()), data.index(stored), subject,
					outcome, reason, address)
			.update());
	}

	/**
	 * What a log may show of a sign-in name: an ID number (or anything that looks like one) with only its first
	 * and last four characters, {@code 1101**********002X}; a username as it is.
	 */
	static String masked(String login) {
		if (login == null) {
			return "-";
		}
		// what a visitor typed must not forge log lines
		String value = login.strip().replaceAll("\\p{Cntrl}", "?");
		if (ID_NUMBER_LIKE.matcher(value).matches()) {
			return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
		}
		return value.length() > 32 ? value.substring(0, 32) + "…" : value;
	}
}
