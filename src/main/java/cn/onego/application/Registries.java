package cn.onego.application;

import java.util.EnumMap;
import java.util.Map;

import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/** The names of the shared registries (共享库) as applicants see them. */
public final class Registries {

	private static final Map<Registry, Label> LABELS = new EnumMap<>(Map.ofEntries(
			Map.entry(Registry.POPULATION, Label.of("人口库", "population registry")),
			Map.entry(Registry.ENTERPRISE, Label.of("法人库", "enterprise registry")),
			Map.entry(Registry.PROPERTY, Label.of("不动产登记信息", "real-estate register")),
			Map.entry(Registry.SOCIAL_SECURITY, Label.of("社会保险信息", "social-security records")),
			Map.entry(Registry.MEDICAL_INSURANCE, Label.of("医疗保障信息", "medical-insurance records")),
			Map.entry(Registry.CIVIL_AFFAIRS, Label.of("民政信息（婚姻、殡葬）", "civil-affairs records")),
			Map.entry(Registry.HOUSING_FUND, Label.of("住房公积金信息", "housing-fund records")),
			Map.entry(Registry.TAX, Label.of("税务信息", "tax records")),
			Map.entry(Registry.EDUCATION, Label.of("学籍信息", "school records")),
			Map.entry(Registry.HEALTH, Label.of("卫生健康信息（出生、死亡医学证明）", "health records (birth and death)")),
			Map.entry(Registry.CREDIT, Label.of("信用信息", "credit records")),
			Map.entry(Registry.DISABILITY, Label.of("残疾人信息", "disability records")),
			Map.entry(Registry.VETERANS, Label.of("退役军人信息", "veterans' records")),
			Map.entry(Registry.GEOGRAPHY, Label.of("标准地址库", "standard address registry"))));

	private Registries() {
	}

	public static Label label(Registry registry) {
		return LABELS.get(registry);
	}
}
