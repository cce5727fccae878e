/**
 * Who acts: authenticated users with a role and a scope (a region, a hall or a department). Until the
 * identity issue brings real sign-in (统一身份认证), users come from a data file of demo users whose
 * passwords are hashed with BCrypt when loaded. No header or parameter can claim an identity. Staff are
 * placed only where they can work: identity declares {@link cn.onego.identity.StaffScopes}, which the cases
 * module (it knows the halls and reads the catalogue) answers, so that identity depends on neither. The route
 * rules ({@link cn.onego.identity.Routes}) are enforced by the security configuration and stated, per operation,
 * in the OpenAPI description: its security schemes and who may call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = { "shared", "platform", "idp" })
package cn.onego.identity;
