package cn.onego.idp;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the demo identity provider.
 *
 * @param issuer the issuer identifier to publish, e.g. {@code https://onego.example.gov.cn/idp}; empty: taken
 *        from each request ({@code http://localhost:8080/idp} and {@code http://127.0.0.1:8080/idp} are then two
 *        issuers of the same provider), which suits the embedded default and tests on a random port
 * @param portalClientSecret the secret of the confidential client {@code onego-portal}; empty: a new one is
 *        generated at each start and handed to the relying party in the same JVM
 *        ({@link DemoIdentityProvider#portalClient()})
 * @param addressFailureLimit refused sign-ins from one network address within {@code addressFailureWindow}
 *        after which that address must wait (a whole office behind one address shares the budget, so it is
 *        generous)
 * @param addressFailureWindow the window of the per-address count
 */
@ConfigurationProperties("onego.idp")
record IdpProperties(String issuer, String portalClientSecret, Integer addressFailureLimit,
		Duration addressFailureWindow) {

	IdpProperties {
		issuer = issuer == null || issuer.isBlank() ? null : issuer.strip().replaceAll("/+$", "");
		portalClientSecret = portalClientSecret == null || portalClientSecret.isBlank() ? null : portalClientSecret;
		addressFailureLimit = addressFailureLimit == null ? 100 : addressFailureLimit;
		addressFailureWindow = addressFailureWindow == null ? Duration.ofMinutes(15) : addressFailureWindow;
	}
}
