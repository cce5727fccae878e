/**
 * Electronic licences (电子证照): the licences and certificates a holder (a person's ID number or an
 * enterprise's credit code) has, which stand in for paper materials. Case results of licence type are
 * recorded here when the case is issued, licence feeds record the others; other modules find a holder's valid
 * licence by type. A licence number (of a type) belongs to one holder: recording it for another is refused
 * ({@link cn.onego.licences.LicenceNumberTaken}, 409 on the field {@code number}), never silently dropped.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licences", allowedDependencies = { "shared", "platform" })
package cn.onego.licences;
