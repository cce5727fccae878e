package cn.onego.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTests {

	@Test
	void isAVersionSevenUuidOfTheRfcVariantCarryingItsMillisecond() {
		Instant made = Instant.parse("2026-03-02T02:00:00.123Z");
		UUID id = TimeOrderedIds.at(made);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(TimeOrderedIds.instantOf(id)).isEqualTo(made);
		assertThat(id.toString()).startsWith("019cac46-157b-7");
	}

	@Test
	void sortsByTheTimeItWasMadeAsPostgresqlComparesUuids() {
		List<UUID> made = new ArrayList<>();
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 1000; i++) {
			made.add(TimeOrderedIds.at(start.plusMillis(i * 37L)));
		}
		// PostgreSQL orders uuid values bytewise, which is the order of their text form
		List<String> sorted = made.stream().map(UUID::toString).sorted().toList();
		assertThat(sorted).containsExactlyElementsOf(made.stream().map(UUID::toString).toList());
	}

	@Test
	void neverRepeatsWithinOneMillisecond() {
		Instant now = Instant.parse("2026-03-02T02:00:00Z");
		HashSet<UUID> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(TimeOrderedIds.at(now));
		}
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void refusesToReadTheTimeOfARandomUuid() {
		assertThatThrownBy(() -> TimeOrderedIds.instantOf(UUID.randomUUID())).isInstanceOf(IllegalArgumentException.class);
	}
}
