package cn.onego.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.onego.shared.MobileNumber;

/** SM4-GCM sealing, the HMAC-SM3 blind index and the key file they use. */
class PersonalDataTests {

	@TempDir
	Path directory;

	private PersonalData sealing() {
		return new PersonalData(KeyFile.loadOrCreate(directory.resolve("keys.properties")));
	}

	@Test
	void sealsWithTheCurrentKeyAFreshNonceEachTimeAndOpensAgain() {
		PersonalData data = sealing();
		Set<String> sealed = new HashSet<>();
		for (int i = 0; i < 50; i++) {
			String value = data.seal("11010519491231002X", "account.id_number");
			assertThat(value).startsWith("k1:").doesNotContain("11010519491231002X");
			assertThat(data.open(value, "account.id_number")).isEqualTo("11010519491231002X");
			sealed.add(value);
		}
		assertThat(sealed).as("the same value sealed twice looks different").hasSize(50);
		assertThat(data.seal(null, "account.mobile")).isNull();
		assertThat(data.open(null, "account.mobile")).isNull();
	}

	@Test
	void sealsChineseTextAndJsonWhole() {
		PersonalData data = sealing();
		String form = "{\"address\":\"湖南省长沙市岳麓区麓山南路1号\",\"mobile\":\"13800000001\"}";
		String sealed = data.seal(form, "application.form");
		assertThat(sealed).doesNotContain("长沙").doesNotContain("138");
		assertThat(data.open(sealed, "application.form")).isEqualTo(form);
	}

	@Test
	void refusesAChangedValueAndAValueCopiedFromAnotherColumn() {
		PersonalData data = sealing();
		String sealed = data.seal("13800000001", "account.mobile");
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
		bytes[bytes.length - 20] ^= 1;
		String changed = "k1:" + Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> data.open(changed, "account.mobile")).isInstanceOf(PersonalData.Tampered.class)
			.hasMessageNotContaining("13800000001");
		assertThatThrownBy(() -> data.open(sealed, "idp_person.mobile")).isInstanceOf(PersonalData.Tampered.class);
	}

	@Test
	void readsAValueWrittenBeforeItsColumnWasSealedAsItIs() {
		assertThat(sealing().open("11010519491231002X", "account.id_number")).isEqualTo("11010519491231002X");
		assertThat(PersonalData.sealed("11010519491231002X")).isFalse();
		assertThat(PersonalData.sealed(sealing().seal("x", "t.c"))).isTrue();
	}

	@Test
	void indexesTheSameNumberAlikeWhateverItsCaseAndSpacesAndDifferentNumbersApart() {
		PersonalData data = sealing();
		String index = data.index("11010519491231002X");
		assertThat(index).hasSize(43).doesNotContain("1101");
		assertThat(data.index(" 11010519491231002x ")).isEqualTo(index);
		assertThat(data.index("440524188001010014")).isNotEqualTo(index);
		PersonalData otherInstallation = new PersonalData(KeyFile.loadOrCreate(directory.resolve("other.properties")));
		assertThat(otherInstallation.index("11010519491231002X")).as("keyed: another key, another index").isNotEqualTo(index);
	}

	@Test
	void createsTheKeyFileReadableByItsOwnerOnlyAndKeepsItsKeysAcrossStarts() throws Exception {
		Path file = directory.resolve("data/onego-data-keys.properties");
		PersonalData first = new PersonalData(KeyFile.loadOrCreate(file));
		String sealed = first.seal("13800000001", "account.mobile");
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		PersonalData restarted = new PersonalData(KeyFile.loadOrCreate(file));
		assertThat(restarted.open(sealed, "account.mobile")).isEqualTo("13800000001");
		assertThat(restarted.index("13800000001")).isEqualTo(first.index("13800000001"));
	}

	@Test
	void opensValuesOfEveryKeyHeldAndSealsWithTheNewestAfterAKeyIsAdded() {
		KeyFile keys = KeyFile.loadOrCreate(directory.resolve("keys.properties"));
		PersonalData data = new PersonalData(keys);
		String old = data.seal("11010519491231002X", "account.id_number");
		String indexBefore = data.index("11010519491231002X");
		assertThat(keys.addCurrent()).isEqualTo(2);
		String fresh = data.seal("11010519491231002X", "account.id_number");
		assertThat(fresh).startsWith("k2:");
		assertThat(data.open(old, "account.id_number")).isEqualTo(data.open(fresh, "account.id_number"));
		assertThat(data.index("11010519491231002X")).as("the blind index does not rotate").isEqualTo(indexBefore);
		keys.remove(1);
		assertThat(keys.ids()).containsExactly(2);
		assertThatThrownBy(() -> data.open(old, "account.id_number")).isInstanceOf(DataKeys.UnknownDataKey.class);
		assertThatThrownBy(() -> keys.remove(2)).as("the current key stays").isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void seesAKeyAnotherProcessAddedToTheFile() {
		Path file = directory.resolve("keys.properties");
		KeyFile here = KeyFile.loadOrCreate(file);
		KeyFile elsewhere = KeyFile.loadOrCreate(file);
		elsewhere.addCurrent();
		String sealedElsewhere = new PersonalData(elsewhere).seal("13800000001", "account.mobile");
		assertThat(new PersonalData(here).open(sealedElsewhere, "account.mobile")).isEqualTo("13800000001");
	}

	@Test
	void masksMobileNumbersLikeIdNumbers() {
		assertThat(MobileNumber.mask("13812345678")).isEqualTo("138****5678");
		assertThat(new MobileNumber("13812345678").toString()).isEqualTo("138****5678");
		assertThat(MobileNumber.mask("12345")).isEqualTo("****");
	}
}
