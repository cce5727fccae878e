package cn.onego.licences;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code onego.licences.*}: the algorithm new signing keys are made for (SM2 unless set), and the real credit codes
 * of issuing departments by name, where a deployment knows them (otherwise a stand-in, {@link SyntheticCreditCodes}).
 */
@ConfigurationProperties("onego.licences")
record LicenceSettings(SignatureAlgorithm signatureAlgorithm, Map<String, String> issuerCodes) {

	LicenceSettings {
		signatureAlgorithm = signatureAlgorithm == null ? SignatureAlgorithm.SM2 : signatureAlgorithm;
		issuerCodes = issuerCodes == null ? Map.of() : Map.copyOf(issuerCodes);
	}
}
