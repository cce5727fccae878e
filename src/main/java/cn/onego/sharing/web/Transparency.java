package cn.onego.sharing.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Material;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.platform.Message;
import cn.onego.shared.Label;
import cn.onego.sharing.Consent;
import cn.onego.sharing.Consents;
import cn.onego.sharing.DataAccess;
import cn.onego.sharing.resources.SharedResources;

/**
 * The consents and the data-access log as the person they are about reads them (like Estonia's data tracker):
 * in sentences, in Chinese and English — which matter, which registries and licences, who read (a department,
 * or the platform on their behalf; never a staff member's username), why, and under which consent or legal
 * basis. The codes stay beside the words for clients that need them.
 */
@Component
class Transparency {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

	/** Why a read was refused or found nothing, as logged, in words. */
	private static final Map<String, Message> REASONS = Map.ofEntries(
			Map.entry("no consent given", Message.of("您未授权读取", "you gave no consent")),
			Map.entry("unknown consent", Message.of("所引用的授权不存在", "the consent referred to does not exist")),
			Map.entry("consent is for another applicant", Message.of("授权属于其他申请人", "the consent is another applicant's")),
			Map.entry("consent is for another matter", Message.of("授权用于其他事项", "the consent is for another matter")),
			Map.entry("consent withdrawn", Message.of("授权已被您撤回", "you withdrew the consent")),
			Map.entry("consent expired", Message.of("授权已过期", "the consent expired")),
			Map.entry("consent does not cover this data", Message.of("授权范围不包括此项数据", "the consent does not cover this data")),
			Map.entry("no record held", Message.of("该库中没有您的记录", "the registry holds no record of you")),
			Map.entry("no valid licence held", Message.of("未找到您有效的此类电子证照", "no valid licence of this kind was found")),
			Map.entry("real-name check asked by the person", Message.of("您注册时的实名核验", "the real-name check when you registered")));

	private final Consents consents;
	private final CatalogQueries catalog;
	private final Actors actors;
	private final SharedResources resources;

	Transparency(Consents consents, CatalogQueries catalog, Actors actors, SharedResources resources) {
		this.resources = resources;
		this.consents = consents;
		this.catalog = catalog;
		this.actors = actors;
	}

	/** A consent in words: the matter, each registry and licence it covers, and its status. */
	record ConsentView(UUID id, String matter, Label matterName, Set<Registry> registries, List<Label> registryNames,
			Set<String> licenceTypes, List<Label> licenceNames, String purpose, String grantedBy, Instant grantedAt,
			Instant validUntil, Instant withdrawnAt, Consent.Status status, Message statusText) {
	}

	/**
	 * One read of the person's data in words. {@code actor}: the reader's username only when it is the person
	 * asking (their own application); {@code who}: who read, as a department or the platform on their behalf.
	 */
	record AccessView(long id, Instant at, String actor, Message who, String source, Label sourceName, Message what,
			String purpose, Message why, UUID consentId, Message basis, DataAccess.Outcome outcome, Message outcomeText,
			String reason, Message reasonText) {
	}

	ConsentView consent(Consent c, Instant now) {
		Catalogue catalogue = catalog.catalogue();
		Consent.Status status = c.statusAt(now);
		return new ConsentView(c.id(), c.matter(), matterName(catalogue, c.matter()), c.registries(),
				c.registries().stream().map(Transparency::registryName).toList(), c.licenceTypes(),
				c.licenceTypes().stream().map(type -> licenceName(catalogue, type)).toList(), c.purpose(), c.grantedBy(),
				c.grantedAt(), c.validUntil(), c.withdrawnAt(), status, switch (status) {
					case ACTIVE -> Message.of("有效，至 " + DAY.format(c.validUntil()), "in force until " + DAY.format(c.validUntil()));
					case WITHDRAWN -> Message.of("已于 " + DAY.format(c.withdrawnAt()) + " 撤回",
							"withdrawn on " + DAY.format(c.withdrawnAt()));
					case EXPIRED -> Message.of("已于 " + DAY.format(c.validUntil()) + " 到期", "expired on " + DAY.format(c.validUntil()));
				});
	}

