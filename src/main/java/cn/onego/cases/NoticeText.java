package cn.onego.cases;

import static cn.onego.cases.HistoryText.p;

import java.util.List;

import cn.onego.cases.HistoryText.Kind;
import cn.onego.cases.HistoryText.Param;

/**
 * What the applicant is told (短信/站内信), as sentences in Chinese and in English with named parameters — the case's
 * number, items and materials by their codes, days, people's own words — that {@link PlainWords} says with names.
 * The template language is {@link HistoryText}'s.
 */
enum NoticeText implements Sentence {

	OPENED("您的申请已提交，受理编号 {number}，请等待窗口受理。", "Your application was submitted as case {number} and waits for acceptance.",
			p("number", Kind.TEXT)),
	ACCEPTED("办件 {number} 已受理，承诺办结日期{promised}[{provisional}（暂定，次年节假日安排公布后确定）][；容缺材料请于{gapDeadline}前补齐：{gaps}]。",
			"Case {number} was accepted; promised by {promised}[{provisional} (provisional until next year's public holidays are published)][; supply {gaps} by {gapDeadline}].",
			p("number", Kind.TEXT), p("promised", Kind.DATE), p("provisional", Kind.FLAG), p("gapDeadline", Kind.DATE),
			p("gaps", Kind.MATERIALS)),
	NOT_ACCEPTED("办件 {number} 不予受理：{reason}", "Case {number} was not accepted: {reason}", p("number", Kind.TEXT),
			p("reason", Kind.TEXT)),
	SUPPLEMENT_REQUESTED("办件 {number} 需要补正：{subjects}。请一次性补齐。", "Case {number} needs: {subjects}. Please supply them in one go.",
			p("number", Kind.TEXT), p("subjects", Kind.MATERIALS)),
	TASK_APPROVED("办件 {number}：{item} 已准予[（证照编号 {licence}）]。", "Case {number}: {item} was approved[ (licence number {licence})].",
			p("number", Kind.TEXT), p("item", Kind.ITEM), p("licence", Kind.TEXT)),
	TASK_REFUSED("办件 {number}：{item} 不予许可[（{reason}）]。", "Case {number}: {item} was refused[ ({reason})].",
			p("number", Kind.TEXT), p("item", Kind.ITEM), p("reason", Kind.TEXT)),
	READY_TO_COLLECT("办件 {number} 已办结，请到窗口领取结果。", "Case {number} is done; collect the results at the window.",
			p("number", Kind.TEXT)),
	READY_TO_MAIL("办件 {number} 已办结，结果将免费邮寄给您。", "Case {number} is done; the results will be mailed free of charge.",
			p("number", Kind.TEXT)),
	ISSUED("办件 {number} 已出件[，快递单号 {tracking}]。", "Case {number} was issued[, tracking number {tracking}].",
			p("number", Kind.TEXT), p("tracking", Kind.TEXT)),
	REFUSED("办件 {number} 不予许可：{reason}", "Case {number} was refused: {reason}", p("number", Kind.TEXT),
			p("reason", Kind.TEXT)),
	WITHDRAWN("办件 {number} 已按您的要求撤回，不再办理。", "Case {number} was withdrawn at your request and will not be handled.",
			p("number", Kind.TEXT)),
	GAPS_OVERDUE("办件 {number} 的容缺材料已超过补正期限（{deadline}），请尽快补齐。",
			"The missing materials of case {number} are overdue (deadline {deadline}); please supply them.", p("number", Kind.TEXT),
			p("deadline", Kind.DATE)),
	RESULT_REVOKED("办件 {number}：经告知承诺事后核查，{item} 的准予决定已撤销：{finding}",
			"Case {number}: after post-verification of your commitment, the approval of {item} was revoked: {finding}",
			p("number", Kind.TEXT), p("item", Kind.ITEM), p("finding", Kind.TEXT));

	private final String zh;
	private final String en;
	private final List<Param> params;

	NoticeText(String zh, String en, Param... params) {
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
}
