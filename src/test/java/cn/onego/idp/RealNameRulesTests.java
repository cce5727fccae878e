package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The real-name check compares names as people write them; codes go out once a minute and ten times a day. */
class RealNameRulesTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final Instant TEN_IN_THE_MORNING = Instant.parse("2026-03-02T02:00:00Z");

	@Test
	void aNameMatchesWithSpacesFullWidthLettersOrAnotherMiddleDot() {
		assertThat(RealNameCheck.sameName("张三", "张三")).isTrue();
		assertThat(RealNameCheck.sameName("张三", " 张 三 ")).isTrue();
		assertThat(RealNameCheck.sameName("阿依古丽·买买提", "阿依古丽•买买提")).isTrue();
		assertThat(RealNameCheck.sameName("阿依古丽·买买提", "阿依古丽.买买提")).isTrue();
		assertThat(RealNameCheck.sameName("ＡＢＣ", "ABC")).isTrue();
	}

	@Test
	void anotherNameDoesNotMatch() {
		assertThat(RealNameCheck.sameName("张三", "张四")).isFalse();
		assertThat(RealNameCheck.sameName("张三", "张三丰")).isFalse();
		assertThat(RealNameCheck.sameName(null, "张三")).isFalse();
	}

	@Test
	void theFirstCodeOfTheDayGoesAtOnce() {
		assertThat(CodeLimits.waitBeforeNext(List.of(), TEN_IN_THE_MORNING, CHINA)).isEmpty();
	}

	@Test
	void theNextCodeWaitsUntilAMinuteHasPassed() {
		Instant sent = TEN_IN_THE_MORNING.minusSeconds(20);
		assertThat(CodeLimits.waitBeforeNext(List.of(sent), TEN_IN_THE_MORNING, CHINA)).contains(Duration.ofSeconds(40));
		assertThat(CodeLimits.waitBeforeNext(List.of(sent), TEN_IN_THE_MORNING.plusSeconds(40), CHINA)).isEmpty();
	}

	@Test
	void theEleventhCodeOfTheDayWaitsUntilMidnightInChina() {
		List<Instant> ten = IntStream.range(0, 10).mapToObj(i -> TEN_IN_THE_MORNING.minusSeconds(3600 - i * 120L)).toList();
		// 10:00 in Beijing: fourteen hours to midnight
		assertThat(CodeLimits.waitBeforeNext(ten, TEN_IN_THE_MORNING, CHINA)).contains(Duration.ofHours(14));
		assertThat(CodeLimits.midnightBefore(TEN_IN_THE_MORNING, CHINA)).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
	}

	@Test
	void retryAfterIsAtLeastOneWholeSecond() {
		assertThat(CodeLimits.seconds(Duration.ofMillis(1))).isEqualTo(1);
		assertThat(CodeLimits.seconds(Duration.ofMillis(40_001))).isEqualTo(41);
	}
}
