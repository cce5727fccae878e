/**
 * Electronic licences (电子证照): the licences and certificates a holder (a person's ID number or an
 * enterprise's credit code) has, which stand in for paper materials. Case results of licence type
 * will be recorded here; other modules find a holder's valid licence by type.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licences", allowedDependencies = { "shared", "platform" })
package cn.onego.licences;
