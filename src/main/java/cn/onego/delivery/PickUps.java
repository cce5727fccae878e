package cn.onego.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/**
 * The pick-up codes (取件码) of results waiting at the window: six random digits, sealed at rest, texted to the
 * applicant when the case is ready and shown on their case page; the window clerk hands the result over against
 * the code. Five wrong codes lock the pick-up: guessing one of a million codes takes more tries than that.
 */
@Repository
class PickUps implements SealedColumns {

	static final SealedColumn CODE = SealedColumn.of("pick_up", "code");
	static final int MAX_FAILED = 5;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** A pick-up as stored. */
	record PickUp(UUID caseId, String caseNumber, String hall, String code, String state, int failedAttempts, Instant readyAt,
			Instant handedOverAt) {
	}

	/** The pick-up was handed over already, or locked after too many wrong codes. */
	static final class PickUpClosed extends Problem {

		PickUpClosed(String code, Message detail) {
			super(HttpStatus.CONFLICT, code, Message.of("无法领取", "Cannot hand over"), detail, List.of());
		}
	}

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;

	PickUps(JdbcClient jdbc, PersonalData data, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(CODE);
	}

	/** A fresh code for the case's result, unless it has one: the code, when this call made it. */
	Optional<String> open(UUID caseId, String caseNumber, String hall) {
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		int made = jdbc.sql("""
				INSERT INTO pick_up (case_id, case_number, hall, code, state, ready_at) VALUES (?, ?, ?, ?, 'READY', ?)
				ON CONFLICT (case_id) DO NOTHING""")
			.params(caseId, caseNumber, hall, data.seal(code, CODE.name()), Timestamp.from(clock.instant()))
			.update();
		return made == 1 ? Optional.of(code) : Optional.empty();
	}

	Optional<PickUp> ofCase(UUID caseId) {
		return jdbc.sql("SELECT * FROM pick_up WHERE case_id = ?").param(caseId)
			.query((rs, n) -> new PickUp(rs.getObject("case_id", UUID.class), rs.getString("case_number"), rs.getString("hall"),
					data.open(rs.getString("code"), CODE.name()), rs.getString("state"), rs.getInt("failed_attempts"),
					rs.getTimestamp("ready_at").toInstant(),
					rs.getTimestamp("handed_over_at") == null ? null : rs.getTimestamp("handed_over_at").toInstant()))
			.optional();
	}

	/**
	 * Hands the result over if the code is the pick-up's; a wrong code is counted (in its own statement, so that
	 * the refusal does not roll it back) and refused field by field.
	 */
	PickUp handOver(PickUp pickUp, String code, String clerk) {
		if ("HANDED_OVER".equals(pickUp.state())) {
			throw new PickUpClosed("pick-up-handed-over", Message.of("该结果已领取。", "The result was handed over already."));
		}
		if (pickUp.failedAttempts() >= MAX_FAILED) {
			throw new PickUpClosed("pick-up-locked",
					Message.of("取件码错误次数过多，请核验申请人身份证件后由窗口负责人处理。", "Too many wrong codes: check the applicant's ID and ask the hall's head."));
		}
		if (code == null || !code.matches("\\d{6}")) {
			throw InvalidInput.of("code", "invalid", Message.of("请输入6位数字取件码", "enter the 6-digit pick-up code"));
		}
		if (!MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII), pickUp.code().getBytes(StandardCharsets.US_ASCII))) {
			jdbc.sql("UPDATE pick_up SET failed_attempts = failed_attempts + 1 WHERE case_id = ?").param(pickUp.caseId()).update();
			throw InvalidInput.of("code", "wrong-code", Message.of("取件码不正确", "the pick-up code is wrong"));
		}
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE pick_up SET state = 'HANDED_OVER', handed_over_at = ?, handed_over_by = ?
				WHERE case_id = ? AND state = 'READY'""")
			.params(Timestamp.from(now), clerk, pickUp.caseId())
			.update();
		if (changed == 0) {
			throw new PickUpClosed("pick-up-handed-over", Message.of("该结果已领取。", "The result was handed over already."));
		}
		return new PickUp(pickUp.caseId(), pickUp.caseNumber(), pickUp.hall(), pickUp.code(), "HANDED_OVER", pickUp.failedAttempts(),
				pickUp.readyAt(), now);
	}
}
