package cn.onego.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.onego.shared.RegionCode;
import tools.jackson.databind.json.JsonMapper;

/** Which instance serves a region, how long the sender waits, and what an answer means to it. */
class FederationTests {

	static FederationSettings settings(String... serves) {
		return new FederationSettings("hunan", "湖南", List.of(serves), null, null, null, Duration.ofSeconds(5), null, null, null);
	}

	static Federation hunanWith(String... serves) {
		Federation federation = new Federation(settings(serves), InstanceKey.generate());
		federation.register(new Partner("guangdong", "广东", URI.create("https://gd.example"), List.of(RegionCode.of("440000"))),
				InstanceKey.generate().publicKey());
		federation.register(new Partner("shenzhen", "深圳", URI.create("https://sz.example"), List.of(RegionCode.of("440300"))),
				InstanceKey.generate().publicKey());
		return federation;
	}

	@Test
	void withoutRegionsOfItsOwnAnInstanceServesEveryRegionNoPartnerServes() {
		Federation hunan = hunanWith();
		assertThat(hunan.servesLocally(RegionCode.of("430102"))).isTrue();
		assertThat(hunan.servesLocally(RegionCode.of("440106"))).isFalse();
		assertThat(hunan.partnerServing(RegionCode.of("430102"))).isEmpty();
		assertThat(hunan.partnerServing(RegionCode.of("440106"))).get().extracting(Partner::id).isEqualTo("guangdong");
	}

	@Test
	void theLongestPrefixWinsAmongPartners() {
		Federation hunan = hunanWith();
		assertThat(hunan.partnerServing(RegionCode.of("440305"))).get().extracting(Partner::id).isEqualTo("shenzhen");
		assertThat(hunan.partnerServing(RegionCode.of("440305001"))).get().extracting(Partner::id).isEqualTo("shenzhen");
	}

	@Test
	void declaredRegionsAreServedHereAndOthersByTheirPartnerOrNobody() {
		// a whole code stands for its region and every one below it: 430000 is the prefix 43
		Federation hunan = hunanWith("430000");
		assertThat(hunan.serves()).containsExactly("43");
		assertThat(hunan.servesLocally(RegionCode.of("430102"))).isTrue();
		assertThat(hunan.servesLocally(RegionCode.of("440106"))).isFalse();
		assertThat(hunan.servesLocally(RegionCode.of("110101"))).as("nobody's").isFalse();
		assertThat(hunan.partnerServing(RegionCode.of("110101"))).isEmpty();
	}

	@Test
	void aMoreSpecificPartnerTakesARegionInsideOnesOwnAndATieStaysHere() {
		Federation hunan = hunanWith("44");
		assertThat(hunan.servesLocally(RegionCode.of("440106"))).as("tie with guangdong's 44").isTrue();
		assertThat(hunan.partnerServing(RegionCode.of("440305"))).get().extracting(Partner::id).isEqualTo("shenzhen");
	}

	@Test
	void registeringAgainReplacesThePartner() {
		Federation hunan = hunanWith();
		hunan.register(new Partner("guangdong", "广东省", URI.create("https://new.gd.example"), List.of(RegionCode.of("440000"))),
				InstanceKey.generate().publicKey());
		assertThat(hunan.partner("guangdong")).get().extracting(Partner::baseUrl).isEqualTo(URI.create("https://new.gd.example"));
		assertThat(hunan.partners()).hasSize(2);
	}

	@Test
	void retriesWaitTheFirstRetryDoubledEachTimeAndAtMostTenMinutes() {
		FederationSettings settings = settings();
		assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(40));
		assertThat(settings.backoff(8)).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void anAnswerIsTakenRefusedForGoodOrTriedAgain() {
		FederationSender sender = new FederationSender(null, JsonMapper.builder().build(), null, hunanWith(), settings(), null, null, null);
		assertThat(sender.outcome(200, "{\"messageId\":\"m\",\"response\":{\"number\":\"44-1\"}}"))
			.isInstanceOfSatisfying(FederationSender.Outcome.Delivered.class,
					d -> assertThat(d.response().get("number").asString()).isEqualTo("44-1"));
		assertThat(sender.outcome(422, "{\"code\":\"message-refused\",\"detail\":\"无此事项\"}"))
			.isInstanceOfSatisfying(FederationSender.Outcome.Refused.class, r -> assertThat(r.reason()).contains("422", "无此事项"));
		assertThat(sender.outcome(401, "{\"code\":\"bad-signature\"}")).isInstanceOf(FederationSender.Outcome.Refused.class);
		assertThat(sender.outcome(409, "{\"code\":\"replayed\"}")).as("a fresh nonce next time")
			.isInstanceOf(FederationSender.Outcome.Failed.class);
		assertThat(sender.outcome(408, "")).isInstanceOf(FederationSender.Outcome.Failed.class);
		assertThat(sender.outcome(429, "")).isInstanceOf(FederationSender.Outcome.Failed.class);
		assertThat(sender.outcome(503, "<html>down</html>")).isInstanceOf(FederationSender.Outcome.Failed.class);
		assertThat(sender.outcome(200, "<html>a proxy's page</html>")).isInstanceOf(FederationSender.Outcome.Failed.class);
	}
}
