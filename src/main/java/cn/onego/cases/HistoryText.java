package cn.onego.cases;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a step of a case's history says, as a sentence in Chinese and in English with named parameters. A parameter
 * is written {@code {name}}; a part in square brackets is said only when every parameter in it has a value (a flag
 * has one when it is true, and says nothing itself). The parameters are codes and values, never sentences of their
 * own: {@link PlainWords} puts names in (items, materials, departments, halls) when the history is read.
 */
enum HistoryText implements Sentence {

	SUBMITTED("通过{channel}提交申请，由{hall}受理", "Submitted {channel}, to be accepted at {hall}",
			p("channel", Kind.CHANNEL), p("hall", Kind.HALL)),
	ACCEPTED("{mode}[；容缺材料{gaps}须于{gapDeadline}前补齐][；告知承诺材料：{commitments}]；承诺于{promised}前办结[{provisional}（暂定，次年节假日安排公布后确定）]",
			"{mode}[; the missing materials ({gaps}) are due by {gapDeadline}][; on commitment: {commitments}]; promised by {promised}[{provisional} (provisional until next year's public holidays are published)]",
			p("mode", Kind.MODE), p("gaps", Kind.MATERIALS), p("gapDeadline", Kind.DATE), p("commitments", Kind.MATERIALS),
			p("promised", Kind.DATE), p("provisional", Kind.FLAG)),
	REASON_AND_BASIS("{reason}[（依据：{legalBasis}）]", "{reason}[ (legal basis: {legalBasis})]", p("reason", Kind.TEXT),
			p("legalBasis", Kind.TEXT)),
	SUPPLEMENT_REQUESTED("请一次性补正：{requests}", "Asked to supply, in one go: {requests}", p("requests", Kind.REQUESTS)),
	SUPPLIED("已提交补正材料[：{materials}][（说明：{note}）]", "Supplement supplied[: {materials}][ (note: {note})]",
			p("materials", Kind.MATERIALS), p("note", Kind.TEXT)),
	GAPS_OVERDUE("容缺材料{gaps}未在{gapDeadline}前补齐", "The missing materials ({gaps}) were not supplied by {gapDeadline}",
			p("gaps", Kind.MATERIALS), p("gapDeadline", Kind.DATE)),
	READY("各部门均已办结，待统一出件", "Every department has finished; the results are ready to issue"),
	REFUSED_MANDATORY_ITEM("必办事项{item}未获准予", "The required item {item} was not approved", p("item", Kind.ITEM)),
	REFUSED_COMMITMENT_UNTRUE("告知承诺核查不实，{item}的准予决定已撤销",
			"The commitment proved untrue on verification; the approval of {item} was revoked", p("item", Kind.ITEM)),
	WITHDRAWN("[撤回原因：{reason}]", "[Reason: {reason}]", p("reason", Kind.TEXT)),
	ISSUED("结果{method}[，快递单号{tracking}]", "Results {method}[, tracking number {tracking}]", p("method", Kind.DELIVERY),
			p("tracking", Kind.TEXT)),
	HANDED_OVER("结果已转交收件地{partner}统一出件", "Results handed over for issue to {partner}, where the application was received",
			p("partner", Kind.TEXT)),
	BLACKLISTED("{subject}列入失信名单：{reason}", "{subject} listed as untrustworthy: {reason}", p("subject", Kind.TEXT),
			p("reason", Kind.TEXT)),
	DISPATCHED("分送{department}[，待{after}准予后开始][，于{due}前办结][{provisional}（暂定）]",
			"Sent to {department}[, to start after the approval of {after}][, due by {due}][{provisional} (provisional)]",
			p("department", Kind.DEPARTMENT), p("after", Kind.ITEMS), p("due", Kind.DATE), p("provisional", Kind.FLAG)),
	STARTED("开始办理，于{due}前办结[{provisional}（暂定）][，依据{inputs}的办理结果]",
			"Work started, due by {due}[{provisional} (provisional)][, with the results of {inputs}]", p("due", Kind.DATE),
			p("provisional", Kind.FLAG), p("inputs", Kind.ITEMS)),
	LICENCE_NUMBER("证照编号：{number}", "Licence number {number}", p("number", Kind.TEXT)),
	APPROVED_AUTOMATICALLY("秒批：{conditions}，系统即时准予", "Approved at once by the system: {conditions}",
			p("conditions", Kind.CONDITIONS)),
	APPROVED_ON_THE_SPOT("即办件，窗口当场办结", "Decided on the spot at the window"),
	SUSPENDED("{procedure}，最长{days}：{reason}", "{procedure}, at most {days}: {reason}", p("procedure", Kind.PROCEDURE),
			p("days", Kind.WORKING_DAYS), p("reason", Kind.TEXT)),
	RESUMED_SUPPLIED("补正材料已收到，恢复计时", "The supplement arrived; the clock runs again"),
	CANCELLED_PREREQUISITE("前置事项未获准予，本事项不再办理", "A prerequisite was not approved, so this item is not handled"),
	CANCELLED_CASE_REFUSED("办件不予许可，本事项不再办理", "The case was refused, so this item is not handled"),
	REVOKED("告知承诺核查不实：{finding}", "The commitment proved untrue: {finding}", p("finding", Kind.TEXT)),
	VERIFICATION_SCHEDULED("告知承诺事后核查，于{due}前完成[{provisional}（暂定）]",
			"Post-verification of the commitment, due by {due}[{provisional} (provisional)]", p("due", Kind.DATE),
			p("provisional", Kind.FLAG)),
	FINDING("核查结论：{finding}", "Finding: {finding}", p("finding", Kind.TEXT)),
	WARNING("{item}临近办理期限（{due}）", "{item} is close to its limit (due {due})", p("item", Kind.ITEM), p("due", Kind.DATE)),
	OVERDUE("{item}已超过办理期限（{due}）", "{item} is overdue (due {due})", p("item", Kind.ITEM), p("due", Kind.DATE)),
	PROMISED_DATE_SETTLED("承诺办结日期按{year}年节假日安排确定为{promised}（原暂定{before}）",
			"Promised date settled as {promised} on the public holidays of {year} (provisionally {before} before)",
			p("year", Kind.NUMBER), p("promised", Kind.DATE), p("before", Kind.DATE)),
	PROMISED_DATE_RECOUNTED("承诺办结日期按{year}年节假日安排重新推算为{promised}（仍为暂定，原暂定{before}）",
			"Promised date recounted as {promised} on the public holidays of {year} (still provisional; {before} before)",
			p("year", Kind.NUMBER), p("promised", Kind.DATE), p("before", Kind.DATE));