	List<AccessView> accesses(List<DataAccess> log, Actor asking) {
		Catalogue catalogue = catalog.catalogue();
		Map<UUID, Optional<Consent>> consentsSeen = new LinkedHashMap<>();
		Map<String, Message> readers = new LinkedHashMap<>();
		// one look-up per resource and per reader, not per entry: a busy log names the same few again and again
		Map<String, Optional<Label>> resourcesSeen = new LinkedHashMap<>();
		Function<String, Optional<Label>> resourceName = code -> resourcesSeen.computeIfAbsent(code,
				c -> resources.find(c).map(r -> r.name()));
		return log.stream().map(entry -> {
			Optional<Consent> consent = entry.consentId() == null ? Optional.empty()
					: consentsSeen.computeIfAbsent(entry.consentId(), consents::find);
			Message reason = reason(entry);
			Message who = entry.department() != null ? departmentReading(catalogue, entry.department())
					: readers.computeIfAbsent(entry.actor(), this::who);
			return new AccessView(entry.id(), entry.at(), asking.username().equals(entry.actor()) ? entry.actor() : null,
					who, entry.source(), sourceName(entry.source()),
					what(catalogue, entry, resourceName), entry.purpose(), why(catalogue, entry, consent), entry.consentId(),
					basis(catalogue, entry, consent),
					entry.outcome(), outcome(entry), entry.reason(), reason);
		}).toList();
	}

	/** Why a read was refused, found nothing or could not be made; a department's reads by their sharing terms. */
	private static Message reason(DataAccess entry) {
		String reason = entry.reason();
		if (reason == null) {
			return null;
		}
		if (unavailable(entry)) {
			return Message.of("共享库暂时无法访问，未读取任何数据", "the registry could not be reached; nothing was read");
		}
		if (entry.department() != null) {
			return entry.outcome() == DataAccess.Outcome.REFUSED
					? Message.of("该部门没有读取此项数据的共享授权", "the department held no sharing approval for this data")
					: reason.endsWith("no record held") ? Message.of("该库中没有您的记录", "the registry holds no record of you")
							: Message.of("依据政务数据共享规则读取", "read under the government data-sharing rules");
		}
		return REASONS.getOrDefault(reason, Message.of("读取未能完成", "the read could not be completed"));
	}

	private static boolean unavailable(DataAccess entry) {
		return entry.reason() != null && entry.reason().contains("registry unavailable");
	}

	/** A department reading a shared resource about the person, by its name. */
	private static Message departmentReading(Catalogue catalogue, String department) {
		return catalogue.department(department)
			.map(d -> Message.of(d.name() + "（依据政务数据共享目录读取）", d.name() + " (a read under the data-sharing catalogue)"))
			.orElse(Message.of("政府部门（依据政务数据共享目录读取）", "a government department (a read under the data-sharing catalogue)"));
	}

	/** Read, looked up and found nothing, could not be read, or refused (then nothing was read). */
	private static Message outcome(DataAccess entry) {
		if (entry.outcome() == DataAccess.Outcome.REFUSED) {
			return Message.of("已拒绝", "refused");
		}
		if (unavailable(entry)) {
			return Message.of("未能读取", "could not be read");
		}
		boolean nothing = entry.reason() != null
				&& (entry.reason().endsWith("no record held") || "no valid licence held".equals(entry.reason()));
		return nothing ? Message.of("已查询，无记录", "looked up, nothing held") : Message.of("已读取", "read");
	}

	/** A department by its name, or the platform reading for the applicant: a username is never shown. */
	private Message who(String username) {
		if ("idp".equals(username)) {
			return Message.of("统一身份认证平台（您注册时）", "the identity platform (when you registered)");
		}
		Optional<Actor> reader = username == null ? Optional.empty() : actors.byUsername(username);
		if (reader.isPresent() && reader.get().staff()) {
			Actor staff = reader.get();
			Catalogue catalogue = catalog.catalogue();
			String unit = staff.department() != null ? staff.department() : staff.hall();
			return unit == null ? Message.of("政务服务工作人员（代您办理）", "government service staff (on your behalf)")
					: catalogue.department(unit)
						.map(d -> Message.of(d.name() + "（工作人员办理您的申请时）", d.name() + " (staff handling your application)"))
						.orElse(Message.of("政务服务中心（工作人员代您办理）", "the service hall (staff on your behalf)"));
		}
		return Message.of("一件事一次办平台（代您读取）", "the OneGo platform, on your behalf");
	}

	private static Message what(Catalogue catalogue, DataAccess entry, Function<String, Optional<Label>> resourceName) {
		String what = entry.what() == null ? "" : entry.what();
		if (entry.department() != null && what.contains(":")) {
			Optional<Label> resource = resourceName.apply(what.substring(0, what.indexOf(':')));
			if (resource.isPresent()) {
				return Message.of("共享数据：" + resource.get().zh(), "shared data: " + english(resource.get()));
			}
		}
		if ("form fields".equals(what)) {
			return Message.of("申请表预填信息", "values to prefill your form");
		}
		if (what.startsWith("material ")) {
			String code = what.substring("material ".length());
			Label name = catalogue.material(code).map(Material::name).orElse(Label.of("申请材料", "a material"));
			return Message.of("核验材料：" + name.zh(), "to verify a material: " + english(name));
		}
		if ("E_LICENCE".equals(entry.source())) {
			Label name = licenceName(catalogue, what);
			return Message.of("电子证照：" + name.zh(), "e-licence: " + english(name));
		}
		if (what.contains("APPLICANT_NAME")) {
			return Message.of("姓名与实名登记手机号", "your name and the mobile number on record");
		}
		return Message.of("登记信息", "records");
	}

