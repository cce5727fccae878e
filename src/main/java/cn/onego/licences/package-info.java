/**
 * Electronic licences (电子证照): the licences and certificates a holder (a person's ID number or an
 * enterprise's credit code) has, which stand in for paper materials. Case results of licence type are issued
 * here when the case is issued, licence feeds record the others; other modules find a holder's valid licence by
 * type. Every licence has a GB/T 36904-style identifier and is signed by its issuing department (SM2 by default;
 * keys made and kept sealed by OneGo, public keys published); anyone verifies it by number or by its QR without
 * signing in, and learns whether it is valid, expired, revoked or not genuine. Its holder sees it in their wallet,
 * with the QR and as a PDF; a system administrator or the issuing department's head revokes it (audited). A licence
 * number (of a type) belongs to one holder and follows its type's rule (营业执照: GB 32100, 居民身份证: GB 11643):
 * anything else is refused on the field {@code number} ({@link cn.onego.licences.LicenceNumberTaken}, 409, or
 * invalid input, 400), never silently dropped.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licences", allowedDependencies = { "shared", "platform", "identity",
		"audit" })
package cn.onego.licences;
