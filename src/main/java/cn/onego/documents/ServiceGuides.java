package cn.onego.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.onego.cases.HallCode;
import cn.onego.cases.Halls;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Item;
import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.documents.ServiceGuide.Fee;
import cn.onego.documents.ServiceGuide.HallGuide;
import cn.onego.documents.ServiceGuide.ItemGuide;
import cn.onego.documents.ServiceGuide.MaterialGuide;
import cn.onego.documents.ServiceGuide.SituationGuide;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * 办事指南 of any matter in the catalogue, built from it and the hall directory as they are now — nothing is written
 * per matter — and drawn as an A4 PDF by the documents' own machinery ({@link DocumentPdf}), in Chinese.
 */
@Service
public class ServiceGuides {

	/** More halls than a guide can usefully list: the nearest ones come first when a region is given. */
	static final int MAX_HALLS = 30;

	private static final Map<Registry, Label> REGISTRIES = new EnumMap<>(Map.ofEntries(
			Map.entry(Registry.POPULATION, Label.of("人口库", "population registry")),
			Map.entry(Registry.ENTERPRISE, Label.of("法人库", "enterprise registry")),
			Map.entry(Registry.PROPERTY, Label.of("不动产登记库", "property registry")),
			Map.entry(Registry.SOCIAL_SECURITY, Label.of("社会保险库", "social security registry")),
			Map.entry(Registry.MEDICAL_INSURANCE, Label.of("医疗保障库", "medical insurance registry")),
			Map.entry(Registry.CIVIL_AFFAIRS, Label.of("民政库", "civil affairs registry")),
			Map.entry(Registry.HOUSING_FUND, Label.of("住房公积金库", "housing fund registry")),
			Map.entry(Registry.TAX, Label.of("税务库", "tax registry")),
			Map.entry(Registry.EDUCATION, Label.of("教育库", "education registry")),
			Map.entry(Registry.HEALTH, Label.of("卫生健康库", "health registry")),
			Map.entry(Registry.CREDIT, Label.of("信用库", "credit registry")),
			Map.entry(Registry.DISABILITY, Label.of("残联库", "disability registry")),
			Map.entry(Registry.VETERANS, Label.of("退役军人库", "veterans registry")),
			Map.entry(Registry.GEOGRAPHY, Label.of("地理信息库", "geographic registry"))));

	/** How a matter may be applied for, in the order a person would try them. */
	private static final List<Label> CHANNELS = List.of(
			Label.of("网上办：政务服务网提交申请", "Online: apply on the government service portal"),
			Label.of("掌上办：手机端提交申请", "On the phone: apply from the mobile app"),
			Label.of("窗口办：到政务服务大厅综合窗口一窗受理", "At the window: the comprehensive window of a hall"),
			Label.of("自助办：政务服务大厅自助终端", "Self-service: the kiosks of the halls"),
			Label.of("帮代办：由大厅工作人员帮办代办", "Assisted: hall staff apply on your behalf"));

	private final CatalogQueries catalog;
	private final Halls halls;

	ServiceGuides(CatalogQueries catalog, Halls halls) {
		this.catalog = catalog;
		this.halls = halls;
	}

	/** The guide of the matter; with a region, its competent departments and its halls nearest first. */
	public ServiceGuide guide(String matterCode, String regionCode) {
		Catalogue catalogue = catalog.catalogue();
		Matter matter = catalog.matter(matterCode);
		Region region = region(regionCode);
		List<ItemGuide> items = new ArrayList<>();
		for (Matter.MatterItem line : matter.items()) {
			items.add(item(catalogue, catalogue.item(line.item()).orElseThrow(), line, region));
		}
		List<SituationGuide> situations = matter.situations()
			.stream()
			.map(s -> new SituationGuide(s.question(), s.options().stream().map(Matter.Option::label).toList()))
			.toList();
		Label lead = matter.leadDepartmentType() == null ? null
				: department(catalogue, matter.leadDepartmentType(), region);
		Label applicants = matter.applicantType() == ApplicantType.ENTERPRISE ? Label.of("企业等法人和其他组织", "Enterprises and other organisations")
				: Label.of("自然人", "Citizens");
		return new ServiceGuide(matter.code(), matter.name(), matter.description(), applicants, lead,
				region == null ? null : Label.of(region.name(), region.name()), items, situations, halls(catalogue, matter, region),
				CHANNELS,
				List.of(Label.of("窗口领取：到受理大厅出件窗口领取结果", "Collect the results at the hall's exit window"),
						Label.of("免费邮寄：结果免费寄送到您填写的地址", "Free mail: the results are sent to your address free of charge")),
				catalogue.version());
	}

	/** The guide as an A4 PDF, in Chinese. */
	public byte[] pdf(String matterCode, String regionCode) {
		ServiceGuide guide = guide(matterCode, regionCode);
		return DocumentPdf.renderPlain(GuideText.title(guide), GuideText.blocks(guide));
	}

