package cn.onego.documents;

import java.util.ArrayList;
import java.util.List;

import cn.onego.documents.DocumentModel.Block;
import cn.onego.documents.ServiceGuide.HallGuide;
import cn.onego.documents.ServiceGuide.ItemGuide;
import cn.onego.documents.ServiceGuide.MaterialGuide;
import cn.onego.shared.Label;

/** A service guide as the text of its PDF, in Chinese: a pure function, so the text is tested without drawing it. */
final class GuideText {

	private GuideText() {
	}

	static String title(ServiceGuide guide) {
		return "办事指南：" + guide.name().zh();
	}

	static List<Block> blocks(ServiceGuide guide) {
		List<Block> blocks = new ArrayList<>();
		if (guide.description() != null) {
			blocks.add(Block.paragraph(guide.description().zh()));
		}
		List<String> basics = new ArrayList<>();
		basics.add("适用对象：" + guide.applicants().zh());
		if (guide.leadDepartment() != null) {
			basics.add("牵头部门：" + guide.leadDepartment().zh());
		}
		if (guide.region() != null) {
			basics.add("办理地区：" + guide.region().zh());
		}
		basics.add("包含事项：" + guide.items().size() + "项，一次申请、一窗受理、并联办理");
		blocks.add(new Block("基本信息", basics));
		for (int i = 0; i < guide.items().size(); i++) {
			blocks.add(item(i + 1, guide.items().get(i)));
		}
		if (!guide.situations().isEmpty()) {
			blocks.add(new Block("办理情形（按您的情形确定需办事项和材料）", guide.situations()
				.stream()
				.map(s -> s.question().zh() + "：" + String.join("／", s.answers().stream().map(Label::zh).toList()))
				.toList()));
		}
		blocks.add(new Block("办理地点和时间", guide.halls().isEmpty() ? List.of("请咨询当地政务服务中心")
				: guide.halls().stream().map(GuideText::hall).toList()));
		blocks.add(new Block("办理渠道", guide.channels().stream().map(Label::zh).toList()));
		blocks.add(new Block("结果送达", guide.deliveries().stream().map(Label::zh).toList()));
		blocks.add(Block.paragraph("本指南根据事项目录第" + guide.catalogueVersion() + "版生成，以受理时的规定为准；本文件为中文版，英文版见网页。"));
		return blocks;
	}

	private static Block item(int n, ItemGuide item) {
		List<String> lines = new ArrayList<>();
		lines.add("实施部门：" + item.department().zh());
		lines.add("办结时限：法定" + (item.legalLimit() == 0 ? "即办" : item.legalLimit() + "个工作日") + "，承诺"
				+ (item.instant() || item.promisedLimit() == 0 ? "即办" : item.promisedLimit() + "个工作日"));
		ServiceGuide.Fee fee = item.fee();
		lines.add("收费标准：" + fee.text().zh() + (fee.basis() == null || fee.basis().isBlank() ? "" : "（收费依据：" + fee.basis() + "）"));
		if (item.legalBasis() != null && !item.legalBasis().isBlank()) {
			lines.add("设定依据：" + item.legalBasis());
		}
		if (item.result() != null) {
			lines.add("办理结果：" + item.result().zh());
		}
		for (MaterialGuide m : item.materials()) {
			lines.add(material(m));
		}
		return new Block("事项" + n + "：" + item.name().zh() + "（" + item.handled().zh() + "）", lines);
	}

	private static String material(MaterialGuide m) {
		StringBuilder line = new StringBuilder("材料：").append(m.name().zh()).append("（").append(m.form().zh());
		line.append("；").append(m.required() ? "必交" : "按情形提交").append("；").append(m.source().zh());
		if (m.gapAllowed()) {
			line.append("；可容缺受理");
		}
		if (m.commitmentAllowed()) {
			line.append("；可告知承诺");
		}
		if (m.exemptByLaw() != null && !m.exemptByLaw().isBlank()) {
			line.append("；依法免交：").append(m.exemptByLaw());
		}
		if (m.sample() != null) {
			line.append("；样本：").append(m.sample());
		}
		return line.append("）").toString();
	}

	private static String hall(HallGuide h) {
		return h.name().zh() + (h.address() == null ? "" : "；地址：" + h.address().zh())
				+ (h.hours() == null ? "" : "；办公时间：" + h.hours().zh()) + (h.phone() == null ? "" : "；咨询电话：" + h.phone());
	}
}
