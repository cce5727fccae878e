package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Ten wrong passwords lock an account for fifteen minutes; an address with too many refusals waits. */
class SignInRulesTests {

	private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	@Test
	void theTenthWrongPasswordInARowLocksForFifteenMinutesAndStartsTheCountAgain() {
		Lockout lockout = Lockout.none();
		for (int i = 1; i <= 9; i++) {
			lockout = lockout.afterFailure(NOW);
			assertThat(lockout.lockedAt(NOW)).as("after %d", i).isFalse();
		}
		assertThat(lockout.failures()).isEqualTo(9);
		lockout = lockout.afterFailure(NOW);
		assertThat(lockout.lockedAt(NOW)).isTrue();
		assertThat(lockout.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(lockout.failures()).isZero();
		assertThat(lockout.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void aRightPasswordResetsTheCount() {
		Lockout lockout = Lockout.none();
		for (int i = 0; i < 9; i++) {
			lockout = lockout.afterFailure(NOW);
		}
		lockout = lockout.afterSuccess();
		for (int i = 0; i < 9; i++) {
			lockout = lockout.afterFailure(NOW);
		}
		assertThat(lockout.lockedAt(NOW)).isFalse();
	}

	@Test
	void anAddressWaitsUntilTheOldestOfItsLastRefusalsLeavesTheWindow() {
		Duration window = Duration.ofMinutes(15);
		List<Instant> refused = new ArrayList<>(IntStream.range(0, 4).mapToObj(i -> NOW.minusSeconds(600 - i * 60)).toList());
		assertThat(SignIn.throttle(refused, 5, window, NOW)).isEmpty();
		refused.add(NOW.minusSeconds(10));
		// the oldest of the last five was 10 minutes ago: 5 more minutes to wait
		assertThat(SignIn.throttle(refused, 5, window, NOW)).contains(Duration.ofMinutes(5));
	}

	@Test
	void masksIdNumbersInLogsButNotUsernames() {
		assertThat(Attempts.masked("11010519491231002X")).isEqualTo("1101**********002X");
		assertThat(Attempts.masked("110105194912310021")).isEqualTo("1101**********0021");
		assertThat(Attempts.masked("zhangsan")).isEqualTo("zhangsan");
		assertThat(Attempts.masked(null)).isEqualTo("-");
		assertThat(Attempts.masked("zhang\nINFO forged line")).isEqualTo("zhang?INFO forged line");
	}
}
