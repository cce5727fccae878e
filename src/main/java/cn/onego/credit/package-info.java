/**
 * Credit (诚信评价): listings (失信记录) of applicants caught with false materials or a broken commitment. A listing
 * names its subject (sealed), reason, evidence case, who made it and where, and runs until a last day or for life;
 * its state ({@link cn.onego.credit.ListingState}: active, under appeal, lifted, expired) moves by its own table, and
 * every step is kept as a row and recorded in the audit trail. While a listing has effect the subject gets neither
 * 容缺受理 nor 告知承诺 ({@link cn.onego.credit.CreditRecords#blacklisted}). The case engine lists applicants itself
 * after a failed post-verification or a refusal for false materials; credit administrators of a region
 * ({@link cn.onego.identity.Role#CREDIT_ADMIN}) add listings on a case's evidence, decide appeals and lift listings
 * (信用修复, 《失信行为纠正后的信用信息修复管理办法（试行）》); the subject sees their own and appeals
 * ({@link cn.onego.credit.CreditListings}). Credit declares {@link cn.onego.credit.EvidenceCases}, which the cases
 * module answers, so that it reads no case table. An enterprise's listings are shown to those who act for it
 * ({@link cn.onego.identity.ActingFor}, answered by sharing).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit", allowedDependencies = { "shared", "platform", "identity",
		"audit" })
package cn.onego.credit;
