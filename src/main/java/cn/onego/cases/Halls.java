package cn.onego.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * The government service halls (政务服务大厅), their windows, and the category of comprehensive window (综合窗口)
 * that accepts each matter — the one source of a hall's public details. They are data administrators keep
 * ({@link HallAdministration}); this class answers from an in-memory snapshot, replaced after every change made on
 * this node and, within {@code onego.halls.refresh-interval}, after one made on another.
 */
@Component
public class Halls implements SmartInitializingSingleton {

	/**
	 * A kind of comprehensive window (e.g. 市场准入和企业服务, 社会事务, 不动产登记) and the matter themes whose matters
	 * it accepts.
	 */
	public record WindowCategory(String code, String name, String nameEn, List<Theme> themes, int version) {

		public WindowCategory {
			themes = List.copyOf(themes);
		}

		public Label label() {
			return Label.of(name, nameEn);
		}
	}

	/** A window of a hall: its number and name, the categories it accepts, and whether it is open. */
	public record Window(String number, String name, String nameEn, List<String> categories, boolean open) {

		public Window {
			categories = List.copyOf(categories);
		}
	}

	/**
	 * A hall as the public meets it: its name, where it is, how to call it and when it is open, in Chinese and
	 * English; the categories its windows accept (all of them when {@code everyCategory}), its windows, and since
	 * when it is closed (null while open).
	 */
	public record Hall(String code, String name, String nameEn,
			@JsonSerialize(using = ToStringSerializer.class) RegionCode region, String address, String addressEn,
			String phone, String hours, String hoursEn, boolean everyCategory, Set<String> categories, List<Window> windows,
			Instant closedAt, int version) {

		public Hall {
			categories = Set.copyOf(categories);
			windows = List.copyOf(windows);
		}

		public String name(boolean english) {
			return english && nameEn != null ? nameEn : name;
		}

		public String address(boolean english) {
			return english && addressEn != null ? addressEn : address;
		}

		public String hours(boolean english) {
			return english && hoursEn != null ? hoursEn : hours;
		}

		/** Whether its windows accept matters of the category. */
		public boolean accepts(String category) {
			return everyCategory || categories.contains(category);
		}

		public boolean open() {
			return closedAt == null;
		}
	}

	/**
	 * A hall as pages show it to anyone: names, never codes, for what is read; the code only to tell halls apart.
	 */
	public record HallView(String code, Label name, Label address, String phone, Label hours, String region,
			List<Label> categories, List<WindowView> windows, boolean closed) {
	}

	/** A window as pages show it. */
	public record WindowView(String number, Label name, List<Label> categories, boolean open) {
	}

	/** A code as cases and history lines hold it: six digits of the region, a dash, capitals. */
	private static final Pattern CODE_IN_TEXT = Pattern.compile("\\b\\d{6}-[A-Z0-9][A-Z0-9_-]*");

	private final HallRows rows;
	private final HallSeed seed;
	private final AtomicReference<HallDirectory> directory = new AtomicReference<>();

	Halls(HallRows rows, HallSeed seed) {
		this.rows = rows;
		this.seed = seed;
	}

	@Override
	public void afterSingletonsInstantiated() {
		seed.seedIfEmpty();
		refresh();
	}

	/** Re-reads the halls when another node changed them. */
	@Scheduled(fixedDelayString = "${onego.halls.refresh-interval:30s}", initialDelayString = "${onego.halls.refresh-interval:30s}")
	void refreshIfChanged() {
		HallDirectory current = directory.get();
		if (current == null || rows.lastChange() != current.lastChange()) {
			refresh();
		}
	}

	/** Reads the tables again: after each change here, at once. */
	void refresh() {
		directory.set(rows.directory());
	}

	private HallDirectory directory() {
		HallDirectory current = directory.get();
		if (current == null) {
			refresh();
			current = directory.get();
		}
		return current;
	}

	// ------------------------------------------------------------------ reading

	public Optional<Hall> hall(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(directory().halls().get(code));
	}