	/** What a parameter holds, and so how it is said. */
	enum Kind {
		/** People's own words (a reason, a finding, a note), or a number they gave: said as written. */
		TEXT,
		ITEM, ITEMS, DEPARTMENT, HALL, MATERIALS,
		/** A day, {@code yyyy-MM-dd}. */
		DATE,
		/** True or absent: said by the part it stands in. */
		FLAG, NUMBER, WORKING_DAYS,
		/** The enums of the case: how it came in, how it was accepted, how its results leave, a special procedure. */
		CHANNEL, MODE, DELIVERY, PROCEDURE,
		/** The conditions of a 秒批 rule: {@code [{fact, op, values}]}. */
		CONDITIONS,
		/** What the applicant was asked to supply: {@code [{subject, why}]}. */
		REQUESTS
	}

	/** A parameter of a text. */
	record Param(String name, Kind kind) {
	}

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final String zh;
	private final String en;
	private final List<Param> params;

	HistoryText(String zh, String en, Param... params) {
		this.zh = zh;
		this.en = en;
		this.params = List.of(params);
	}

	@Override
	public String zh() {
		return zh;
	}

	@Override
	public String en() {
		return en;
	}

	@Override
	public List<Param> params() {
		return params;
	}

	/** The parameters a template names. */
	static Set<String> placeholders(String template) {
		Set<String> names = new java.util.LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(template);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	static Param p(String name, Kind kind) {
		return new Param(name, kind);
	}
}
