/**
 * Who acts, and what they may call. Applicants sign in only through an OpenID Connect provider — the
 * province's unified identity platform (统一身份认证平台) or the demo one of module {@code idp} — and are the
 * verified person of its signed claims: name, 公民身份号码 and mobile at the real-name level of assurance
 * ({@link cn.onego.identity.ApplicantPages}, {@code ApplicantSignIn}); OneGo holds no applicant passwords.
 * Staff sign in with username and password (BCrypt, password rules, lockout, per-address throttling) and
 * carry a role and a scope: a hall, a department or a region ({@link cn.onego.identity.Actor}). Every route
 * has a rule ({@link cn.onego.identity.Routes}, deny by default), enforced by the security configuration and
 * stated per operation in the OpenAPI description (its security schemes and who may call); whose data a
 * caller reaches is decided where the data is read, by the modules' own access rules. No header or parameter can claim an identity.
 * Staff are placed only where they can work: identity declares {@link cn.onego.identity.StaffScopes}, which
 * the cases module answers, so that identity depends on neither cases nor the catalogue. Rules: MLPS 2.0
 * level 3 (等保2.0 三级) on identification and access control, OWASP ASVS 4.0 level 2 (docs/SECURITY.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "platform", "idp" })
package cn.onego.identity;