	/** Every hall, closed ones too (they still hold cases). */
	public List<Hall> all() {
		return new ArrayList<>(directory().halls().values());
	}

	/** The window categories, in their order. */
	public List<WindowCategory> categories() {
		return directory().categories();
	}

	public Optional<WindowCategory> category(String code) {
		return directory().category(code);
	}

	/** The window category of a matter, from its life-cycle theme. */
	public WindowCategory categoryOf(Matter matter) {
		HallDirectory d = directory();
		String code = d.categoryOf(matter.theme());
		return d.category(code).orElseGet(() -> new WindowCategory(code, code, null, List.of(matter.theme()), 0));
	}

	/** Whether the hall's windows accept the matter (a closed hall accepts nothing new). */
	public boolean accepts(HallCode hall, Matter matter) {
		HallDirectory d = directory();
		return hall(hall.value()).filter(Hall::open).map(h -> h.accepts(d.categoryOf(matter.theme()))).orElse(false);
	}

	/**
	 * The competent hall: the nearest open hall up the applicant's region whose comprehensive windows accept the
	 * matter's category; the provincial hall ({@code <province>-HALL}) when none is configured.
	 */
	public HallCode competentHall(Catalogue catalogue, Matter matter, RegionCode region) {
		HallDirectory d = directory();
		List<RegionCode> lineage = catalogue.lineage(region).stream().map(Region::code).toList();
		return d.competent(lineage, d.categoryOf(matter.theme()))
			.map(h -> HallCode.of(h.code()))
			.orElseGet(() -> HallCode.of(region.province().value() + "-HALL"));
	}

	/**
	 * The hall as pages show it. A province's fallback hall that nobody configured yet is named after its region,
	 * so that no page needs to show its code.
	 */
	public HallView view(HallCode code, Catalogue catalogue) {
		HallDirectory d = directory();
		Hall hall = d.halls().get(code.value());
		if (hall == null) {
			String region = code.value().length() >= 6 ? code.value().substring(0, 6) : "";
			String regionName = RegionCode.isWellFormed(region)
					? catalogue.region(RegionCode.of(region)).map(Region::name).orElse("") : "";
			return new HallView(code.value(), Label.of(regionName + "政务服务中心", "Government Service Centre"), null, null, null,
					region, List.of(), List.of(), false);
		}
		return view(hall, d);
	}

	/** The open halls, as the public list shows them; those of a region and below when one is given. */
	public List<HallView> openHalls(RegionCode within) {
		HallDirectory d = directory();
		return d.halls()
			.values()
			.stream()
			.filter(Hall::open)
			.filter(h -> within == null || h.region().value().startsWith(within.prefix()))
			.map(h -> view(h, d))
			.toList();
	}

	/** The text with every hall code in it replaced by the hall's name: history lines read by applicants. */
	public String named(String text) {
		if (text == null) {
			return null;
		}
		HallDirectory d = directory();
		Matcher m = CODE_IN_TEXT.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Hall hall = d.halls().get(m.group());
			// a department's code looks alike: only halls are named
			String shown = hall != null ? hall.name() : m.group().endsWith("-HALL") ? "政务服务中心" : m.group();
			m.appendReplacement(out, Matcher.quoteReplacement(shown));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static HallView view(Hall h, HallDirectory d) {
		List<Label> categories = h.everyCategory() ? d.categories().stream().map(WindowCategory::label).toList()
				: d.categories().stream().filter(c -> h.categories().contains(c.code())).map(WindowCategory::label).toList();
		List<WindowView> windows = h.windows()
			.stream()
			.map(w -> new WindowView(w.number(), Label.of(w.name(), w.nameEn()),
					d.categories().stream().filter(c -> w.categories().contains(c.code())).map(WindowCategory::label).toList(),
					w.open()))
			.toList();
		return new HallView(h.code(), Label.of(h.name(), h.nameEn()), Label.of(h.address(), h.addressEn()), h.phone(),
				Label.of(h.hours(), h.hoursEn()), h.region().value(), categories, windows, !h.open());
	}
}
