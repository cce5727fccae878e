package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ReadOnlyDataTests {

	@Test
	void readsALogSequenceNumberAsPostgreSQLWritesItSoThatLaterPositionsCompareHigher() {
		assertThat(ReadOnlyData.lsn("0/0")).isZero();
		assertThat(ReadOnlyData.lsn("16/B374D848")).isEqualTo(0x16_B374D848L);
		assertThat(ReadOnlyData.lsn("1/0")).as("the high word counts first").isGreaterThan(ReadOnlyData.lsn("0/FFFFFFFF"));
	}

	@Test
	void readsFromThePrimaryWhenNoReplicaIsConfigured() {
		ReadOnlyData reads = new ReadOnlyData(new SimpleDriverDataSource(new Driver(), "jdbc:postgresql://127.0.0.1:1/none"));
		assertThat(reads.status().configured()).isFalse();
		assertThat(reads.check().serving()).isFalse();
		assertThat(reads.jdbc()).isNotNull();
	}
}
