package cn.onego.application;

import cn.onego.catalog.Enums.Registry;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * How one material of an application is satisfied — exactly one way — with the reason the applicant is
 * shown (e.g. "已通过电子证照获取：营业执照"). Besides the six ways of the once-only rules, an item's own
 * application form (a material of kind FORM) is replaced by the one merged form the applicant signs.
 */
public sealed interface Resolution {

	Source source();

	Message explanation();

	/** The ways, in the order they are tried. */
	enum Source {
		EXEMPT_BY_LAW, MERGED_FORM, EARLIER_ITEM, E_LICENCE, REGISTRY, COMMITMENT, UPLOAD;

		/** Whether the applicant has nothing to hand in for it. */
		public boolean spared() {
			return this != UPLOAD;
		}
	}

	record ExemptByLaw(String basis) implements Resolution {

		public Source source() {
			return Source.EXEMPT_BY_LAW;
		}

		public Message explanation() {
			// the catalogue quotes the legal ground in Chinese: English names the law by its title and leaves the
			// provision to the Chinese text
			java.util.regex.Matcher titles = java.util.regex.Pattern.compile("《[^》]+》").matcher(basis);
			java.util.List<String> laws = new java.util.ArrayList<>();
			while (titles.find()) {
				laws.add(titles.group());
			}
			return Message.of("依法免于提交：" + basis, laws.isEmpty() ? "Not required by law (the legal ground is given in Chinese)"
					: "Not required by law: " + String.join(", ", laws));
		}
	}

	record MergedFormReplaces(Label material) implements Resolution {

		public Source source() {
			return Source.MERGED_FORM;
		}

		public Message explanation() {
			return Message.of("已由一张综合申请表（一表单）替代：" + material.zh(),
					"Replaced by the one merged application form: " + (material.en() == null ? material.zh() : material.en()));
		}
	}

	record EarlierItem(String item, Label itemName, Label material) implements Resolution {

		public Source source() {
			return Source.EARLIER_ITEM;
		}

		public Message explanation() {
			return Message.of("由本件事的前置事项“" + itemName.zh() + "”办结后产生：" + material.zh(),
					"Produced by the earlier item '" + (itemName.en() == null ? itemName.zh() : itemName.en())
							+ "' of this matter: " + (material.en() == null ? material.zh() : material.en()));
		}
	}

	/**
	 * An e-licence of the material's type. {@code obtained}: it was read for this applicant under their consent
	 * ("已通过电子证照获取"); otherwise the catalogue only says it can be, if the applicant holds one.
	 */
	record ELicence(String licenceType, Label material, boolean obtained) implements Resolution {

		public Source source() {
			return Source.E_LICENCE;
		}

		public Message explanation() {
			String en = material.en() == null ? material.zh() : material.en();
			return obtained ? Message.of("已通过电子证照获取：" + material.zh(), "Obtained as an electronic licence: " + en)
					: Message.of("可通过电子证照获取（授权后如已持证则无需提交）：" + material.zh(),
							"Can be obtained as an electronic licence (nothing to hand in if you hold one and consent): " + en);
		}
	}

	/**
	 * A shared registry's record. {@code obtained}: the registry was read for this applicant under their consent
	 * and holds it; otherwise the catalogue only says it can answer for it.
	 */
	record FromRegistry(Registry registry, Label material, boolean obtained) implements Resolution {

		public Source source() {
			return Source.REGISTRY;
		}

		public Message explanation() {
			String en = material.en() == null ? material.zh() : material.en();
			return obtained
					? Message.of("已通过数据共享核验（" + Registries.label(registry).zh() + "）：" + material.zh(),
							"Verified through data sharing (" + Registries.label(registry).en() + "): " + en)
					: Message.of("可通过数据共享核验（" + Registries.label(registry).zh() + "，授权后如有记录则无需提交）：" + material.zh(),
							"Can be verified through data sharing (" + Registries.label(registry).en()
									+ "; nothing to hand in if it holds your record and you consent): " + en);
		}
	}

	record Commitment(Label material) implements Resolution {

		public Source source() {
			return Source.COMMITMENT;
		}

		public Message explanation() {
			return Message.of("以申请人签署的告知承诺书代替：" + material.zh(),
					"Replaced by the applicant's signed commitment: " + (material.en() == null ? material.zh() : material.en()));
		}
	}

	record Upload(Label material, Message why) implements Resolution {

		public Source source() {
			return Source.UPLOAD;
		}

		public Message explanation() {
			return why;
		}
	}
}
