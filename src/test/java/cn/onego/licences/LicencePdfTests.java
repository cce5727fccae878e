package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.onego.Identities;
import cn.onego.shared.IdNumber;
import cn.onego.shared.Label;

class LicencePdfTests {

	@Test
	void thePdfShowsTheDataTheIdentifierAndTheVerificationUrlInChinese() throws Exception {
		assumeTrue(Files.isReadable(LicencePdf.FONT) || System.getenv("CI") != null, "fonts-wqy-zenhei is installed");
		Map<String, String> data = new LinkedHashMap<>();
		data.put(ELicence.HOLDER_NAME, "陈创业");
		data.put("办件编号", "430102-20260302-00000001-6");
		String identifier = LicenceIdentifier.of(LicenceType.of("FOOD_BUSINESS_LICENCE").typeCode(),
				SyntheticCreditCodes.of("长沙市芙蓉区市场监督管理局", "430102"), 7).value();
		Wallet.Entry entry = new Wallet.Entry(UUID.randomUUID(), identifier, "FOOD_BUSINESS_LICENCE", new Label("食品经营许可证", "Food business licence"),
				"食品经营许可证", "JY14301020000007", "长沙市芙蓉区市场监督管理局", LocalDate.of(2026, 3, 2), LocalDate.of(2031, 3, 1),
				Verification.Status.VALID, null, null, data, "/verify.html?id=" + identifier + "&code=0123456789ABCDEF");
		String holder = Identities.idNumber();
		byte[] pdf = LicencePdf.render(entry, holder, "http://127.0.0.1:8080" + entry.verificationPath());
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target/e-licence-sample.pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("食品经营许可证", "JY14301020000007", "陈创业", "发证机关", "长沙市芙蓉区市场监督管理局", "2031-03-01",
					IdNumber.mask(holder), "0123456789ABCDEF");
			assertThat(text).as("the identifier, however wrapped").contains(identifier);
			assertThat(text).doesNotContain(holder);
		}
	}
}
