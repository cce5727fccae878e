package cn.onego.documents;

import java.math.BigDecimal;
import java.util.List;

import cn.onego.shared.Label;

/**
 * 办事指南: what a person needs to know before applying for a matter, as the catalogue and the hall directory say it
 * today — its items with the departments that decide them, their limits, fees and legal basis, the materials and
 * where each comes from, the situations that change what applies, where and when it is handled, and how to apply.
 * Everything a person reads is a name, in Chinese and English where the data has both; codes only tell things apart.
 *
 * @param region the region the departments and halls are those of (null: every hall that handles it)
 */
public record ServiceGuide(String code, Label name, Label description, Label applicants, Label leadDepartment, Label region,
		List<ItemGuide> items, List<SituationGuide> situations, List<HallGuide> halls, List<Label> channels,
		List<Label> deliveries, long catalogueVersion) {

	/**
	 * One item of the matter.
	 *
	 * @param department the competent department where the region is known, else the kind of department
	 * @param handled whether it is always handled, by default, or only in some situations
	 */
	public record ItemGuide(String code, Label name, Label department, Label handled, int legalLimit, int promisedLimit,
			boolean instant, Fee fee, String legalBasis, Label result, List<MaterialGuide> materials) {
	}

	/** The fee: the amount and its basis, or 不收费. */
	public record Fee(BigDecimal amount, boolean free, String basis, Label text) {
	}

	/**
	 * A material as the item asks for it: how many originals and copies, where it can come from instead of the
	 * applicant's hands, and the sample to follow when the catalogue links one (none does yet: null).
	 */
	public record MaterialGuide(String code, Label name, Label issuer, boolean required, int originals, int copies,
			Label form, Label source, boolean gapAllowed, boolean commitmentAllowed, String exemptByLaw, String sample) {
	}

	/** A situation question and its answers. */
	public record SituationGuide(Label question, List<Label> answers) {
	}

	/** A hall where the matter is handled. */
	public record HallGuide(Label name, Label address, String phone, Label hours) {
	}
}