	private Region region(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		if (!RegionCode.isWellFormed(code.trim())) {
			throw InvalidInput.of("region", "pattern", Message.of("地区代码应为6位数字", "a region is given by its six digits"));
		}
		return catalog.region(RegionCode.of(code.trim()));
	}

	private ItemGuide item(Catalogue catalogue, Item item, Matter.MatterItem line, Region region) {
		Label handled = line.mandatory() ? Label.of("必办", "Always handled")
				: line.included() ? Label.of("默认办理，可按情形调整", "Handled unless your answers leave it out")
				: Label.of("按情形办理", "Handled when your answers call for it");
		List<MaterialGuide> materials = item.materials().stream().map(use -> material(catalogue, use)).toList();
		Label result = item.result() == null ? null : item.result().name();
		Label typeName = catalogue.departmentType(item.departmentType()).map(t -> t.name()).orElse(Label.of(item.departmentType(), null));
		Label department = region == null ? typeName
				: catalogue.competentDepartment(item, region.code()).map(d -> Label.of(d.name(), typeName.en())).orElse(typeName);
		return new ItemGuide(item.code(), item.name(), department, handled,
				item.legalLimit(), item.promisedLimit(), item.instant(), fee(item.fee()), item.legalBasis(), result, materials);
	}

	/** The competent department of the region where it is known, else the kind of department (市场监督管理部门). */
	private static Label department(Catalogue catalogue, String type, Region region) {
		Label typeName = catalogue.departmentType(type).map(t -> t.name()).orElse(Label.of(type, type));
		if (region == null) {
			return typeName;
		}
		return catalogue.departmentOf(type, region.code())
			.map(Department::name)
			.map(name -> Label.of(name, typeName.en()))
			.orElse(typeName);
	}

	static Fee fee(Item.Fee fee) {
		if (fee == null || fee.amount() == null || fee.free()) {
			String basis = fee == null ? null : fee.basis();
			return new Fee(BigDecimal.ZERO, true, basis, Label.of("不收费", "Free of charge"));
		}
		String amount = fee.amount().stripTrailingZeros().toPlainString();
		return new Fee(fee.amount(), false, fee.basis(), Label.of(amount + " 元", "CNY " + amount));
	}

	private static MaterialGuide material(Catalogue catalogue, Item.ItemMaterial use) {
		Material m = catalogue.material(use.material()).orElseThrow();
		String zh = (use.originals() > 0 ? "原件" + use.originals() + "份" : "")
				+ (use.originals() > 0 && use.copies() > 0 ? "、" : "") + (use.copies() > 0 ? "复印件" + use.copies() + "份" : "");
		String en = (use.originals() > 0 ? use.originals() + " original(s)" : "")
				+ (use.originals() > 0 && use.copies() > 0 ? ", " : "") + (use.copies() > 0 ? use.copies() + " copy(ies)" : "");
		Label form = zh.isEmpty() ? Label.of("电子文件1份", "1 electronic file") : Label.of(zh, en);
		Label source = m.licenceType() != null ? Label.of("可用电子证照，免于提交", "An e-licence stands for it: no need to hand it in")
				: m.registry() != null ? Label.of("经授权可由" + REGISTRIES.get(m.registry()).zh() + "共享获取，免于提交",
						"With your consent it is read from the " + REGISTRIES.get(m.registry()).en() + ": no need to hand it in")
				: Label.of("申请人提供", "You provide it");
		return new MaterialGuide(m.code(), m.name(), m.issuer(), use.required(), use.originals(), use.copies(), form, source,
				use.gapAllowed(), use.commitmentAllowed(), use.exemptByLaw(), null);
	}

	/** The open halls whose windows accept the matter: with a region, the competent one first, then those within it. */
	private List<HallGuide> halls(Catalogue catalogue, Matter matter, Region region) {
		String category = halls.categoryOf(matter).code();
		List<HallGuide> found = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		if (region != null) {
			HallCode competent = halls.competentHall(catalogue, matter, region.code());
			Halls.HallView view = halls.view(competent, catalogue);
			found.add(new HallGuide(view.name(), view.address(), view.phone(), view.hours()));
			seen.add(competent.value());
		}
		for (Halls.Hall h : halls.all()) {
			if (found.size() >= MAX_HALLS) {
				break;
			}
			boolean within = region == null || h.region().value().startsWith(region.code().prefix());
			if (h.open() && h.accepts(category) && within && !seen.contains(h.code())) {
				found.add(new HallGuide(Label.of(h.name(), h.nameEn()), h.address() == null ? null : Label.of(h.address(), h.addressEn()), h.phone(),
						h.hours() == null ? null : Label.of(h.hours(), h.hoursEn())));
				seen.add(h.code());
			}
		}
		return found;
	}
}
