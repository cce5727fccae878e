/**
 * The demo identity provider (统一身份认证平台, demo): an OpenID Connect provider under {@code /idp}, in the
 * same JVM, so that the embedded OneGo runs without a province's identity platform and tests can obtain real
 * tokens. A person is registered only after a real-name check: name and 公民身份号码 must match the
 * population registry (read through {@link cn.onego.platform.registry.PopulationRegistry}), and a one-time
 * code goes to the mobile number on record (through {@link cn.onego.platform.sms.SmsGateway}), never to one
 * the person typed. Tokens carry a stable opaque subject, the verified name, ID number and mobile, and the
 * level of assurance {@code urn:onego:loa:real-name}.
 * <p>
 * Owns the tables {@code idp_person}, {@code idp_registration}, {@code idp_code}, {@code idp_attempt} and
 * Spring Authorization Server's {@code oauth2_authorization}; publishes no events and listens to none. Its
 * public face for the relying party in the same JVM is {@link cn.onego.idp.DemoIdentityProvider} and the
 * {@code idpJwkSource} bean. Rules: GB 11643 (the ID number), OpenID Connect Core 1.0, RFC 7636 (PKCE),
 * RFC 8252 §7.3 (loopback redirects of native apps).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo identity provider", allowedDependencies = { "shared",
		"platform" })
package cn.onego.idp;
