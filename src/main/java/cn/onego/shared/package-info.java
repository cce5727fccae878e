/**
 * A handful of value types used by every module: bilingual labels, region codes and the two
 * national identifiers with their check digits (GB 11643 公民身份号码, GB 32100 统一社会信用代码).
 * No services live here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.onego.shared;