	/** The purpose in both languages: applying for a matter, or registering with the real name. */
	private static Message why(Catalogue catalogue, DataAccess entry, Optional<Consent> consent) {
		String purpose = entry.purpose() == null ? "" : entry.purpose();
		Optional<Label> matter = consent.map(c -> matterName(catalogue, c.matter()));
		String applying = "一件事一次办申请：";
		if (matter.isEmpty() && purpose.startsWith(applying)) {
			String name = purpose.substring(applying.length());
			matter = catalogue.matters().stream().map(m -> m.name()).filter(l -> l.zh().equals(name)).findFirst();
		}
		if (matter.isPresent()) {
			return Message.of("办理“" + matter.get().zh() + "”", "applying for " + english(matter.get()));
		}
		if (purpose.startsWith("统一身份认证实名注册核验")) {
			return Message.of("统一身份认证实名注册核验", "the real-name check when you registered");
		}
		return Message.of(purpose, purpose);
	}

	private static Message basis(Catalogue catalogue, DataAccess entry, Optional<Consent> consent) {
		if (entry.department() != null) {
			// the department's own words: the law or rule it named when it read
			return Message.of("该部门说明的依据：" + entry.legalBasis(), "the legal basis the department gave: " + entry.legalBasis());
		}
		if (consent.isPresent()) {
			Consent c = consent.get();
			Label matter = matterName(catalogue, c.matter());
			if (entry.outcome() == DataAccess.Outcome.REFUSED) {
				return Message.of("所引用的授权：" + matter.zh() + "（" + DAY.format(c.grantedAt()) + " 授权，读取时已不适用）",
						"the consent referred to, for " + english(matter) + " (given " + DAY.format(c.grantedAt())
								+ ", no longer applicable when read)");
			}
			return Message.of("您的授权：" + matter.zh() + "（" + DAY.format(c.grantedAt()) + " 授权）",
					"your consent for " + english(matter) + " (given " + DAY.format(c.grantedAt()) + ")");
		}
		if ("real-name check asked by the person".equals(entry.reason())) {
			return Message.of("您本人申请实名注册", "your own request to register with your real name");
		}
		return Message.of("无授权，因此未读取", "no consent, so nothing was read");
	}

	private static Label matterName(Catalogue catalogue, String matter) {
		return catalogue.matter(matter).map(m -> m.name()).orElse(Label.of("一件事", "a matter"));
	}

	/** A licence type by the name of the material that is such a licence. */
	static Label licenceName(Catalogue catalogue, String type) {
		return catalogue.materials()
			.stream()
			.filter(m -> type.equals(m.licenceType()))
			.map(Material::name)
			.findFirst()
			.orElse(Label.of("电子证照", "an electronic licence"));
	}

	private static Label sourceName(String source) {
		if ("E_LICENCE".equals(source)) {
			return Label.of("电子证照库", "e-licence library");
		}
		try {
			return registryName(Registry.valueOf(source));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return Label.of("共享数据", "shared data");
		}
	}

	/**
	 * The names of the shared registries (共享库) as the apply page names them when it asks for consent, so that
	 * the person finds on these pages the words they agreed to.
	 */
	static Label registryName(Registry registry) {
		return switch (registry) {
			case POPULATION -> Label.of("人口库", "Population registry");
			case ENTERPRISE -> Label.of("法人库", "Enterprise registry");
			case PROPERTY -> Label.of("不动产登记库", "Property registry");
			case SOCIAL_SECURITY -> Label.of("社会保险库", "Social security registry");
			case MEDICAL_INSURANCE -> Label.of("医疗保障库", "Medical insurance registry");
			case CIVIL_AFFAIRS -> Label.of("民政库", "Civil affairs registry");
			case HOUSING_FUND -> Label.of("住房公积金库", "Housing fund registry");
			case TAX -> Label.of("税务库", "Tax registry");
			case EDUCATION -> Label.of("教育库", "Education registry");
			case HEALTH -> Label.of("卫生健康库", "Health registry");
			case CREDIT -> Label.of("信用库", "Credit registry");
			case DISABILITY -> Label.of("残联库", "Disability registry");
			case VETERANS -> Label.of("退役军人库", "Veterans registry");
			case GEOGRAPHY -> Label.of("地理信息库", "Geographic registry");
			// a registry added later is named by the catalogue of shared resources before it is named here
			default -> Label.of("共享数据", "shared data");
		};
	}

	private static String english(Label label) {
		return label.en() == null ? label.zh() : label.en();
	}
}
