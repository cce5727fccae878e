/**
 * Credit (诚信评价): the blacklist of applicants caught with false materials or a broken commitment.
 * Listed applicants lose the green channel — neither 容缺受理 nor 告知承诺 — until the entry is lifted
 * (信用修复). Each entry names the case that is its evidence.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit", allowedDependencies = { "shared", "platform" })
package cn.onego.credit;
